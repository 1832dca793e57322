package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The return-option policy over HTTP: the seed's examples, phases, options and the sanction. */
class ReturnPolicyOverHttpTest {
  private static final AtomicLong UNITS = new AtomicLong(50_000);

  TestApp app;
  ApiClient api;
  long sellerId;
  String seller;
  String buyer;
  String cs;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    api = app.api;
    sellerId = app.registerSeller("Fahrrad Franz GmbH", "de", "cz");
    seller = app.token("seller", sellerId, null);
    buyer = app.token("buyer", null, 501L);
    cs = app.token("customer_service", null, null);
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private void at(String instant) {
    app.clock.advance(Duration.between(app.clock.instant(), Instant.parse(instant)));
  }

  /** An order of delivered units (prices in minor units), and a ticket on its first unit. */
  private String returnTicket(
      String storefront, String intent, Duration deliveredAgo, long... prices) {
    String currency = storefront.equals("cz") ? "CZK" : "EUR";
    String orderNumber = "PO" + UNITS.incrementAndGet();
    List<Map<String, Object>> units = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (long price : prices) {
      long id = UNITS.incrementAndGet();
      ids.add(id);
      units.add(
          Map.of(
              "orderUnitId",
              id,
              "title",
              "Bike rack " + id,
              "ean",
              "4006381333931",
              "price",
              Map.of("amount", price, "currency", currency),
              "state",
              "received",
              "deliveredAt",
              app.clock.instant().minus(deliveredAgo).toString()));
    }
    var order =
        api.post(
            "/api/v1/orders",
            TestApp.ADMIN,
            Map.of(
                "orderNumber", orderNumber,
                "storefront", storefront,
                "sellerId", sellerId,
                "orderedAt", app.clock.instant().minus(Duration.ofDays(20)).toString(),
                "buyer", Map.of("buyerId", 501, "name", "Erika Muster", "email", "e@example.org"),
                "units", units));
    assertEquals(201, order.status(), order.body());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderUnitIds", List.of(ids.get(0)));
    body.put("reason", "product_return");
    if (intent != null) {
      body.put("returnIntent", intent);
    }
    body.put("message", "I revoke the purchase and want my money back.");
    var r = api.post("/api/v1/tickets", buyer, body);
    assertEquals(201, r.status(), r.body());
    return "/api/v1/tickets/" + r.json().get("ticketNumber").asText();
  }

  private String returnTicket(long price) {
    return returnTicket("de", "refund", Duration.ofDays(3), price);
  }

  private ApiClient.Response answer(String path, String text, Object... options) {
    return answerWith(path, text, null, options);
  }

