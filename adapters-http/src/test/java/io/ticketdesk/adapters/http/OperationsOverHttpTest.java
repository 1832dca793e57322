package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.StoreUnavailableException;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health, readiness, metrics, docs, and failures that are not the caller's fault. */
class OperationsOverHttpTest {

  @Test
  void healthAndReadiness() {
    try (TestApp app = new TestApp()) {
      var health = app.api.get("/health", null);
      assertEquals(200, health.status());
      assertEquals("up", health.json().get("status").asText());
      assertEquals(200, app.api.get("/ready", null).status());
      app.ready.set(false);
      var notReady = assertProblem(app.api.get("/ready", null), 503, "store-unavailable");
      assertTrue(notReady.header("Retry-After").isPresent());
    }
  }

  @Test
  void metricsHaveRequestTimersPerRouteTemplateAndStatus() {
    try (TestApp app = new TestApp()) {
      app.api.get("/api/v1/tickets/00100000001", TestApp.ADMIN);
      app.api.get("/api/v1/tickets", TestApp.ADMIN);
      var metrics = app.api.get("/metrics", null);
      assertEquals(200, metrics.status());
      assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
      String text = metrics.body();
      assertTrue(
          text.contains(
              "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/tickets/{ticketNumber}\",status=\"404\"} 1"),
          text);
      assertTrue(
          text.contains(
              "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/tickets\",status=\"200\"} 1"),
          text);
    }
  }

  @Test
  void theContractIsServedAsYaml() {
    try (TestApp app = new TestApp()) {
      var yaml = app.api.get("/openapi.yaml", null);
      assertEquals(200, yaml.status());
      assertTrue(yaml.body().startsWith("openapi: 3.1"));
    }
  }

  @Test
  void unexpectedFailuresAreInternalProblemsWithoutDetails() {
    try (TestApp app =
        new TestApp(
            deps ->
                withFindTicket(
                    deps,
                    (actor, number) -> {
                      throw new IllegalStateException("secret internals at line 42");
                    }))) {
      var r =
          assertProblem(app.api.get("/api/v1/tickets/00100000001", TestApp.ADMIN), 500, "internal");
      assertFalse(r.body().contains("secret"), r.body());
    }
  }

  @Test
  void anUnreachableStoreIsServiceUnavailableWithRetryAfter() {
    try (TestApp app =
        new TestApp(
            deps ->
                withFindTicket(
                    deps,
                    (actor, number) -> {
                      throw new StoreUnavailableException(
                          "connection refused", new SQLException("refused"));
                    }))) {
      var r =
          assertProblem(
              app.api.get("/api/v1/tickets/00100000001", TestApp.ADMIN), 503, "store-unavailable");
      assertEquals("5", r.header("Retry-After").orElseThrow());
      assertFalse(r.body().contains("refused"), r.body());
    }
  }

  @Test
  void tokensAreNotCached() {
    try (TestApp app = new TestApp()) {
      var r = app.api.post("/api/v1/tokens", TestApp.ADMIN, Map.of("role", "customer_service"));
      assertEquals(201, r.status());
      assertEquals("no-store", r.header("Cache-Control").orElseThrow());
      assertEquals("customer_service", r.json().get("label").asText());
    }
  }

  private static HttpDependencies withFindTicket(
      HttpDependencies d, io.ticketdesk.application.port.in.FindTicketUseCase find) {
    return new HttpDependencies(
        d.registerSeller(),
        d.issueToken(),
        d.authenticate(),
        d.feedOrder(),
        d.updateOrderUnit(),
        d.openTicket(),
        find,
        d.searchTickets(),
        d.listMessages(),
        d.postMessage(),
        d.closeTicket(),
        d.measureResponseTime(),
        d.manageTextModules(),
        d.renderTextModule(),
        d.ready(),
        d.clock(),
        d.showOrderDetails(),
        d.refund(),
        d.cancelOrderUnit(),
        d.escalateTicket(),
        d.handBackTicket(),
        d.assessReturnPolicy(),
        d.listCarriers(),
        d.createReturnLabel(),
        d.downloadReturnLabel(),
        d.exchangeRates(),
        d.markReturnRequest(),
        d.requests(),
        d.readEvents(),
        d.browserSessions(),
        d.workingTimeLeft(),
        d.buyerNames(),
        d.manageWebhooks(),
        d.streamEvents());
  }
}
