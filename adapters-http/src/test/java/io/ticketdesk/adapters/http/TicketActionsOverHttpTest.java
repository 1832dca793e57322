package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertInvalid;
import static io.ticketdesk.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Acting on the order from inside a ticket, and every refusal, over HTTP. */
class TicketActionsOverHttpTest {
  TestApp app;
  ApiClient api;
  long sellerA;
  String seller;
  String otherSeller;
  String buyer;
  String cs;
  String path;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    api = app.api;
    sellerA = app.registerSeller("Fahrrad Franz GmbH", "de");
    long sellerB = app.registerSeller("Other Seller AG", "de");
    seller = app.token("seller", sellerA, null);
    otherSeller = app.token("seller", sellerB, null);
    buyer = app.token("buyer", null, 501L);
    cs = app.token("customer_service", null, null);
    app.feedOrder("MQ8BRT7", sellerA, 501, "de", 1001, 1002, 1003);
    app.feedOrder("BB00001", sellerB, 501, "de", 3001);
    var r =
        api.post(
            "/api/v1/tickets",
            buyer,
            Map.of(
                "orderUnitIds", List.of(1001, 1002),
                "reason", "product_defect",
                "message", "Both racks arrived scratched."));
    assertEquals(201, r.status(), r.body());
    path = "/api/v1/tickets/" + r.json().get("ticketNumber").asText();
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private static Map<String, Object> refund(long unit, long amount, String currency, String why) {
    return Map.of(
        "orderUnitId",
        unit,
        "amount",
        Map.of("amount", amount, "currency", currency),
        "reason",
        why);
  }

  private ApiClient.Response refund(String token, long unit, long amount) {
    return api.post(path + "/refunds", token, refund(unit, amount, "EUR", "delivery_damage"));
  }

  private JsonNode unit(String token, long id) {
    var r = api.get(path + "/order", token);
    assertEquals(200, r.status(), r.body());
    for (JsonNode u : r.json().get("units")) {
      if (u.get("orderUnitId").asLong() == id) {
        return u;
      }
    }
    throw new AssertionError("no unit " + id + " in " + r.body());
  }

  private long version() {
    return api.get(path, seller).json().get("version").asLong();
  }

  private String status(String token) {
    JsonNode t = api.get(path, token).json();
    return t.get("status").asText() + "/" + t.get("waitingOn").asText("-");
  }

  private List<String> chat(String token) {
    List<String> lines = new ArrayList<>();
    for (JsonNode m : api.get(path + "/messages?limit=100", token).json().get("items")) {
      lines.add(m.get("authorRole").asText() + ": " + m.get("text").asText());
    }
    return lines;
  }

  private String lastLine(String token) {
    List<String> lines = chat(token);
    return lines.get(lines.size() - 1);
  }

  @Test
  void orderDetailsShowEveryUnitWithRefundsSoFarAndWhatRemains() {
    assertEquals(201, refund(seller, 1001, 1000).status());

    var r = api.get(path + "/order", seller);

    assertEquals(200, r.status(), r.body());
    JsonNode order = r.json();
    assertEquals("MQ8BRT7", order.get("orderNumber").asText());
    assertEquals(3, order.get("units").size());
    JsonNode refunded = unit(seller, 1001);
    assertEquals("4006381333931", refunded.get("ean").asText());
    assertEquals("sent", refunded.get("state").asText());
    assertEquals(3999, refunded.get("price").get("amount").asLong());
    assertEquals(1000, refunded.get("refunded").get("amount").asLong());
    assertEquals(2999, refunded.get("remaining").get("amount").asLong());
    assertEquals("EUR", refunded.get("remaining").get("currency").asText());
    assertTrue(refunded.get("inTicket").asBoolean());
    assertEquals("delivery_damage", refunded.get("ledger").get(0).get("reason").asText());
    JsonNode untouched = unit(cs, 1003);
    assertFalse(untouched.get("inTicket").asBoolean());
    assertEquals(0, untouched.get("refunded").get("amount").asLong());
    assertEquals(3999, untouched.get("remaining").get("amount").asLong());
  }

  @Test
  void orderDetailsAreForTheTicketsSellerAndCustomerServiceOnly() {
    assertProblem(api.get(path + "/order", buyer), 403, "forbidden");
    assertProblem(api.get(path + "/order", otherSeller), 404, "not-found");
    assertProblem(api.get("/api/v1/tickets/00199999999/order", cs), 404, "not-found");
    assertProblem(api.get(path + "/order", null), 401, "unauthenticated");
  }

