package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertInvalid;
import static io.ticketdesk.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Text modules that carry a return option: a compliant first response to a return request in one
 * call. The test clock (2026-03-02) is in the policy's enforced phase.
 */
class TextModuleReturnOptionsOverHttpTest {
  private static final AtomicLong UNITS = new AtomicLong(70_000);
  private static final String LABEL_BODY =
      "Hallo {{buyer.name}}, Ihr Rücksendeetikett: {{returnLabel.url}}"
          + " (Sendungsnummer {{returnLabel.trackingNumber}}).";

  private TestApp app;
  private ApiClient api;
  private long sellerId;
  private String seller;
  private String otherSeller;
  private String buyer;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    api = app.api;
    sellerId = app.registerSeller("Rack GmbH", "de");
    seller = app.token("seller", sellerId, null);
    otherSeller = app.token("seller", app.registerSeller("Other GmbH", "de"), null);
    buyer = app.token("buyer", null, 601L);
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  /** A return request (refund) on a unit of {@code price} cents delivered 3 days ago. */
  private String returnTicket(long price) {
    long unit = UNITS.incrementAndGet();
    var order =
        api.post(
            "/api/v1/orders",
            TestApp.ADMIN,
            Map.of(
                "orderNumber",
                "MO" + unit,
                "storefront",
                "de",
                "sellerId",
                sellerId,
                "orderedAt",
                app.clock.instant().minus(Duration.ofDays(10)).toString(),
                "buyer",
                Map.of("buyerId", 601, "name", "Erika Muster", "email", "e@example.org"),
                "units",
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
                        app.clock.instant().minus(Duration.ofDays(3)).toString()))));
    assertEquals(201, order.status(), order.body());
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
    return r.json().get("ticketNumber").asText();
  }

  private ApiClient.Response createModule(
      String token, String name, String body, Map<String, Object> option) {
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("storefront", "de");
    draft.put("name", name);
    draft.put("body", body);
    if (option != null) {
      draft.put("returnOption", option);
    }
    return api.post("/api/v1/text-modules", token, draft);
  }

  private long module(String name, String body, Map<String, Object> option) {
    var r = createModule(seller, name, body, option);
    assertEquals(201, r.status(), r.body());
    return r.json().get("id").asLong();
  }

  private ApiClient.Response send(String ticket, String token, Map<String, Object> body) {
    return api.post("/api/v1/tickets/" + ticket + "/messages", token, body);
  }

  private JsonNode ticket(String ticket) {
    var r = api.get("/api/v1/tickets/" + ticket, seller);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private int messageCount(String ticket) {
    var r = api.get("/api/v1/tickets/" + ticket + "/messages", seller);
    assertEquals(200, r.status(), r.body());
    return r.json().get("items").size();
  }

  private JsonNode unit(String ticket) {
    var r = api.get("/api/v1/tickets/" + ticket + "/order", seller);
    assertEquals(200, r.status(), r.body());
    return r.json().get("units").get(0);
  }

  private boolean hasLabel(String ticket) {
    return app.store
        .returnLabels()
        .latest(SellerId.of(sellerId), TicketNumber.of(ticket))
        .isPresent();
  }

  @Test
  void aPrepaidLabelModuleIsACompliantFirstResponseInOneCall() {
    String ticket = returnTicket(12999);
    long id =
        module(
            "Rücksendeetikett", LABEL_BODY, Map.of("type", "prepaid_label", "carrier", "test-pdf"));
    assertFalse(ticket(ticket).at("/returnPolicy/satisfied").asBoolean());

    var preview = api.get("/api/v1/text-modules/" + id + "/rendered?ticket=" + ticket, seller);
    assertEquals(200, preview.status(), preview.body());
    assertEquals("prepaid_label", preview.json().at("/returnOption/type").asText());
    assertEquals("test-pdf", preview.json().at("/returnOption/carrier").asText());
    assertTrue(
        preview.json().get("text").asText().contains("[returnLabel.url of the label test-pdf"),
        preview.body());
    assertEquals(0, app.carriers.labelsMade.get());

    var sent = send(ticket, seller, Map.of("textModuleId", id));

    assertEquals(201, sent.status(), sent.body());
    assertEquals(1, sent.json().get("returnOptions").size());
    assertEquals("prepaid_label", sent.json().at("/returnOptions/0/type").asText());
    long labelId = sent.json().at("/returnOptions/0/labelId").asLong();
    String text = sent.json().get("text").asText();
    assertTrue(text.contains("/api/v1/return-labels/" + labelId), text);
    String tracking =
        app.store
            .returnLabels()
            .find(SellerId.of(sellerId), labelId)
            .orElseThrow()
            .trackingNumber();
    assertTrue(text.contains("(Sendungsnummer " + tracking + ")."), text);
    assertEquals(1, app.carriers.labelsMade.get());
    JsonNode policy = ticket(ticket).get("returnPolicy");
    assertTrue(policy.get("applies").asBoolean(), policy.toString());
    assertEquals("enforced", policy.get("phase").asText());
    assertTrue(policy.get("satisfied").asBoolean(), policy.toString());
    var download = api.get("/api/v1/return-labels/" + labelId, buyer);
    assertEquals(200, download.status(), download.body());
  }

  @Test
  void aRefundWithoutReturnModuleRefundsTheUnitInFullOnce() {
    String ticket = returnTicket(5999);
    long id =
        module(
            "Behalten Sie es",
            "Hallo {{buyer.name}}, behalten Sie den Artikel, wir erstatten den vollen Betrag.",
            Map.of("type", "refund_without_return"));

    var sent = send(ticket, seller, Map.of("textModuleId", id));

    assertEquals(201, sent.status(), sent.body());
    assertEquals("refund_without_return", sent.json().at("/returnOptions/0/type").asText());
    JsonNode unit = unit(ticket);
    assertEquals(5999, unit.at("/refunded/amount").asLong());
    assertEquals(0, unit.at("/remaining/amount").asLong());
    assertEquals(1, unit.get("ledger").size());
    assertEquals("refund_without_return", unit.at("/ledger/0/reason").asText());
    assertTrue(ticket(ticket).at("/returnPolicy/satisfied").asBoolean());
    int messages = messageCount(ticket);

    assertProblem(send(ticket, seller, Map.of("textModuleId", id)), 409, "conflict");
    assertEquals(1, unit(ticket).get("ledger").size());
    assertEquals(messages, messageCount(ticket));
  }

  @Test
  void thePluginDefaultReturnLabelModuleAnswersInOneCallWithTheDefaultCarrier() {
    DefaultTextModuleSource plugin =
        () ->
            List.of(
                new DefaultTextModuleSource.DefaultTextModule(
                    "ticketdesk-text-modules:de:return-label",
                    "de",
                    "de-DE",
                    "Rücksendeetikett",
                    LABEL_BODY,
                    "prepaid_label"));
    var stored = app.storeDefaults(plugin.defaults());
    assertEquals(1, stored.stored(), stored.skipped().toString());
    JsonNode def = api.get("/api/v1/text-modules", seller).json().at("/items/0");
    assertTrue(def.get("readOnly").asBoolean());
    assertEquals("prepaid_label", def.at("/returnOption/type").asText());
    assertTrue(def.at("/returnOption/carrier").isNull(), def.toString());
    String ticket = returnTicket(12999);

    var sent = send(ticket, seller, Map.of("textModuleId", def.get("id").asLong()));

    assertEquals(201, sent.status(), sent.body());
    long labelId = sent.json().at("/returnOptions/0/labelId").asLong();
    assertEquals(
        TestApp.DEFAULT_CARRIER,
        app.store.returnLabels().find(SellerId.of(sellerId), labelId).orElseThrow().carrier());
    assertTrue(
        sent.json().get("text").asText().contains("/api/v1/return-labels/" + labelId), sent.body());
    assertTrue(ticket(ticket).at("/returnPolicy/satisfied").asBoolean());
  }

  @Test
  void anotherSellersModuleIsNotFoundAndNothingIsWritten() {
    String ticket = returnTicket(12999);
    var other =
        createModule(
            otherSeller,
            "Etikett",
            LABEL_BODY,
            Map.of("type", "prepaid_label", "carrier", "test-pdf"));
    assertEquals(201, other.status(), other.body());
    int messages = messageCount(ticket);

    assertProblem(
        send(ticket, seller, Map.of("textModuleId", other.json().get("id").asLong())),
        404,
        "not-found");

    assertEquals(messages, messageCount(ticket));
    assertEquals(0, app.carriers.labelsMade.get());
    assertFalse(hasLabel(ticket));
    assertEquals(1, ticket(ticket).get("version").asLong());
  }

  @Test
  void aSellerAddressModuleForAnItemAbove40EurosIsRefusedAndNothingIsWritten() {
    String ticket = returnTicket(4001);
    long id =
        module(
            "Adresse",
            "Bitte senden Sie den Artikel an {{seller.returnAddress}}.",
            Map.of("type", "seller_address"));
    int messages = messageCount(ticket);

    assertProblem(send(ticket, seller, Map.of("textModuleId", id)), 422, "return-option-invalid");

    assertEquals(messages, messageCount(ticket));
    assertFalse(ticket(ticket).at("/returnPolicy/satisfied").asBoolean());
    String cheap = returnTicket(4000);
    assertEquals(201, send(cheap, seller, Map.of("textModuleId", id)).status());
    assertTrue(ticket(cheap).at("/returnPolicy/satisfied").asBoolean());
  }

  @Test
  void aMessageRefusedForItsOfferNeverCallsTheCarrier() {
    String ticket = returnTicket(12999);
    long id = module("Etikett", LABEL_BODY, Map.of("type", "prepaid_label", "carrier", "test-pdf"));
    int messages = messageCount(ticket);

    var refused =
        send(
            ticket,
            seller,
            Map.of("textModuleId", id, "discountOffer", Map.of("amount", 500, "currency", "CZK")));

    assertInvalid(refused, "discountOffer.currency");
    assertEquals(0, app.carriers.calls.get(), "the carrier is called only after every check");
    assertFalse(hasLabel(ticket));
    assertEquals(messages, messageCount(ticket));
    var withDiscount =
        send(
            ticket,
            seller,
            Map.of("textModuleId", id, "discountOffer", Map.of("amount", 500, "currency", "EUR")));
    assertEquals(201, withDiscount.status(), withDiscount.body());
    assertEquals(500, withDiscount.json().at("/discountOffer/amount").asLong());
    assertEquals("prepaid_label", withDiscount.json().at("/returnOptions/0/type").asText());
    assertEquals(1, app.carriers.calls.get());
  }

  @Test
  void aMessageRefusedWhileCustomerServiceLeadsNeverCallsTheCarrier() {
    String ticket = returnTicket(12999);
    long id = module("Etikett", LABEL_BODY, Map.of("type", "prepaid_label", "carrier", "test-pdf"));
    var escalated =
        api.post(
            "/api/v1/tickets/" + ticket + "/escalations",
            seller,
            Map.of("reason", "cannot_help_further"));
    assertEquals(200, escalated.status(), escalated.body());
    int messages = messageCount(ticket);

    assertProblem(send(ticket, seller, Map.of("textModuleId", id)), 409, "conflict");

    assertEquals(0, app.carriers.calls.get(), "the carrier is called only after every check");
    assertFalse(hasLabel(ticket));
    assertEquals(messages, messageCount(ticket));
  }

  @Test
  void explicitReturnOptionsWinOverTheModulesAndAnExplicitTextWinsOverTheModule() {
    String ticket = returnTicket(5999);
    long id =
        module(
            "Erstattung",
            "Wir erstatten {{order.number}}.",
            Map.of("type", "refund_without_return"));

    var sent =
        send(
            ticket,
            seller,
            Map.of(
                "textModuleId", id, "returnOptions", List.of(Map.of("type", "label_in_package"))));

    assertEquals(201, sent.status(), sent.body());
    assertEquals(1, sent.json().get("returnOptions").size());
    assertEquals("label_in_package", sent.json().at("/returnOptions/0/type").asText());
    assertEquals(0, unit(ticket).get("ledger").size());
    var text = send(ticket, seller, Map.of("textModuleId", id, "text", "Noch Fragen?"));
    assertEquals(201, text.status(), text.body());
    assertEquals(0, text.json().get("returnOptions").size());
    assertEquals(0, unit(ticket).get("ledger").size());
  }

  @Test
  void anInternalNoteFromAModuleAttachesNoOption() {
    String ticket = returnTicket(5999);
    long id =
        module(
            "Notiz",
            "Erstattung für {{order.number}} prüfen.",
            Map.of("type", "refund_without_return"));

    var note = send(ticket, seller, Map.of("textModuleId", id, "internal", true));

    assertEquals(201, note.status(), note.body());
    assertEquals(0, note.json().get("returnOptions").size());
    assertEquals(0, unit(ticket).get("ledger").size());
  }

  @Test
  void aModulesReturnOptionIsValidatedAndShownAndCanBeChanged() {
    assertInvalid(
        createModule(seller, "A", "x", Map.of("type", "prepaid_label")), "returnOption.carrier");
    assertInvalid(
        createModule(seller, "B", "x", Map.of("type", "prepaid_label", "carrier", "dhl")),
        "returnOption.carrier");
    assertInvalid(createModule(seller, "C", "x", Map.of("type", "label_url")), "returnOption.type");
    assertInvalid(createModule(seller, "D", "x", Map.of("type", "keep_it")), "returnOption.type");
    assertInvalid(
        createModule(
            seller, "E", "x", Map.of("type", "refund_without_return", "carrier", "test-pdf")),
        "returnOption.carrier");
    assertInvalid(
        createModule(seller, "F", "x", Map.of("carrier", "test-pdf")), "returnOption.type");

    var created = createModule(seller, "G", "x", Map.of("type", "label_in_package"));
    assertEquals(201, created.status(), created.body());
    assertEquals("label_in_package", created.json().at("/returnOption/type").asText());
    assertTrue(created.json().at("/returnOption/carrier").isNull());
    long id = created.json().get("id").asLong();
    var changed =
        api.send(
            "PUT",
            "/api/v1/text-modules/" + id,
            seller,
            ApiClient.toJson(Map.of("storefront", "de", "name", "G", "body", "y")),
            Map.of());
    assertEquals(200, changed.status(), changed.body());
    assertTrue(changed.json().get("returnOption").isNull());
    assertTrue(api.get("/api/v1/text-modules/" + id, seller).json().get("returnOption").isNull());
  }

  @Test
  void aCopyOfACarrierlessDefaultGetsTheDefaultCarrierAndALabelUrlDefaultKeepsItsTextOnly() {
    DefaultTextModuleSource plugin =
        () ->
            List.of(
                new DefaultTextModuleSource.DefaultTextModule(
                    "p:de:return-label", "de", "de-DE", "Etikett", LABEL_BODY, "prepaid_label"),
                new DefaultTextModuleSource.DefaultTextModule(
                    "p:de:label-url", "de", "de-DE", "Link", "{{returnLabel.url}}", "label_url"));
    var stored = app.storeDefaults(plugin.defaults());
    assertEquals(2, stored.stored());
    assertEquals(1, stored.skipped().size(), stored.skipped().toString());
    assertTrue(stored.skipped().get(0).contains("label_url"), stored.skipped().toString());
    JsonNode items = api.get("/api/v1/text-modules", seller).json().get("items");
    assertTrue(items.get(1).get("returnOption").isNull(), items.toString());

    var copy =
        api.post(
            "/api/v1/text-modules",
            seller,
            Map.of("copyOf", items.get(0).get("id").asLong(), "name", "Mein Etikett"));

    assertEquals(201, copy.status(), copy.body());
    assertEquals("prepaid_label", copy.json().at("/returnOption/type").asText());
    assertEquals(TestApp.DEFAULT_CARRIER, copy.json().at("/returnOption/carrier").asText());
  }
}
