package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.domain.DailyRate;
import io.ticketdesk.domain.ReturnOptionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
    return returnTicket(unit, price, app.clock.instant().minus(Duration.ofDays(3)));
  }

  /** The same, delivered at {@code deliveredAt} (null: sent, not delivered yet). */
  String returnTicket(long unit, long price, Instant deliveredAt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderUnitId", unit);
    body.put("title", "Bike rack");
    body.put("ean", "4006381333931");
    body.put("price", Map.of("amount", price, "currency", "EUR"));
    body.put("state", deliveredAt == null ? "sent" : "received");
    if (deliveredAt != null) {
      body.put("deliveredAt", deliveredAt.toString());
    }
    app.feedOrderUnits("LH" + (++orders), sellerId, 501, "de", List.of(body));
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
        chat.get(chat.size() - 1).get("text").asText().contains("muss nichts zurücksenden"),
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
        chat.get(chat.size() - 1).get("text").asText().contains("bereits vollständig erstattet"),
        chat.toString());
  }

  @Test
  void aPartialRefundStillOwesAnOption() {
    String path = returnTicket(81003, 5999);
    refundInFull(path, 81003, 5000);
    var answer = api.post(path + "/messages", seller, Map.of("text", "Partly refunded."));
    assertEquals(422, answer.status(), answer.body());
  }

  @Test
  void aWithdrawalBeforeDeliveryIsCovered() {
    String path = returnTicket(81004, 5999, null);
    assertTrue(api.get(path, seller).json().get("returnPolicy").get("applies").asBoolean());
    var plain = api.post(path + "/messages", seller, Map.of("text", "Wait for the parcel."));
    assertEquals(422, plain.status(), plain.body());
  }

  @Test
  void thePeriodRunsToTheEndOfItsLastDayInTheStorefrontsZone() {
    // Now: Monday 2026-03-02 10:00 Berlin. Delivered 14 days and one hour ago, on 16 February:
    // the period's last day is today, so the request is still within it.
    String path =
        returnTicket(81005, 5999, app.clock.instant().minus(Duration.ofDays(14).plusHours(1)));
    assertTrue(api.get(path, seller).json().get("returnPolicy").get("applies").asBoolean());
    var plain = api.post(path + "/messages", seller, Map.of("text", "Too late, sorry."));
    assertEquals(422, plain.status(), plain.body());
  }

  @Test
  void anAcceptedSellerAddressPutsTheFullAddressInFrontOfTheBuyer() {
    String path = returnTicket(81006, 3999);
    var answer =
        api.post(
            path + "/messages",
            seller,
            Map.of(
                "text",
                "Please send it back to our address.",
                "returnOptions",
                List.of(Map.of("type", "seller_address"))));
    assertEquals(201, answer.status(), answer.body());

    JsonNode chat = api.get(path + "/messages", buyer).json().get("items");
    String last = chat.get(chat.size() - 1).get("text").asText();
    // The buyer of a de ticket reads it in German, the country named.
    assertTrue(
        last.contains("Fahrrad Franz GmbH\nHauptstr. 1\n10115 Berlin\nDeutschland"),
        chat.toString());
  }

  /** A cz unit worth {@code price} hellers (CZK minor units), delivered 2 days ago. */
  String czTicket(long unit, long price) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderUnitId", unit);
    body.put("title", "Lampa");
    body.put("ean", "4006381333931");
    body.put("price", Map.of("amount", price, "currency", "CZK"));
    body.put("state", "received");
    body.put("deliveredAt", app.clock.instant().minus(Duration.ofDays(2)).toString());
    app.feedOrderUnits("LC" + (++orders), sellerId, 501, "cz", List.of(body));
    var r =
        api.post(
            "/api/v1/tickets",
            buyer,
            Map.of(
                "orderUnitIds", List.of(unit),
                "reason", "product_return",
                "message", "Vracím zboží."));
    assertEquals(201, r.status(), r.body());
    return "/api/v1/tickets/" + r.json().get("ticketNumber").asText();
  }

  @Test
  void theLimitInCzkUsesTheRateOfTheDayAndTheTicketShowsIt() {
    JsonNode configured = api.get("/api/v1/exchange-rates/CZK/2026-03-02", buyer).json();
    assertEquals("configured_default", configured.get("source").asText());
    assertEquals("25", configured.get("perEuro").asText());

    var put =
        api.put("/api/v1/exchange-rates/CZK/2026-02-27", TestApp.ADMIN, Map.of("perEuro", "26"));
    assertEquals(200, put.status(), put.body());
    JsonNode earlier = api.get("/api/v1/exchange-rates/CZK/2026-03-02", seller).json();
    assertEquals("earlier_day", earlier.get("source").asText());
    assertEquals("2026-02-27", earlier.get("rateDate").asText());

    // 1,020.00 CZK: over 40 EUR at the configured 25, within it at 26 (limit 1,040.00 CZK).
    String path = czTicket(81007, 102000);
    JsonNode policy = api.get(path, seller).json().get("returnPolicy");
    assertEquals(
        104000, policy.get("sellerAddressLimit").get("amount").asLong(), policy.toString());
    assertEquals("CZK", policy.get("sellerAddressLimit").get("currency").asText());
    assertEquals("26", policy.get("exchangeRate").get("perEuro").asText());
    var answer =
        api.post(
            path + "/messages",
            seller,
            Map.of(
                "text",
                "Pošlete to prosím zpět.",
                "returnOptions",
                List.of(Map.of("type", "seller_address"))));
    assertEquals(201, answer.status(), answer.body());

    assertEquals(
        403,
        api.put("/api/v1/exchange-rates/CZK/2026-03-02", seller, Map.of("perEuro", "24")).status());
    assertEquals(
        400,
        api.put("/api/v1/exchange-rates/CZK/2026-03-02", TestApp.ADMIN, Map.of("perEuro", "-1"))
            .status());
    assertEquals(
        400,
        api.put("/api/v1/exchange-rates/EUR/2026-03-02", TestApp.ADMIN, Map.of("perEuro", "1"))
            .status());
    assertEquals(404, api.get("/api/v1/exchange-rates/HUF/2026-03-02", seller).status());
  }

  @Test
  void aRateStoredThroughThisServerShowsAtTheNextReadOneStoredElsewhereWithinTenSeconds() {
    String path = czTicket(81008, 102000);
    assertEquals("25", rateShown(path)); // the configured default: no rate stored

    var put =
        api.put("/api/v1/exchange-rates/CZK/2026-03-02", TestApp.ADMIN, Map.of("perEuro", "26"));
    assertEquals(200, put.status(), put.body());
    assertEquals("26", rateShown(path), "stored through this server: shown at once");

    // Another instance stores a rate (straight into the shared store, not through this server).
    app.store
        .exchangeRates()
        .put(
            new DailyRate(
                LocalDate.parse("2026-03-02"), ReturnOptionPolicy.ExchangeRate.parse("CZK", "27")));
    assertEquals("26", rateShown(path), "remembered: not read again on every lookup");
    app.clock.advance(Duration.ofSeconds(10));
    assertEquals("27", rateShown(path), "shown within ten seconds");
  }

  private String rateShown(String path) {
    JsonNode policy = api.get(path, seller).json().get("returnPolicy");
    return policy.get("exchangeRate").get("perEuro").asText();
  }

  /** A de ticket about a defect on a unit delivered 3 days ago, answered once by the seller. */
  String answeredDefectTicket(long unit) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderUnitId", unit);
    body.put("title", "Bike rack");
    body.put("ean", "4006381333931");
    body.put("price", Map.of("amount", 5999, "currency", "EUR"));
    body.put("state", "received");
    body.put("deliveredAt", app.clock.instant().minus(Duration.ofDays(3)).toString());
    app.feedOrderUnits("LD" + (++orders), sellerId, 501, "de", List.of(body));
    var r =
        api.post(
            "/api/v1/tickets",
            buyer,
            Map.of(
                "orderUnitIds", List.of(unit), "reason", "product_defect", "message", "Broken."));
    assertEquals(201, r.status(), r.body());
    String path = "/api/v1/tickets/" + r.json().get("ticketNumber").asText();
    var a = api.post(path + "/messages", seller, Map.of("text", "Can you send a photo?"));
    assertEquals(201, a.status(), a.body());
    return path;
  }

  @Test
  void aTicketMarkedAsAReturnRequestOwesAValidOptionInTheSellersNextAnswer() {
    String path = answeredDefectTicket(81008);
    var buyerSays =
        api.post(
            path + "/messages", buyer, Map.of("text", "I'd rather send it back for a refund."));
    assertEquals(201, buyerSays.status());
    app.clock.advance(Duration.ofHours(1));

    var marked =
        api.patch(path, seller, Map.of("reason", "product_return", "returnIntent", "refund"));

    assertEquals(200, marked.status(), marked.body());
    assertEquals("product_return", marked.json().get("reason").asText());
    assertEquals("refund", marked.json().get("returnIntent").asText());
    assertTrue(marked.json().get("returnPolicy").get("applies").asBoolean());
    JsonNode chat = api.get(path + "/messages", buyer).json().get("items");
    assertTrue(
        chat.get(chat.size() - 1).get("text").asText().startsWith("Als Rücksendeanfrage"),
        chat.toString());

    var plain = api.post(path + "/messages", seller, Map.of("text", "Please wait."));
    assertEquals(422, plain.status(), plain.body());
    var withOption =
        api.post(
            path + "/messages",
            seller,
            Map.of(
                "text",
                "The label is in the parcel.",
                "returnOptions",
                List.of(Map.of("type", "label_in_package"))));
    assertEquals(201, withOption.status(), withOption.body());
    var later = api.post(path + "/messages", seller, Map.of("text", "Any news?"));
    assertEquals(201, later.status(), later.body());
  }

  @Test
  void aMarkedTicketThatWaitedOnTheBuyerIsOpenAgainDueInFortyEightWorkingHours() {
    String path = answeredDefectTicket(81009);
    assertEquals("waiting", api.get(path, seller).json().get("status").asText());
    String cs = app.token("customer_service", null, null);

    var marked = api.patch(path, cs, Map.of("reason", "product_return"));

    assertEquals(200, marked.status(), marked.body());
    assertEquals("open", marked.json().get("status").asText());
    assertEquals("2026-03-04T09:00:00Z", marked.json().get("responseDueAt").asText());
  }

  @Test
  void markingRefusesOtherReasonsUnknownFieldsAndTheBuyer() {
    String path = answeredDefectTicket(81010);
    assertEquals(400, api.patch(path, seller, Map.of("reason", "product_defect")).status());
    assertEquals(400, api.patch(path, seller, Map.of("returnIntent", "refund")).status());
    assertEquals(
        400,
        api.patch(path, seller, Map.of("reason", "product_return", "topic", "order_cancel"))
            .status());
    assertEquals(
        400,
        api.patch(path, seller, Map.of("reason", "product_return", "returnIntent", "swap"))
            .status());
    assertEquals(403, api.patch(path, buyer, Map.of("reason", "product_return")).status());
    assertEquals("product_defect", api.get(path, seller).json().get("reason").asText());
  }
}
