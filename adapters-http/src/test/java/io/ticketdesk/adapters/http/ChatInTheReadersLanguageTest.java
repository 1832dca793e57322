package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.persistence.TestDatabase;
import io.ticketdesk.adapters.persistence.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Over HTTP on every store: a Czech and a French buyer read the system messages of their chat in
 * their storefront's language, while the seller reads the same events in English or German, and the
 * return-option guard explains itself to a seller in German.
 */
class ChatInTheReadersLanguageTest {
  private static final String NBSP = "\u00a0";
  private TestApp app;
  private ApiClient api;
  private String seller;

  @AfterEach
  void close() {
    if (app != null) {
      app.close();
    }
  }

  private void start(String store) {
    app =
        switch (store) {
          case "memory" -> new TestApp();
          case "h2" -> onDatabase(TestDatabases.h2());
          case "postgresql" -> onDatabase(TestDatabases.postgres());
          default -> throw new IllegalArgumentException(store);
        };
    api = app.api;
    long sellerId = app.registerSeller("Fahrrad Franz GmbH", "cz", "fr");
    seller = app.token("seller", sellerId, null);
    feed("CZ1", sellerId, 601, "cz", 700001, 200_000, "CZK");
    feed("FR1", sellerId, 602, "fr", 700002, 5_000, "EUR");
  }

  private static TestApp onDatabase(TestDatabase db) {
    return new TestApp(db.freshPorts(), db::fingerprint, db);
  }

  private void feed(
      String orderNumber,
      long sellerId,
      long buyerId,
      String storefront,
      long unit,
      long price,
      String currency) {
    app.feedOrderUnits(
        orderNumber,
        sellerId,
        buyerId,
        storefront,
        List.of(
            Map.of(
                "orderUnitId",
                unit,
                "title",
                "Bike rack",
                "ean",
                "4006381333931",
                "price",
                Map.of("amount", price, "currency", currency),
                "state",
                "received",
                "deliveredAt",
                app.clock.instant().minus(Duration.ofDays(3)).toString())));
  }

  private String ticket(String buyer, long unit, String reason) {
    return "/api/v1/tickets/"
        + app.openTicket(buyer, unit, reason, null, "Hello").get("ticketNumber").asText();
  }

  private ApiClient.Response read(String path, String token, String acceptLanguage) {
    return api.send(
        "GET",
        path + "/messages",
        token,
        null,
        acceptLanguage == null ? Map.of() : Map.of("Accept-Language", acceptLanguage));
  }

  /** The system messages' texts, in order. */
  private static List<String> system(ApiClient.Response r) {
    List<String> texts = new ArrayList<>();
    for (JsonNode m : r.json().get("items")) {
      if (m.get("authorRole").asText().equals("system")) {
        texts.add(m.get("text").asText());
      }
    }
    return texts;
  }

