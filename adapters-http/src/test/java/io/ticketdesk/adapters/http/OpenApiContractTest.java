package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** openapi.yaml and the live routes describe the same API, and the validator really checks. */
class OpenApiContractTest {

  private static Set<String> specOperations() {
    Set<String> ops = new TreeSet<>();
    ApiContract.forEachOperation(
        ContractValidator.SPEC,
        (path, method, op) -> ops.add(method.toUpperCase(Locale.ROOT) + " " + path));
    return ops;
  }

  @Test
  void everyLiveRouteIsInTheSpecAndEverySpecOperationIsLive() {
    try (TestApp app = new TestApp()) {
      Set<String> live = new TreeSet<>(app.server.routes());
      assertFalse(live.isEmpty());
      Set<String> spec = specOperations();
      List<String> missingInSpec = new ArrayList<>(live);
      missingInSpec.removeAll(spec);
      List<String> notLive = new ArrayList<>(spec);
      notLive.removeAll(live);
      assertEquals(List.of(), missingInSpec, "routes not documented in openapi.yaml");
      assertEquals(List.of(), notLive, "operations in openapi.yaml that are not served");
    }
  }

  @Test
  void everyOperationDocumentsItsErrorsAsProblems() {
    ApiContract.forEachOperation(
        ContractValidator.SPEC,
        (path, method, op) -> {
          op.path("responses")
              .fields()
              .forEachRemaining(
                  r -> {
                    if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                      String ref = r.getValue().path("$ref").asText();
                      var response =
                          ref.isEmpty()
                              ? r.getValue()
                              : ContractValidator.SPEC.at(ref.substring(1));
                      assertTrue(
                          response.path("content").has("application/problem+json"),
                          method + " " + path + " " + r.getKey() + " is not a problem");
                    }
                  });
          if (path.startsWith("/api/")) {
            assertTrue(op.path("responses").has("401"), method + " " + path + " lacks 401");
          }
        });
  }

  @Test
  void theValidatorRejectsBodiesThatDoNotMatch() {
    ContractValidator validator = new ContractValidator();
    String ticket =
        "{\"ticketNumber\":\"00100000001\",\"status\":\"open\",\"waitingOn\":null,\"storefront\":\"de\","
            + "\"orderNumber\":\"MQ8BRT7\",\"orderUnitIds\":[1],\"reason\":\"product_defect\",\"topic\":null,"
            + "\"returnIntent\":null,\"sellerId\":1,\"buyerId\":2,\"buyerName\":\"Erika Muster\","
            + "\"createdAt\":\"2026-03-02T09:00:00Z\",\"updatedAt\":\"2026-03-02T09:00:00Z\","
            + "\"responseDueAt\":\"2026-03-04T09:00:00Z\",\"overdue\":false,\"workingSecondsLeft\":172800,"
            + "\"firstResponseAt\":null,\"closedFinally\":false,\"version\":1,"
            + "\"returnPolicy\":{\"applies\":false,\"phase\":\"enforced\",\"satisfied\":true,"
            + "\"validOptions\":[\"label_url\"],\"breach\":false,\"breachedAt\":null,"
            + "\"recoveryDeadline\":null,\"sellerAddressLimit\":null,\"exchangeRate\":null}}";
    assertEquals(List.of(), validator.validateAgainst("Ticket", ticket));
    assertFalse(
        validator.validateAgainst("Ticket", ticket.replace("\"open\"", "\"pending\"")).isEmpty());
    assertFalse(
        validator.validateAgainst("Ticket", ticket.replace(",\"version\":1", "")).isEmpty());
    assertFalse(
        validator.validateAgainst("Ticket", ticket.replace("}", ",\"extra\":1}")).isEmpty());
    assertFalse(validator.validateAgainst("Problem", "{\"title\":\"x\"}").isEmpty());
    assertThrows(
        AssertionError.class,
        () ->
            validator.check(
                "GET",
                "/api/v1/tickets/00100000001",
                200,
                "application/json",
                "{\"status\":\"open\"}"));
    assertThrows(
        AssertionError.class,
        () -> validator.check("GET", "/api/v1/tickets/00100000001", 418, "application/json", "{}"));
    assertThrows(
        AssertionError.class,
        () -> validator.check("GET", "/api/v1/tickets/00100000001", 200, "text/html", "<p>"));
    assertThrows(
        AssertionError.class,
        () -> validator.check("GET", "/api/v1/undocumented", 200, "application/json", "{}"));
  }
}