  @Test
  void aPartialRefundIsLedgeredTellsTheChatAndRaisesTheVersion() {
    long before = version();

    var r = refund(seller, 1001, 1050);

    assertEquals(201, r.status(), r.body());
    JsonNode entry = r.json();
    assertEquals("refund", entry.get("kind").asText());
    assertEquals(1050, entry.get("amount").get("amount").asLong());
    assertEquals("seller", entry.get("bearer").asText());
    assertEquals("seller", entry.get("authorRole").asText());
    assertEquals(1001, entry.get("orderUnitId").asLong());
    assertEquals(before + 1, version());
    assertEquals("open/-", status(seller));
    String line = lastLine(buyer);
    // The buyer of a de ticket reads German; the event carries the facts.
    assertTrue(
        line.startsWith("system: Teilerstattung von 10,50\u00a0€ für die Bestelleinheit 1001"),
        line);
    assertTrue(line.contains("Grund: Transportschaden. Kosten trägt: Verkäufer."), line);
  }

  @Test
  void customerServiceRefundsAreBorneByTheMarketplaceUnlessItNamesTheSeller() {
    assertEquals("marketplace", refund(cs, 1001, 100).json().get("bearer").asText());
    Map<String, Object> body = new java.util.HashMap<>(refund(1001, 100, "EUR", "defect"));
    body.put("bearer", "seller");
    var named = api.post(path + "/refunds", cs, body);
    assertEquals(201, named.status(), named.body());
    assertEquals("seller", named.json().get("bearer").asText());
    body.put("bearer", "marketplace");
    assertProblem(api.post(path + "/refunds", seller, body), 403, "forbidden");
  }

  @Test
  void aRefundBeyondWhatRemainsIsRefusedAndWritesNothing() {
    assertEquals(201, refund(seller, 1001, 3000).status());
    long before = version();

    var r = assertProblem(refund(seller, 1001, 1000), 422, "refund-exceeds-remaining");

    assertEquals(999, r.json().get("remaining").get("amount").asLong());
    assertEquals(201, refund(seller, 1001, 999).status());
    assertProblem(refund(seller, 1001, 1), 422, "refund-exceeds-remaining");
    assertEquals(before + 1, version());
    assertEquals(3999, unit(seller, 1001).get("refunded").get("amount").asLong());
  }

  @Test
  void badRefundInputIsRefusedWithTheField() {
    assertInvalid(refund(seller, 1001, 0), "amount.amount");
    assertInvalid(refund(seller, 1001, -5), "amount.amount");
    assertInvalid(
        api.post(path + "/refunds", seller, refund(1001, 100, "PLN", "defect")), "amount.currency");
    assertInvalid(
        api.post(path + "/refunds", seller, refund(1001, 100, "EURO", "defect")),
        "amount.currency");
    var reason =
        assertInvalid(
            api.post(path + "/refunds", seller, refund(1001, 100, "EUR", "goodwill")), "reason");
    assertEquals(8, reason.json().get("validValues").size());
    assertInvalid(
        api.post(
            path + "/refunds",
            seller,
            "{\"orderUnitId\":1001,\"amount\":{\"amount\":9.99,\"currency\":\"EUR\"},\"reason\":\"defect\"}"),
        "amount.amount");
    assertInvalid(
        api.post(path + "/refunds", seller, Map.of("orderUnitId", 1001, "reason", "defect")),
        "amount");
    assertInvalid(
        api.post(
            path + "/refunds",
            seller,
            Map.of(
                "orderUnitId",
                1001,
                "amount",
                Map.of("amount", 1, "currency", "EUR"),
                "reason",
                "defect",
                "tip",
                1)),
        "tip");
    assertEquals(0, unit(seller, 1001).get("refunded").get("amount").asLong());
  }

  @Test
  void unitsOutsideTheTicketAndOtherSellersTicketsAreNotFound() {
    assertProblem(refund(seller, 1003, 100), 404, "not-found");
    assertProblem(refund(seller, 3001, 100), 404, "not-found");
    assertProblem(refund(seller, 999_999, 100), 404, "not-found");
    assertProblem(refund(otherSeller, 1001, 100), 404, "not-found");
    assertProblem(
        api.post(
            path + "/cancellations",
            otherSeller,
            Map.of("orderUnitId", 1001, "reason", "no_inventory")),
        404,
        "not-found");
    assertProblem(
        api.post(
            path + "/cancellations", seller, Map.of("orderUnitId", 1003, "reason", "no_inventory")),
        404,
        "not-found");
    assertProblem(refund(buyer, 1001, 100), 403, "forbidden");
    assertEquals(1, version());
    assertEquals(0, unit(seller, 1003).get("refunded").get("amount").asLong());
    assertEquals("sent", unit(seller, 1001).get("state").asText());
  }

