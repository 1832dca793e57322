package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ticketdesk.adapters.persistence.TestDatabase;
import io.ticketdesk.adapters.persistence.TestDatabases;
import io.ticketdesk.application.port.in.AssessReturnPolicyUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Ticket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hostile inputs whose harm depended on the database (issue 16), over HTTP on H2 and on
 * PostgreSQL (and the in-memory store): NUL and other controls in text, far-off instants, and a
 * request that fails after its use case committed.
 */
class HostileInputOnDatabasesTest {
  private TestApp app;
  private final AtomicBoolean failAnswers = new AtomicBoolean();
  private final AtomicBoolean failAfterPosting = new AtomicBoolean();

  @AfterEach
  void close() {
    if (app != null) {
      app.close();
    }
  }

  /** The app on the store, with the answer's return-policy state and posting able to fail. */
  private TestApp start(String store) {
    UnaryOperator<HttpDependencies> failing = this::failing;
    app =
        switch (store) {
          case "memory" -> new TestApp(failing);
          case "h2" -> onDatabase(TestDatabases.h2(), failing);
          case "postgresql" -> onDatabase(TestDatabases.postgres(), failing);
          default -> throw new IllegalArgumentException(store);
        };
    return app;
  }

  private static TestApp onDatabase(TestDatabase db, UnaryOperator<HttpDependencies> adjust) {
    return new TestApp(db.freshPorts(), db::fingerprint, db, adjust);
  }

