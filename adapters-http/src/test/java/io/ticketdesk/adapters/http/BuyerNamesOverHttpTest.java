package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The buyer's name on a ticket, for the roles that see the order's buyer. */
class BuyerNamesOverHttpTest {
  private TestApp app;
  private String sellerToken;
  private String buyerToken;
  private String number;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    long seller = app.registerSeller("Name GmbH", "de");
    sellerToken = app.token("seller", seller, null);
    buyerToken = app.token("buyer", null, 77L);
    app.feedOrder("NAME1", seller, 77, "de", 1001);
    number =
        app.openTicket(buyerToken, 1001, "product_defect", null, "It broke.")
            .get("ticketNumber")
            .asText();
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private JsonNode read(String token) {
    var r = app.api.get("/api/v1/tickets/" + number, token);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  @Test
  void theSellerAndCustomerServiceSeeTheBuyersNameInTheListAndOnTheTicket() {
    assertEquals("Erika Muster", read(sellerToken).get("buyerName").asText());
    var list = app.api.get("/api/v1/tickets", sellerToken).json().get("items");
    assertEquals("Erika Muster", list.get(0).get("buyerName").asText());
    String service = app.token("customer_service", null, null);
    assertEquals("Erika Muster", read(service).get("buyerName").asText());
  }

  @Test
  void theMarketplaceAndTheBuyerGetNoName() {
    assertTrue(read(TestApp.ADMIN).get("buyerName").isNull());
    assertTrue(read(buyerToken).get("buyerName").isNull());
  }

  @Test
  void customerServicesListAcrossSellersNamesEachTicketsOwnBuyer() {
    long other = app.registerSeller("Andere AG", "de");
    var r =
        app.api.post(
            "/api/v1/orders",
            TestApp.ADMIN,
            java.util.Map.of(
                "orderNumber",
                "NAME2",
                "storefront",
                "de",
                "sellerId",
                other,
                "orderedAt",
                "2026-02-20T10:00:00Z",
                "buyer",
                java.util.Map.of("buyerId", 78, "name", "Jan Novák", "email", "jan@example.org"),
                "units",
                java.util.List.of(
                    java.util.Map.of(
                        "orderUnitId",
                        2001,
                        "title",
                        "Lamp",
                        "ean",
                        "4006381333931",
                        "price",
                        java.util.Map.of("amount", 1999, "currency", "EUR"),
                        "state",
                        "sent"))));
    assertEquals(201, r.status(), r.body());
    String jan = app.token("buyer", null, 78L);
    String second =
        app.openTicket(jan, 2001, "product_defect", null, "Flickers.").get("ticketNumber").asText();
    String service = app.token("customer_service", null, null);
    var items = app.api.get("/api/v1/tickets", service).json().get("items");
    java.util.Map<String, String> names = new java.util.HashMap<>();
    items.forEach(i -> names.put(i.get("ticketNumber").asText(), i.get("buyerName").asText()));
    assertEquals(java.util.Map.of(number, "Erika Muster", second, "Jan Novák"), names);
  }
}