  @Test
  void aRepeatedIdempotencyKeyAnswersTheFirstResultAndRefundsOnce() {
    Map<String, String> key = Map.of("Idempotency-Key", "refund-42");
    var first = api.post(path + "/refunds", seller, refund(1001, 500, "EUR", "defect"), key);
    assertEquals(201, first.status(), first.body());
    app.clock.advance(Duration.ofMinutes(5));

    var again = api.post(path + "/refunds", seller, refund(1001, 500, "EUR", "defect"), key);

    assertEquals(201, again.status(), again.body());
    assertEquals(first.body(), again.body());
    assertEquals("true", again.header("Idempotent-Replayed").orElseThrow());
    assertEquals(500, unit(seller, 1001).get("refunded").get("amount").asLong());
    assertEquals(2, version());

    var other = api.post(path + "/refunds", seller, refund(1001, 501, "EUR", "defect"), key);
    assertProblem(other, 422, "idempotency-key-reused");
    assertEquals(500, unit(seller, 1001).get("refunded").get("amount").asLong());

    // Keys are the caller's own: customer service's refund under the seller's key is its own.
    var byService = api.post(path + "/refunds", cs, refund(1001, 500, "EUR", "defect"), key);
    assertEquals(201, byService.status(), byService.body());
    assertFalse(byService.header("Idempotent-Replayed").isPresent());
    assertEquals(1000, unit(seller, 1001).get("refunded").get("amount").asLong());
  }

  @Test
  void aMalformedIdempotencyKeyIsRefused() {
    for (String bad : List.of("has space", "x".repeat(201), "")) {
      assertInvalid(
          api.post(
              path + "/refunds",
              seller,
              refund(1001, 500, "EUR", "defect"),
              Map.of("Idempotency-Key", bad)),
          "Idempotency-Key");
    }
    assertEquals(0, unit(seller, 1001).get("refunded").get("amount").asLong());
  }

  @Test
  void aStaleIfMatchIsAPreconditionFailure() {
    assertEquals(201, refund(seller, 1001, 100).status());

    assertProblem(
        api.post(
            path + "/refunds",
            seller,
            refund(1001, 100, "EUR", "defect"),
            Map.of("If-Match", "\"1\"")),
        412,
        "precondition-failed");
    var ok =
        api.post(
            path + "/refunds",
            seller,
            refund(1001, 100, "EUR", "defect"),
            Map.of("If-Match", "\"2\""));
    assertEquals(201, ok.status(), ok.body());
    assertProblem(
        api.post(
            path + "/escalations",
            seller,
            Map.of("reason", "cannot_help_further"),
            Map.of("If-Match", "\"2\"")),
        412,
        "precondition-failed");
  }

  @Test
  void theSellerCancelsAnUnreceivedUnitAndTheRestOfItsPriceIsRefunded() {
    assertEquals(201, refund(seller, 1001, 999).status());

    var r =
        api.post(
            path + "/cancellations", seller, Map.of("orderUnitId", 1001, "reason", "no_inventory"));

    assertEquals(201, r.status(), r.body());
    assertEquals("cancellation", r.json().get("kind").asText());
    assertEquals(3000, r.json().get("amount").get("amount").asLong());
    assertEquals("seller", r.json().get("bearer").asText());
    JsonNode unit = unit(seller, 1001);
    assertEquals("cancelled", unit.get("state").asText());
    assertEquals(3999, unit.get("refunded").get("amount").asLong());
    assertEquals(0, unit.get("remaining").get("amount").asLong());
    assertEquals(3, version());
    String line = lastLine(buyer);
    assertTrue(line.startsWith("system: Bestelleinheit 1001"), line);
    assertTrue(
        line.contains("Grund: Nicht vorrätig. Der Restbetrag von 30,00\u00a0€ wird erstattet."),
        line);

    var twice =
        assertProblem(
            api.post(
                path + "/cancellations", cs, Map.of("orderUnitId", 1001, "reason", "no_inventory")),
            409,
            "conflict");
    assertTrue(twice.json().get("detail").asText().contains("already cancelled"), twice.body());
    assertProblem(refund(cs, 1001, 1), 422, "refund-exceeds-remaining");
  }

  @Test
  void onlyCustomerServiceCancelsAUnitTheBuyerReceived() {
    var patched =
        api.patch("/api/v1/orders/MQ8BRT7/units/1002", TestApp.ADMIN, Map.of("state", "received"));
    assertEquals(200, patched.status(), patched.body());
    Map<String, Object> body = Map.of("orderUnitId", 1002, "reason", "merchandise_not_received");

    assertProblem(api.post(path + "/cancellations", seller, body), 409, "conflict");
    var r = api.post(path + "/cancellations", cs, body);

    assertEquals(201, r.status(), r.body());
    assertEquals("marketplace", r.json().get("bearer").asText());
    assertEquals("customer_service", r.json().get("authorRole").asText());
    var reason =
        assertInvalid(
            api.post(path + "/cancellations", cs, Map.of("orderUnitId", 1001, "reason", "bored")),
            "reason");
    assertEquals(10, reason.json().get("validValues").size());
  }

