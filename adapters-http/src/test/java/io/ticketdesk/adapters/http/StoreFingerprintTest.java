package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint the fuzz test compares before and after a refusal sees every kind of state a
 * request can write: if the store's fields are renamed or nested, this fails instead of the fuzz
 * test silently comparing less.
 */
class StoreFingerprintTest {

  @Test
  void theFingerprintNamesEveryCollectionOfTheStore() {
    try (TestApp app = new TestApp()) {
      String fingerprint = StoreFingerprint.of(app.store);
      for (String collection :
          List.of(
              "sellers",
              "tokens",
              "orders",
              "tickets",
              "messages",
              "textModules",
              "ledger",
              "keys",
              "labels",
              "outcomes")) {
        section(fingerprint, collection);
      }
    }
  }

  @Test
  void labelsModulesPolicyOutcomesLedgerAndIdempotencyKeysChangeTheFingerprint() {
    try (TestApp app = new TestApp()) {
      long sellerId = app.registerSeller("Print GmbH", "de");
      String seller = app.token("seller", sellerId, null);
      String buyer = app.token("buyer", null, 501L);
      String delivered = TestApp.START.minus(java.time.Duration.ofDays(2)).toString();
      app.feedOrderUnits(
          "FP1",
          sellerId,
          501,
          "de",
          List.of(
              Map.of(
                  "orderUnitId",
                  7001,
                  "title",
                  "Rack",
                  "ean",
                  "4006381333931",
                  "price",
                  Map.of("amount", 5999, "currency", "EUR"),
                  "state",
                  "received",
                  "deliveredAt",
                  delivered)));
      var ticket =
          app.api.post(
              "/api/v1/tickets",
              buyer,
              Map.of(
                  "orderUnitIds", List.of(7001),
                  "reason", "product_return",
                  "returnIntent", "refund",
                  "message", "I want my money back"));
      assertEquals(201, ticket.status(), ticket.body());
      String path = "/api/v1/tickets/" + ticket.json().get("ticketNumber").asText();

      changes(
          app,
          "a return label",
          () -> app.api.post(path + "/return-labels", seller, Map.of("carrier", "test-pdf")));
      changes(
          app,
          "a text module",
          () ->
              app.api.post(
                  "/api/v1/text-modules",
                  seller,
                  Map.of("storefront", "de", "name", "n", "body", "b")));
      String before = StoreFingerprint.of(app.store);
      var refund =
          app.api.post(
              path + "/refunds",
              seller,
              Map.of(
                  "orderUnitId",
                  7001,
                  "amount",
                  Map.of("amount", 100, "currency", "EUR"),
                  "reason",
                  "defect"),
              Map.of("Idempotency-Key", "fingerprint-1"));
      assertEquals(201, refund.status(), refund.body());
      String after = StoreFingerprint.of(app.store);
      assertNotEquals(section(before, "ledger"), section(after, "ledger"), "the ledger");
      assertNotEquals(section(before, "keys"), section(after, "keys"), "the idempotency keys");
      changes(
          app,
          "a first response recorded with its policy outcome",
          () ->
              app.api.post(
                  path + "/messages",
                  seller,
                  Map.of("text", "Try the straps first", "overridePolicyGuard", true)));
      assertNotEquals(
          "outcomes={}", section(StoreFingerprint.of(app.store), "outcomes"), "the policy outcome");
    }
  }

  private static void changes(TestApp app, String what, Supplier<ApiClient.Response> request) {
    String before = StoreFingerprint.of(app.store);
    var r = request.get();
    assertEquals(2, r.status() / 100, what + ": " + r.body());
    assertNotEquals(before, StoreFingerprint.of(app.store), what + " left no trace");
  }

  private static String section(String fingerprint, String collection) {
    for (String line : fingerprint.split("\n")) {
      if (line.startsWith(collection + "=")) {
        return line;
      }
    }
    throw new AssertionError(collection + " missing in " + fingerprint);
  }
}
