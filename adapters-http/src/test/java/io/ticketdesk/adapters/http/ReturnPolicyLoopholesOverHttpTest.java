package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loopholes of the return-option policy closed (issue 13), over HTTP. */
class ReturnPolicyLoopholesOverHttpTest {
  TestApp app;
  ApiClient api;
  long sellerId;
  String seller;
  String buyer;
  int orders;

  @BeforeEach
  void setUp() {
    app = new TestApp(); // Monday 2026-03-02: the policy is enforced
    api = app.api;
    sellerId = app.registerSeller("Fahrrad Franz GmbH", "de", "cz");
    seller = app.token("seller", sellerId, null);
    buyer = app.token("buyer", null, 501L);
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  /** A unit worth {@code price} cents delivered 3 days ago, and a return request for a refund. */
  String returnTicket(long unit, long price) {
    app.feedOrderUnits(
        "LH" + (++orders),
        sellerId,
        501,
        "de",
        List.of(
            Map.of(
                "orderUnitId",
                unit,
                "title",
                "Bike rack",
                "ean",
                "4006381333931",
                "price",
                Map.of("amount", price, "currency", "EUR"),
                "state",
                "received",
                "deliveredAt",
                app.clock.instant().minus(Duration.ofDays(3)).toString())));
    var r =
        api.post(
            "/api/v1/tickets",
            buyer,
            Map.of(
                "orderUnitIds", List.of(unit),
                "reason", "product_return",
                "returnIntent", "refund",
                "message", "I revoke the purchase."));
    assertEquals(201, r.status(), r.body());
    return "/api/v1/tickets/" + r.json().get("ticketNumber").asText();
  }

  void refundInFull(String path, long unit, long amount) {
    var r =
        api.post(
            path + "/refunds",
            seller,
            Map.of(
                "orderUnitId",
                unit,
                "amount",
                Map.of("amount", amount, "currency", "EUR"),
                "reason",
                "other_refund"));
    assertEquals(201, r.status(), r.body());
  }

  @Test
  void aFullRefundFromTheActionMenuSatisfiesThePolicyAndThePlainAnswerGoesThrough() {
    String path = returnTicket(81001, 5999);
    refundInFull(path, 81001, 5999);

    JsonNode policy = api.get(path, seller).json().get("returnPolicy");
    assertTrue(policy.get("satisfied").asBoolean(), policy.toString());
    JsonNode chat = api.get(path + "/messages", buyer).json().get("items");
    assertTrue(
        chat.get(chat.size() - 1).get("text").asText().contains("need not return anything"),
        chat.toString());

    var answer = api.post(path + "/messages", seller, Map.of("text", "Refunded, keep it."));
    assertEquals(201, answer.status(), answer.body());
    JsonNode warnings = answer.json().get("warnings");
    assertTrue(warnings == null || warnings.isEmpty(), answer.body());
    assertTrue(api.get(path, seller).json().get("returnPolicy").get("satisfied").asBoolean());
  }

  @Test
  void afterAFullRefundOfferingRefundWithoutReturnStatesItInsteadOfAConflict() {
    String path = returnTicket(81002, 2500);
    refundInFull(path, 81002, 1000);
    refundInFull(path, 81002, 1500);

    var answer =
        api.post(
            path + "/messages",
            seller,
            Map.of(
                "text",
                "You keep it.",
                "returnOptions",
                List.of(Map.of("type", "refund_without_return"))));

    assertEquals(201, answer.status(), answer.body());
    JsonNode chat = api.get(path + "/messages", buyer).json().get("items");
    assertTrue(
        chat.get(chat.size() - 1).get("text").asText().contains("already refunded in full"),
        chat.toString());
  }

  @Test
  void aPartialRefundStillOwesAnOption() {
    String path = returnTicket(81003, 5999);
    refundInFull(path, 81003, 5000);
    var answer = api.post(path + "/messages", seller, Map.of("text", "Partly refunded."));
    assertEquals(422, answer.status(), answer.body());
  }
}