  @Test
  void customerServiceLeadsAnEscalatedTicketAndHandsItBackWithANewDeadline() {
    var r =
        api.post(
            path + "/escalations",
            seller,
            Map.of("reason", "payment_or_payout", "note", "Klarna payout question"));
    assertEquals(200, r.status(), r.body());
    assertEquals("waiting", r.json().get("status").asText());
    assertEquals("customer_service", r.json().get("waitingOn").asText());
    assertEquals("\"2\"", r.header("ETag").orElseThrow());
    assertTrue(
        lastLine(buyer).contains("den Kundenservice hinzugezogen. Grund: Zahlung oder Auszahlung."),
        lastLine(buyer));
    assertFalse(chat(buyer).toString().contains("Klarna payout question"));
    assertTrue(chat(seller).contains("seller: Klarna payout question"));

    var inbox = api.get("/api/v1/tickets?waitingOn=customer_service", cs).json().get("items");
    assertEquals(1, inbox.size());
    assertProblem(
        api.post(path + "/escalations", seller, Map.of("reason", "cannot_help_further")),
        409,
        "conflict");
    assertEquals(
        201, api.post(path + "/messages", cs, Map.of("text", "We pay out today.")).status());
    assertEquals("waiting/customer_service", status(cs));
    assertProblem(api.post(path + "/handback", seller, null), 403, "forbidden");

    app.clock.advance(Duration.ofHours(3));
    var back = api.post(path + "/handback", cs, null);

    assertEquals(200, back.status(), back.body());
    assertEquals("open", back.json().get("status").asText());
    assertEquals("2026-03-04T12:00:00Z", back.json().get("responseDueAt").asText());
    assertTrue(
        lastLine(seller)
            .contains("handed the ticket back to the seller; the answer is due by 4 Mar"),
        lastLine(seller));
    assertProblem(api.post(path + "/handback", cs, null), 409, "conflict");
  }

  @Test
  void escalationInputAndRolesAreChecked() {
    var reason =
        assertInvalid(api.post(path + "/escalations", seller, Map.of("reason", "angry")), "reason");
    assertEquals(6, reason.json().get("validValues").size());
    assertInvalid(api.post(path + "/escalations", seller, Map.of("note", "help")), "reason");
    assertInvalid(
        api.post(path + "/escalations", seller, Map.of("reason", "card_or_coupon", "note", " ")),
        "note");
    assertProblem(
        api.post(path + "/escalations", cs, Map.of("reason", "card_or_coupon")), 403, "forbidden");
    assertProblem(
        api.post(path + "/escalations", otherSeller, Map.of("reason", "card_or_coupon")),
        404,
        "not-found");
    assertEquals("open/-", status(seller));
  }

  @Test
  void customerServiceClosesFinallyAndTheBuyerCannotReopen() {
    assertEquals(
        200,
        api.post(path + "/escalations", seller, Map.of("reason", "customer_account")).status());
    assertProblem(api.post(path + "/close", seller, null), 409, "conflict");

    var closed = api.post(path + "/close", cs, null);

    assertEquals(200, closed.status(), closed.body());
    assertTrue(closed.json().get("closedFinally").asBoolean());
    assertProblem(
        api.post(path + "/messages", buyer, Map.of("text", "Hello?")), 409, "ticket-closed");
    assertProblem(api.post(path + "/handback", cs, null), 409, "ticket-closed");
    assertProblem(api.post(path + "/close", buyer, null), 403, "forbidden");
  }

  @Test
  void onAClosedTicketTheSellerCannotActButCustomerServiceCanRefundAndCancel() {
    assertEquals(201, api.post(path + "/messages", seller, Map.of("text", "Done.")).status());
    assertEquals(200, api.post(path + "/close", seller, null).status());

    assertProblem(refund(seller, 1001, 100), 409, "ticket-closed");
    assertProblem(
        api.post(
            path + "/cancellations", seller, Map.of("orderUnitId", 1001, "reason", "no_inventory")),
        409,
        "ticket-closed");
    assertProblem(
        api.post(path + "/escalations", seller, Map.of("reason", "cannot_help_further")),
        409,
        "ticket-closed");
    assertEquals(0, unit(seller, 1001).get("refunded").get("amount").asLong());

    assertEquals(201, refund(cs, 1001, 100).status());
    var cancelled =
        api.post(path + "/cancellations", cs, Map.of("orderUnitId", 1002, "reason", "wrong_price"));
    assertEquals(201, cancelled.status(), cancelled.body());
    assertEquals("closed/-", status(seller));
  }
}