  private void refund(String path, long unit, long amount, String currency) {
    var r =
        api.post(
            path + "/refunds",
            seller,
            Map.of(
                "orderUnitId",
                unit,
                "amount",
                Map.of("amount", amount, "currency", currency),
                "reason",
                "delivery_damage"));
    assertEquals(201, r.status(), r.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "h2", "postgresql"})
  void czechAndFrenchBuyersReadTheirChatInTheirLanguageWhileTheSellerReadsEnglishOrGerman(
      String store) {
    start(store);
    String czBuyer = app.token("buyer", null, 601L);
    String frBuyer = app.token("buyer", null, 602L);
    String cs = app.token("customer_service", null, null);

    String cz = ticket(czBuyer, 700001, "product_defect");
    refund(cz, 700001, 125_000, "CZK");
    var escalated =
        api.post(cz + "/escalations", seller, Map.of("reason", "not_directed_at_seller"));
    assertEquals(200, escalated.status(), escalated.body());
    assertEquals(200, api.post(cz + "/handback", cs, null).status());

    var czech = read(cz, czBuyer, "en");
    assertEquals(200, czech.status(), czech.body());
    assertEquals("cs", czech.header("Content-Language").orElseThrow());
    List<String> inCzech = system(czech);
    assertTrue(
        inCzech
            .get(0)
            .startsWith("Částečné vrácení peněz ve výši 1" + NBSP + "250,00" + NBSP + "Kč"),
        inCzech.get(0));
    assertTrue(inCzech.get(0).contains("Důvod: Poškození při přepravě."), inCzech.get(0));
    assertEquals(
        "Prodejce předal tiket zákaznickému servisu. Důvod: Záležitost se netýká prodejce."
            + " Tiket nyní vede zákaznický servis.",
        inCzech.get(1));
    assertTrue(
        inCzech
            .get(2)
            .matches(
                "Zákaznický servis vrátil tiket prodejci; .* do \\d{1,2}\\. \\d{1,2}\\. 2026 \\d{1,2}:\\d{2}\\."),
        inCzech.get(2));
    JsonNode event = czech.json().get("items").get(1).get("event");
    assertEquals("partial_refund", event.get("kind").asText());
    assertEquals(125_000, event.get("params").get("amount").get("amount").asLong());
    assertEquals("delivery_damage", event.get("params").get("reason").asText());
    assertEquals("Hello", czech.json().get("items").get(0).get("text").asText());

    var english = read(cz, seller, null);
    assertEquals("en", english.header("Content-Language").orElseThrow());
    assertTrue(
        system(english).get(0).startsWith("Partial refund of CZK1,250.00 on order unit 700001"),
        system(english).get(0));
    assertTrue(system(english).get(0).contains("Reason: Damaged in transit."));
    var german = read(cz, seller, "de-DE,de;q=0.9,en;q=0.5");
    assertEquals("de", german.header("Content-Language").orElseThrow());
    assertTrue(
        system(german).get(0).startsWith("Teilerstattung von 1.250,00" + NBSP + "CZK"),
        system(german).get(0));
    assertEquals(event, german.json().get("items").get(1).get("event"));

    String fr = ticket(frBuyer, 700002, "product_defect");
    refund(fr, 700002, 1_464, "EUR");
    assertEquals(201, api.post(fr + "/messages", seller, Map.of("text", "Désolé !")).status());
    assertEquals(200, api.post(fr + "/close", seller, null).status());
    var french = read(fr, frBuyer, "cs");
    assertEquals("fr", french.header("Content-Language").orElseThrow());
    List<String> inFrench = system(french);
    assertTrue(
        inFrench.get(0).startsWith("Remboursement partiel de 14,64" + NBSP + "€"), inFrench.get(0));
    assertTrue(inFrench.get(0).contains("Motif : Dommage pendant le transport."), inFrench.get(0));
    assertEquals("Ticket clôturé par le vendeur.", inFrench.get(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "h2", "postgresql"})
  void theReturnOptionGuardIsExplainedToASellerInGermanAndTheRefundToTheBuyerInCzech(String store) {
    start(store);
    String czBuyer = app.token("buyer", null, 601L);
    String path = ticket(czBuyer, 700001, "product_return");
    // 2,000 CZK is more than 40 EUR: the seller's address is no valid option here.
    String before = app.fingerprint();

    var refused =
        api.send(
            "POST",
            path + "/messages",
            seller,
            ApiClient.toJson(Map.of("text", "Dobrý den")),
            Map.of("Accept-Language", "de"));
    assertEquals(422, refused.status(), refused.body());
    assertEquals("de", refused.header("Content-Language").orElseThrow());
    assertEquals(
        "Die erste Antwort muss eine gültige Rücksendemöglichkeit anbieten",
        refused.json().get("title").asText());
    assertTrue(
        refused
            .json()
            .get("detail")
            .asText()
            .startsWith(
                "Die erste Antwort auf diese Rücksendeanfrage muss eine gültige"
                    + " Rücksendemöglichkeit anbieten (frankiertes Rücksendeetikett, "),
        refused.body());
    var close = api.send("POST", path + "/close", seller, null, Map.of("Accept-Language", "pl"));
    assertEquals(409, close.status(), close.body());
    assertEquals("pl", close.header("Content-Language").orElseThrow());
    assertEquals("Konflikt z bieżącym stanem", close.json().get("title").asText());
    assertTrue(close.json().get("detail").asText().startsWith("Na zgłoszenie 001"), close.body());
    assertEquals(before, app.fingerprint());
    var inEnglish = api.post(path + "/messages", seller, Map.of("text", "Hello"));
    assertTrue(
        inEnglish.json().get("detail").asText().startsWith("The first response to this return"),
        inEnglish.body());

    var dear =
        api.send(
            "POST",
            path + "/messages",
            seller,
            ApiClient.toJson(
                Map.of("text", "Hier", "returnOptions", List.of(Map.of("type", "seller_address")))),
            Map.of("Accept-Language", "de-AT"));
    assertEquals(422, dear.status(), dear.body());
    assertEquals(
        "Die Rücksendeadresse des Verkäufers ist nur für Artikel im Wert von höchstens € 40,00"
                .replace(" 40", NBSP + "40")
            + " eine gültige Rücksendemöglichkeit; bieten Sie stattdessen ein Rücksendeetikett an.",
        dear.json().get("detail").asText());

    var answered =
        api.post(
            path + "/messages",
            seller,
            Map.of(
                "text",
                "Zde je zpáteční adresa.",
                "returnOptions",
                List.of(Map.of("type", "refund_without_return"))));
    assertEquals(201, answered.status(), answered.body());
    List<String> inCzech = system(read(path, czBuyer, null));
    assertTrue(
        inCzech
            .get(0)
            .startsWith(
                "Vrácení peněz bez vrácení zboží: prodejce vrátil v plné výši 2"
                    + NBSP
                    + "000,00"
                    + NBSP
                    + "Kč"),
        inCzech.get(0));
  }
}
