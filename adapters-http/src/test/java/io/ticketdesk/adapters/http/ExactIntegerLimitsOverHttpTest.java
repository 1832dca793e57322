package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ids and amounts run up to 2^53 - 1 (what every JSON reader reads exactly, as openapi.yaml
 * declares with {@code maximum: 9007199254740991}); one more is a 400 naming the field, wherever
 * the number comes in: body, path or query.
 */
class ExactIntegerLimitsOverHttpTest {
  static final long MAX = 9_007_199_254_740_991L;
  static final long TOO_BIG = MAX + 1;

  TestApp app;
  ApiClient api;
  long sellerId;
  String seller;
  String buyer;
  String ticketPath;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    api = app.api;
    sellerId = app.registerSeller("Fahrrad Franz GmbH", "de");
    seller = app.token("seller", sellerId, null);
    buyer = app.token("buyer", null, MAX);
    app.feedOrderUnits("MQ8BRT7", sellerId, MAX, "de", List.of(unit(MAX, MAX)));
    JsonNode t = app.openTicket(buyer, MAX, "product_defect", null, "broken");
    ticketPath = "/api/v1/tickets/" + t.get("ticketNumber").asText();
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private static Map<String, Object> unit(long id, long price) {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("orderUnitId", id);
    u.put("title", "Bike rack");
    u.put("ean", "4006381333931");
    u.put("price", Map.of("amount", price, "currency", "EUR"));
    u.put("state", "received");
    return u;
  }

  private Map<String, Object> order(String number, long buyerId, Map<String, Object> unit) {
    return Map.of(
        "orderNumber",
        number,
        "storefront",
        "de",
        "sellerId",
        sellerId,
        "orderedAt",
        "2026-02-20T10:00:00Z",
        "buyer",
        Map.of("buyerId", buyerId, "name", "Erika Muster", "email", "erika@example.org"),
        "units",
        List.of(unit));
  }

  @Test
  void theLargestIdsAndAmountsAreStoredAndReadBackExactly() {
    JsonNode ticket = api.get(ticketPath, seller).json();
    assertEquals(MAX, ticket.get("buyerId").asLong());
    assertEquals(MAX, ticket.get("orderUnitIds").get(0).asLong());
    JsonNode unit = api.get(ticketPath + "/order", seller).json().get("units").get(0);
    assertEquals(MAX, unit.get("orderUnitId").asLong());
    assertEquals(MAX, unit.get("price").get("amount").asLong());
    assertEquals(MAX, unit.get("remaining").get("amount").asLong());
    var refund =
        api.post(
            ticketPath + "/refunds",
            seller,
            Map.of(
                "orderUnitId",
                MAX,
                "amount",
                Map.of("amount", MAX, "currency", "EUR"),
                "reason",
                "defect"));
    assertEquals(201, refund.status(), refund.body());
    assertEquals(MAX, refund.json().get("amount").get("amount").asLong());
  }

  @Test
  void idsAboveTheLimitInBodiesAreRefusedNamingTheField() {
    assertInvalid(
        api.post("/api/v1/orders", TestApp.ADMIN, order("BIG1", 7, unit(TOO_BIG, 100))),
        "units[0].orderUnitId");
    assertInvalid(
        api.post("/api/v1/orders", TestApp.ADMIN, order("BIG2", TOO_BIG, unit(77, 100))),
        "buyer.buyerId");
    assertInvalid(
        api.post("/api/v1/tokens", TestApp.ADMIN, Map.of("role", "buyer", "buyerId", TOO_BIG)),
        "buyerId");
    assertInvalid(
        api.post("/api/v1/tokens", TestApp.ADMIN, Map.of("role", "seller", "sellerId", TOO_BIG)),
        "sellerId");
    assertInvalid(
        api.post(
            "/api/v1/tickets",
            buyer,
            Map.of("orderUnitIds", List.of(TOO_BIG), "reason", "product_defect", "message", "x")),
        "orderUnitIds[0]");
    assertInvalid(
        api.post(ticketPath + "/messages", seller, Map.of("textModuleId", TOO_BIG)),
        "textModuleId");
    assertInvalid(
        api.post(
            ticketPath + "/messages",
            seller,
            Map.of(
                "text",
                "Here is your label",
                "returnOptions",
                List.of(Map.of("type", "prepaid_label", "labelId", TOO_BIG)))),
        "labelId");
    assertInvalid(
        api.post(
            ticketPath + "/refunds",
            seller,
            Map.of(
                "orderUnitId",
                TOO_BIG,
                "amount",
                Map.of("amount", 100, "currency", "EUR"),
                "reason",
                "defect")),
        "orderUnitId");
    assertInvalid(api.post("/api/v1/text-modules", seller, Map.of("copyOf", TOO_BIG)), "copyOf");
    assertEquals(1, api.get("/api/v1/tickets", TestApp.ADMIN).json().get("items").size());
  }

  @Test
  void amountsAboveTheLimitAreRefusedNamingTheField() {
    assertInvalid(
        api.post("/api/v1/orders", TestApp.ADMIN, order("BIG3", 7, unit(78, TOO_BIG))),
        "units[0].price.amount");
    assertInvalid(
        api.post(
            ticketPath + "/refunds",
            seller,
            Map.of(
                "orderUnitId",
                MAX,
                "amount",
                Map.of("amount", TOO_BIG, "currency", "EUR"),
                "reason",
                "defect")),
        "amount.amount");
    assertInvalid(
        api.post(
            ticketPath + "/messages",
            seller,
            Map.of(
                "text",
                "A discount for you",
                "discountOffer",
                Map.of("amount", TOO_BIG, "currency", "EUR"))),
        "discountOffer.amount");
    assertInvalid(
        api.post(
            ticketPath + "/messages",
            seller,
            Map.of(
                "text",
                "A discount for you",
                "discountOffer",
                Map.of("amount", Long.MIN_VALUE, "currency", "EUR"))),
        "discountOffer.amount");
    assertEquals(
        MAX - 0,
        api.get(ticketPath + "/order", seller)
            .json()
            .get("units")
            .get(0)
            .get("remaining")
            .get("amount")
            .asLong());
    assertEquals(1, api.get(ticketPath + "/messages", seller).json().get("items").size());
  }

  @Test
  void idsAboveTheLimitInPathsAndQueriesAreRefused() {
    assertInvalid(
        api.patch(
            "/api/v1/orders/MQ8BRT7/units/" + TOO_BIG, TestApp.ADMIN, Map.of("state", "sent")),
        "orderUnitId");
    assertInvalid(api.get("/api/v1/text-modules/" + TOO_BIG, seller), "textModuleId");
    assertInvalid(api.get("/api/v1/return-labels/" + TOO_BIG, seller), "labelId");
    assertInvalid(
        api.get("/api/v1/kpis/response-time?week=2026-W10&sellerId=" + TOO_BIG, TestApp.ADMIN),
        "sellerId");
    assertInvalid(
        api.get("/api/v1/kpis/response-time?week=2026-W10&sellerId=0", TestApp.ADMIN), "sellerId");
  }
}