  private ApiClient.Response answerWith(
      String path, String text, Map<String, Object> extra, Object... options) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", text);
    if (options.length > 0) {
      body.put("returnOptions", List.of(options));
    }
    if (extra != null) {
      body.putAll(extra);
    }
    return api.post(path + "/messages", seller, body);
  }

  private long label(String path) {
    var r = api.post(path + "/return-labels", seller, Map.of("carrier", "test-pdf"));
    assertEquals(201, r.status(), r.body());
    return r.json().get("labelId").asLong();
  }

  private JsonNode ticket(String path) {
    var r = api.get(path, seller);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private JsonNode messages(String path, String token) {
    var r = api.get(path + "/messages", token);
    assertEquals(200, r.status(), r.body());
    return r.json().get("items");
  }

  private JsonNode units(String path) {
    var r = api.get(path + "/order", seller);
    assertEquals(200, r.status(), r.body());
    return r.json().get("units");
  }

  private static Map<String, Object> discount(long cents) {
    return Map.of("discountOffer", Map.of("amount", cents, "currency", "EUR"));
  }

  private static Map<String, Object> option(String type) {
    return Map.of("type", type);
  }

  @Test
  void aDiscountAboveThePriceOfTheTicketsUnitsIsRefusedAndTheWholePriceIsAccepted() {
    String path = returnTicket(3000);
    long labelId = label(path);
    var label = Map.of("type", "prepaid_label", "labelId", labelId);
    String before = StoreFingerprint.of(app.store);
    for (long cents : new long[] {3001, 9_007_199_254_740_991L}) {
      var r = answerWith(path, "Keep it for a discount.", discount(cents), label);
      ProblemAssertions.assertInvalid(r, "discountOffer.amount");
      assertTrue(r.json().get("detail").asText().contains("3000 EUR"), r.body());
    }
    assertEquals(before, StoreFingerprint.of(app.store));
    assertEquals(201, answerWith(path, "Keep it for free.", discount(3000), label).status());
  }

  @Test
  void example1_aLabelWithADiscountOfferIsAccepted() {
    String path = returnTicket(5999);
    long labelId = label(path);

    var r =
        answerWith(
            path,
            "Here is your prepaid label; or keep the rack for 10 EUR off.",
            discount(1000),
            Map.of("type", "prepaid_label", "labelId", labelId));

    assertEquals(201, r.status(), r.body());
    assertEquals("prepaid_label", r.json().at("/returnOptions/0/type").asText());
    assertEquals(labelId, r.json().at("/returnOptions/0/labelId").asLong());
    assertEquals(1000, r.json().at("/discountOffer/amount").asLong());
    assertEquals(0, r.json().get("warnings").size());
    JsonNode policy = ticket(path).get("returnPolicy");
    assertTrue(policy.get("applies").asBoolean());
    assertEquals("enforced", policy.get("phase").asText());
    assertTrue(policy.get("satisfied").asBoolean());
    JsonNode stored = messages(path, buyer);
    assertEquals(labelId, stored.get(stored.size() - 1).at("/returnOptions/0/labelId").asLong());
  }

  @Test
  void example1_aDiscountAloneIsRefusedAndNothingIsWritten() {
    String path = returnTicket(5999);
    int before = messages(path, seller).size();
    long version = ticket(path).get("version").asLong();
    assertFalse(ticket(path).get("returnPolicy").get("satisfied").asBoolean());

    var r = answerWith(path, "Keep the rack for 10 EUR off?", discount(1000));

    assertProblem(r, 422, "return-option-required");
    List<String> valid = new ArrayList<>();
    r.json().get("validOptions").forEach(v -> valid.add(v.asText()));
    assertEquals(
        List.of("prepaid_label", "label_url", "refund_without_return", "label_in_package"), valid);
    assertEquals(before, messages(path, seller).size());
    assertEquals(version, ticket(path).get("version").asLong());
    assertEquals("open", ticket(path).get("status").asText());
  }

  @Test
  void example2_assemblyTipsAloneAreRefused_withALabelUrlTheyAreAccepted() {
    String path = returnTicket(8999);
    String tips = "The rack fits if you tighten the lower straps first; could you try that?";

    assertProblem(answer(path, tips), 422, "return-option-required");
    var r =
        answer(path, tips, Map.of("type", "label_url", "url", "https://labels.example/r/1.pdf"));

    assertEquals(201, r.status(), r.body());
    assertEquals("https://labels.example/r/1.pdf", r.json().at("/returnOptions/0/url").asText());
  }

  @Test
  void theSellersAddressIsValidUpTo40EurosAndNotACentMore() {
    String cheap = returnTicket(4000);
    String dear = returnTicket(4001);
    assertTrue(
        ticket(dear).at("/returnPolicy/validOptions").toString().indexOf("seller_address") < 0);

    assertEquals(201, answer(cheap, "Send it to our address.", option("seller_address")).status());
    var r = answer(dear, "Send it to our address.", option("seller_address"));

    assertProblem(r, 422, "return-option-invalid");
  }

  @Test
  void aCzkItemIsConvertedWithTheConfiguredRate() {
    String cheap = returnTicket("cz", null, Duration.ofDays(2), 100_000); // 1000.00 CZK = 40 EUR
    String dear = returnTicket("cz", null, Duration.ofDays(2), 100_001);

    assertEquals(
        201, answer(cheap, "Pošlete to na naši adresu.", option("seller_address")).status());
    assertProblem(
        answer(dear, "Pošlete to na naši adresu.", option("seller_address")),
        422,
        "return-option-invalid");
  }

  @Test
  void aRepairRequestIsNotGuarded() {
    String path = returnTicket("de", "repair", Duration.ofDays(2), 5999);

    assertEquals(201, answer(path, "Please send it in for repair.").status());
    assertFalse(ticket(path).at("/returnPolicy/applies").asBoolean());
  }

  @Test
  void aReturnAfterTheCancellationPeriodIsNotGuarded() {
    String path = returnTicket("de", "refund", Duration.ofDays(15), 5999);

    assertFalse(ticket(path).at("/returnPolicy/applies").asBoolean());
    assertEquals(201, answer(path, "The cancellation period has ended, sorry.").status());
  }

  @Test
  void inTheTransitionalPeriodAMissingOptionIsAWarningAndASystemNote() {
    at("2026-01-20T10:00:00Z");
    String path = returnTicket(5999);

    var r = answer(path, "Why do you want to return it?");

    assertEquals(201, r.status(), r.body());
    assertEquals("return-option-missing", r.json().at("/warnings/0/code").asText());
    JsonNode chat = messages(path, buyer);
    JsonNode last = chat.get(chat.size() - 1);
    assertEquals("system", last.get("authorRole").asText());
    assertEquals("return_option_missing", last.at("/event/kind").asText());
    assertTrue(last.get("text").asText().contains("Übergangszeit"), last.toString());
    assertTrue(
        r.json().at("/warnings/0/detail").asText().contains("transitional period"), r.body());
    JsonNode policy = ticket(path).get("returnPolicy");
    assertEquals("transitional", policy.get("phase").asText());
    assertFalse(policy.get("satisfied").asBoolean());
    assertFalse(policy.get("breach").asBoolean());
  }

  @Test
  void aRetriedFirstResponseAnswersItsWarningAgainAndIsStoredOnce() {
    at("2026-01-20T10:00:00Z");
    String path = returnTicket(5999);
    Map<String, Object> body = Map.of("text", "Why do you want to return it?");
    Map<String, String> key = Map.of("Idempotency-Key", "first-response-1");

    var first = api.post(path + "/messages", seller, body, key);
    int stored = messages(path, seller).size();
    var again = api.post(path + "/messages", seller, body, key);

    assertEquals(201, first.status(), first.body());
    assertEquals("return-option-missing", first.json().at("/warnings/0/code").asText());
    assertEquals(first.body(), again.body());
    assertEquals("true", again.header("Idempotent-Replayed").orElseThrow());
    assertEquals(stored, messages(path, seller).size(), "no second answer, no second system note");
  }

  @Test
  void theWarningIsInTheAuthorsLanguageAlsoWhenReplayed() {
    at("2026-01-20T10:00:00Z");
    String path = returnTicket(5999);
    Map<String, Object> body = Map.of("text", "Warum möchten Sie ihn zurückgeben?");

    var first =
        api.post(
            path + "/messages",
            seller,
            body,
            Map.of("Idempotency-Key", "first-response-de", "Accept-Language", "de"));
    var againInFrench =
        api.post(
            path + "/messages",
            seller,
            body,
            Map.of("Idempotency-Key", "first-response-de", "Accept-Language", "fr"));

    assertEquals("de", first.header("Content-Language").orElseThrow());
    assertTrue(
        first
            .json()
            .at("/warnings/0/detail")
            .asText()
            .startsWith("Rückgaberichtlinie (Übergangszeit): Diese erste Antwort"),
        first.body());
    assertEquals("true", againInFrench.header("Idempotent-Replayed").orElseThrow());
    assertEquals(first.json().get("messageId"), againInFrench.json().get("messageId"));
    assertTrue(
        againInFrench
            .json()
            .at("/warnings/0/detail")
            .asText()
            .startsWith("Politique de retour (période de transition)"),
        againInFrench.body());
  }

  @Test
  void enforcementStartsAtMidnightBerlinTimeOnDe() {
    at("2026-01-31T22:59:59Z"); // 23:59:59 in Berlin
    String late = returnTicket(5999);
    assertEquals(201, answer(late, "Why?").status());
    assertEquals("transitional", ticket(late).at("/returnPolicy/phase").asText());

    at("2026-01-31T23:00:00Z"); // 2026-02-01 00:00 in Berlin
    String first = returnTicket(5999);
    assertProblem(answer(first, "Why?"), 422, "return-option-required");
  }

  @Test
  void beforeTheGtcsNothingIsOwed() {
    at("2025-12-15T10:00:00Z");
    String path = returnTicket(5999);

    var r = answer(path, "Why?");

    assertEquals(201, r.status(), r.body());
    assertEquals(0, r.json().get("warnings").size());
    assertEquals("none", ticket(path).at("/returnPolicy/phase").asText());
  }

  @Test
  void aRefundWithoutReturnRefundsTheUnitInFullOnce() {
    String path = returnTicket(5999);

    var r = answer(path, "Keep it, we refund you in full.", option("refund_without_return"));

    assertEquals(201, r.status(), r.body());
    JsonNode unit = units(path).get(0);
    assertEquals(5999, unit.at("/refunded/amount").asLong());
    assertEquals(0, unit.at("/remaining/amount").asLong());
    assertEquals("refund_without_return", unit.at("/ledger/0/reason").asText());
    assertEquals("seller", unit.at("/ledger/0/bearer").asText());

    var again = answer(path, "And once more.", option("refund_without_return"));
    assertProblem(again, 409, "conflict");
    assertEquals(1, units(path).get(0).get("ledger").size());
  }

  @Test
  void anOverriddenGuardCancelsTheOrderAtTheSellersExpenseAndOpensFourWeeks() {
    String path = returnTicket("de", "refund", Duration.ofDays(3), 5999, 2500);
    Instant now = app.clock.instant();

    var r = answerWith(path, "We do not take it back.", Map.of("overridePolicyGuard", true));

    assertEquals(201, r.status(), r.body());
    assertEquals("policy-breach", r.json().at("/warnings/0/code").asText());
    for (JsonNode unit : units(path)) {
      assertEquals("cancelled", unit.get("state").asText());
      assertEquals(0, unit.at("/remaining/amount").asLong());
      JsonNode entry = unit.at("/ledger/0");
      assertEquals("policy_breach", entry.get("reason").asText());
      assertEquals("seller", entry.get("bearer").asText());
      assertEquals("customer_service", entry.get("authorRole").asText());
    }
    JsonNode policy = ticket(path).get("returnPolicy");
    assertTrue(policy.get("breach").asBoolean());
    assertEquals(
        now.plus(Duration.ofDays(28)), Instant.parse(policy.get("recoveryDeadline").asText()));
    long systemNotes = 0;
    for (JsonNode m : messages(path, buyer)) {
      if (m.get("authorRole").asText().equals("system")) {
        systemNotes++;
      }
    }
    assertEquals(2, systemNotes);
  }

  @Test
  void aSellersMessageFromAnotherChannelIsRecordedAndSanctioned() {
    String path = returnTicket(5999);

    var r =
        api.post(
            path + "/messages",
            TestApp.ADMIN,
            Map.of("text", "(by email) No returns.", "authorRole", "seller", "channel", "email"));

    assertEquals(201, r.status(), r.body());
    assertEquals("seller", r.json().get("authorRole").asText());
    assertTrue(ticket(path).at("/returnPolicy/breach").asBoolean());
    assertEquals("cancelled", units(path).get(0).get("state").asText());
  }

  @Test
  void invalidOptionsAreRefusedClearly() {
    String path = returnTicket(5999);
    String other = returnTicket(5999);
    long otherLabel = label(other);

    assertProblem(
        answer(path, "x", Map.of("type", "label_url", "url", "http://insecure.example/l.pdf")),
        400,
        "validation");
    assertProblem(answer(path, "x", option("prepaid_label")), 400, "validation");
    assertProblem(answer(path, "x", option("carrier_pigeon")), 400, "validation");
    assertProblem(
        answer(path, "x", Map.of("type", "prepaid_label", "labelId", otherLabel)),
        422,
        "return-option-invalid");
    var buyerOffer =
        api.post(
            path + "/messages",
            buyer,
            Map.of("text", "x", "returnOptions", List.of(option("label_in_package"))));
    assertProblem(buyerOffer, 400, "validation");
  }

  @Test
  void theLabelPlaceholdersAreFilledFromTheTicketsLatestLabel() {
    String path = returnTicket(5999);
    long labelId = label(path);
    var module =
        api.post(
            "/api/v1/text-modules",
            seller,
            Map.of(
                "storefront",
                "de",
                "name",
                "Label",
                "body",
                "Ihr Etikett: {{returnLabel.url}} ({{returnLabel.trackingNumber}})"));
    assertEquals(201, module.status(), module.body());

    var r =
        api.post(
            path + "/messages",
            seller,
            Map.of(
                "textModuleId",
                module.json().get("id").asLong(),
                "returnOptions",
                List.of(Map.of("type", "prepaid_label", "labelId", labelId))));

    assertEquals(201, r.status(), r.body());
    assertTrue(
        r.json().get("text").asText().contains("/api/v1/return-labels/" + labelId),
        r.json().get("text").asText());
    assertTrue(r.json().get("text").asText().contains("(TD"), r.json().get("text").asText());
  }

  @Test
  void aListShowsEveryTicketsPolicyStateAsTheTicketItselfDoes() {
    String breached = returnTicket("de", "refund", Duration.ofDays(3), 5999, 2500);
    assertEquals(
        201, answerWith(breached, "No returns.", Map.of("overridePolicyGuard", true)).status());
    String compliant = returnTicket(5999);
    assertEquals(201, answer(compliant, "Send it back.", option("label_in_package")).status());
    String unanswered = returnTicket("cz", "refund", Duration.ofDays(1), 90000);
    String late = returnTicket("de", "refund", Duration.ofDays(15), 5999);
    String repair = returnTicket("de", "repair", Duration.ofDays(2), 5999);
    List<String> paths = List.of(breached, compliant, unanswered, late, repair);

    for (String token : List.of(seller, cs)) {
      var list = api.get("/api/v1/tickets?limit=50", token);
      assertEquals(200, list.status(), list.body());
      Map<String, JsonNode> listed = new LinkedHashMap<>();
      for (JsonNode t : list.json().get("items")) {
        listed.put(t.get("ticketNumber").asText(), t.get("returnPolicy"));
      }
      for (String path : paths) {
        String number = path.substring(path.lastIndexOf('/') + 1);
        var single = api.get(path, token);
        assertEquals(200, single.status(), single.body());
        assertEquals(single.json().get("returnPolicy"), listed.get(number), path);
      }
    }
    assertTrue(listedPolicy(breached).get("breach").asBoolean());
    assertTrue(listedPolicy(compliant).get("satisfied").asBoolean());
    assertFalse(listedPolicy(unanswered).get("satisfied").asBoolean());
    assertFalse(listedPolicy(late).get("applies").asBoolean());
    assertFalse(listedPolicy(repair).get("applies").asBoolean());
  }

  private JsonNode listedPolicy(String path) {
    String number = path.substring(path.lastIndexOf('/') + 1);
    var list = api.get("/api/v1/tickets?limit=50", seller);
    for (JsonNode t : list.json().get("items")) {
      if (t.get("ticketNumber").asText().equals(number)) {
        return t.get("returnPolicy");
      }
    }
    throw new AssertionError("ticket " + number + " not listed");
  }
}
