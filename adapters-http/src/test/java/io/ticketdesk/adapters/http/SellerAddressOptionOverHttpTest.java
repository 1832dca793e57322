package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A seller_address option that gives the return address itself (issue 13, item 3): the buyer sees
 * that address, a malformed one is 400, the 40 EUR limit holds.
 */
class SellerAddressOptionOverHttpTest {
  static final Map<String, Object> LEIPZIG =
      Map.of(
          "name", "Fahrrad Franz Retouren",
          "street", "Lagerweg 5",
          "postalCode", "04109",
          "city", "Leipzig",
          "country", "DE");

  TestApp app;
  ApiClient api;
  long sellerId;
  String seller;
  String buyer;

  @BeforeEach
  void setUp() {
    app = new TestApp(); // Monday 2026-03-02: the policy is enforced
    api = app.api;
    sellerId = app.registerSeller("Fahrrad Franz GmbH", "de");
    seller = app.token("seller", sellerId, null);
    buyer = app.token("buyer", null, 501L);
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  /** A return request for a refund of a unit worth {@code price} cents, delivered 3 days ago. */
  String returnTicket(long unit, long price) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderUnitId", unit);
    body.put("title", "Bike rack");
    body.put("ean", "4006381333931");
    body.put("price", Map.of("amount", price, "currency", "EUR"));
    body.put("state", "received");
    body.put("deliveredAt", app.clock.instant().minus(Duration.ofDays(3)).toString());
    app.feedOrderUnits("LA" + unit, sellerId, 501, "de", List.of(body));
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

  ApiClient.Response answer(String path, Map<String, Object> option) {
    return api.post(
        path + "/messages",
        seller,
        Map.of("text", "Please send it to our returns depot.", "returnOptions", List.of(option)));
  }

  @Test
  void theAddressGivenInTheOptionIsTheOneTheBuyerSees() {
    String path = returnTicket(83001, 3999);

    var posted = answer(path, Map.of("type", "seller_address", "address", LEIPZIG));

    assertEquals(201, posted.status(), posted.body());
    JsonNode option = posted.json().get("returnOptions").get(0);
    assertEquals("Leipzig", option.get("address").get("city").asText(), posted.body());
    JsonNode chat = api.get(path + "/messages", buyer).json().get("items");
    JsonNode last = chat.get(chat.size() - 1);
    assertEquals("return_address", last.get("event").get("kind").asText(), chat.toString());
    String text = last.get("text").asText();
    assertTrue(
        text.contains("Fahrrad Franz Retouren\nLagerweg 5\n04109 Leipzig\nDeutschland"), text);
    assertTrue(!text.contains("Hauptstr. 1"), "not the address on file: " + text);
    // The stored message keeps the address it offered.
    JsonNode stored = chat.get(chat.size() - 2);
    assertEquals(
        "Lagerweg 5", stored.get("returnOptions").get(0).get("address").get("street").asText());
    assertTrue(api.get(path, seller).json().get("returnPolicy").get("satisfied").asBoolean());
  }

  @Test
  void withoutAnAddressTheOneOnFileIsUsedAsBefore() {
    String path = returnTicket(83002, 3999);
    var posted = answer(path, Map.of("type", "seller_address"));
    assertEquals(201, posted.status(), posted.body());
    assertTrue(posted.json().get("returnOptions").get(0).get("address").isNull(), posted.body());
    JsonNode chat = api.get(path + "/messages", buyer).json().get("items");
    assertTrue(
        chat.get(chat.size() - 1).get("text").asText().contains("Hauptstr. 1\n10115 Berlin"),
        chat.toString());
  }

  @Test
  void aMalformedAddressIs400AndChangesNothing() {
    String path = returnTicket(83003, 3999);
    String before = app.fingerprint();
    Map<String, Object> badCountry = new LinkedHashMap<>(LEIPZIG);
    badCountry.put("country", "Germany");
    Map<String, Object> noStreet = new LinkedHashMap<>(LEIPZIG);
    noStreet.remove("street");
    Map<String, Object> unknownField = new LinkedHashMap<>(LEIPZIG);
    unknownField.put("floor", "2");
    for (Map<String, Object> bad : List.of(badCountry, noStreet, unknownField)) {
      var r = answer(path, Map.of("type", "seller_address", "address", bad));
      assertEquals(400, r.status(), r.body());
      assertTrue(r.contentType().startsWith("application/problem+json"), r.body());
    }
    var onAnotherOption = answer(path, Map.of("type", "label_in_package", "address", LEIPZIG));
    assertEquals(400, onAnotherOption.status(), onAnotherOption.body());
    assertEquals(before, app.fingerprint());
  }

  @Test
  void aGivenAddressDoesNotLiftThe40EuroLimit() {
    String path = returnTicket(83004, 4001);
    var r = answer(path, Map.of("type", "seller_address", "address", LEIPZIG));
    assertEquals(422, r.status(), r.body());
    assertTrue(r.body().contains("return-option-invalid"), r.body());
  }
}