  private HttpDependencies failing(HttpDependencies d) {
    AssessReturnPolicyUseCase assess = d.assessReturnPolicy();
    PostMessageUseCase post = d.postMessage();
    AssessReturnPolicyUseCase flaky =
        new AssessReturnPolicyUseCase() {
          @Override
          public ReturnPolicyState state(Actor actor, Ticket ticket) {
            if (failAnswers.get()) {
              throw new IllegalStateException("injected: the answer cannot be made");
            }
            return assess.state(actor, ticket);
          }

          @Override
          public List<ReturnPolicyState> states(Actor actor, List<Ticket> tickets) {
            return assess.states(actor, tickets);
          }
        };
    PostMessageUseCase postThenFail =
        (actor, command) -> {
          var posted = post.post(actor, command);
          if (failAfterPosting.get()) {
            throw new IllegalStateException("injected: failed after the message was stored");
          }
          return posted;
        };
    return new HttpDependencies(
        d.registerSeller(),
        d.issueToken(),
        d.authenticate(),
        d.feedOrder(),
        d.updateOrderUnit(),
        d.openTicket(),
        d.findTicket(),
        d.searchTickets(),
        d.listMessages(),
        postThenFail,
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
        flaky,
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

  private record Tenant(long sellerId, String seller, String buyer, String ticket) {}

  private Tenant tenant() {
    long sellerId = app.registerSeller("Fahrrad Franz GmbH", "de");
    String seller = app.token("seller", sellerId, null);
    String buyer = app.token("buyer", null, 501L);
    app.feedOrder("MQ8BRT7", sellerId, 501, "de", 1001, 1002);
    String ticket =
        "/api/v1/tickets/"
            + app.openTicket(buyer, 1001, "product_defect", null, "broken")
                .get("ticketNumber")
                .asText();
    return new Tenant(sellerId, seller, buyer, ticket);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "h2", "postgresql"})
  void aRequestAnswered5xxCommitsNothingAndItsIdempotencyKeyStaysUnused(String store) {
    start(store);
    Tenant t = tenant();
    var answered = app.api.post(t.ticket() + "/messages", t.seller(), Map.of("text", "on it"));
    assertEquals(201, answered.status(), answered.body()); // a seller closes answered tickets only
    String before = app.fingerprint();
    Map<String, String> key = Map.of("Idempotency-Key", "open-once-0001");
    String opening = "{\"orderUnitIds\":[1002],\"reason\":\"product_defect\",\"message\":\"hi\"}";

    failAnswers.set(true);
    var opened = app.api.send("POST", "/api/v1/tickets", t.buyer(), opening, key);
    assertEquals(500, opened.status(), opened.body());
    assertEquals(500, app.api.post(t.ticket() + "/close", t.seller(), null).status());
    assertEquals(before, app.fingerprint(), "a request answered 500 committed something");

    failAnswers.set(false);
    failAfterPosting.set(true);
    var posted =
        app.api.send(
            "POST",
            t.ticket() + "/messages",
            t.seller(),
            "{\"text\":\"stored, then failed\"}",
            Map.of("Idempotency-Key", "post-once-0001"));
    assertEquals(500, posted.status(), posted.body());
    assertEquals(before, app.fingerprint(), "a request answered 500 committed something");

    failAfterPosting.set(false);
    var retried = app.api.send("POST", "/api/v1/tickets", t.buyer(), opening, key);
    assertEquals(201, retried.status(), retried.body());
    assertFalse(retried.header("Idempotent-Replayed").isPresent(), "the key kept the 500");
    var again = app.api.send("POST", "/api/v1/tickets", t.buyer(), opening, key);
    assertEquals("true", again.header("Idempotent-Replayed").orElse(""), again.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "h2", "postgresql"})
  void nulAndOtherControlsInTextAreRefusedAndTabsAndLineBreaksAreStoredAsSent(String store) {
    start(store);
    Tenant t = tenant();
    String before = app.fingerprint();
    for (String escaped : List.of("\\u0000", "\\u0007", "\\ud800", "a\\u0000b")) {
      assertInvalid(
          app.api.send(
              "POST",
              t.ticket() + "/messages",
              t.buyer(),
              "{\"text\":\"x" + escaped + "\"}",
              Map.of()),
          "text");
      assertInvalid(
          app.api.send(
              "POST",
              "/api/v1/orders",
              TestApp.ADMIN,
              "{\"orderNumber\":\"NUL1\",\"storefront\":\"de\",\"sellerId\":"
                  + t.sellerId()
                  + ",\"orderedAt\":\"2026-02-20T10:00:00Z\",\"buyer\":{\"buyerId\":7,\"name\":\"N\","
                  + "\"email\":\"n"
                  + escaped
                  + "@example.org\"},\"units\":[{\"orderUnitId\":4001,\"title\":\"T\",\"ean\":"
                  + "\"4006381333931\",\"price\":{\"amount\":100,\"currency\":\"EUR\"},\"state\":"
                  + "\"sent\"}]}",
              Map.of()),
          "buyer.email");
    }
    assertEquals(before, app.fingerprint());
    String text = "line one\r\nline\ttwo \ud83d\udeb2 \u00e9";
    var r = app.api.post(t.ticket() + "/messages", t.buyer(), Map.of("text", text));
    assertEquals(201, r.status(), r.body());
    var items = app.api.get(t.ticket() + "/messages", t.seller()).json().get("items");
    assertEquals(text, items.get(items.size() - 1).get("text").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "h2", "postgresql"})
  void farOffInstantsAreRefusedAndTheLastAcceptedOneKeepsTheInboxReadable(String store) {
    start(store);
    Tenant t = tenant();
    String before = app.fingerprint();
    for (String instant :
        List.of(
            "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00+01:00",
            "2101-01-01T00:00:00Z")) {
      assertInvalid(
          app.api.patch(
              "/api/v1/orders/MQ8BRT7/units/1001", TestApp.ADMIN, Map.of("deliveredAt", instant)),
          "deliveredAt");
    }
    assertEquals(before, app.fingerprint());
    var last =
        app.api.patch(
            "/api/v1/orders/MQ8BRT7/units/1001",
            TestApp.ADMIN,
            Map.of("state", "received", "deliveredAt", "2100-12-31T23:59:59.999999Z"));
    assertEquals(200, last.status(), last.body());
    String cs = app.token("customer_service", null, null);
    for (String token : List.of(t.seller(), t.buyer(), cs, TestApp.ADMIN)) {
      assertEquals(200, app.api.get("/api/v1/tickets", token).status());
      assertEquals(200, app.api.get(t.ticket(), token).status());
    }
    assertEquals(
        "2100-12-31T23:59:59.999999Z",
        app.api.get(t.ticket() + "/order", t.seller()).json().at("/units/0/deliveredAt").asText());
  }
}
