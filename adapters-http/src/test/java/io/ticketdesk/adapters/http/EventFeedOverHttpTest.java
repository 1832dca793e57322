package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event feed over HTTP: committed changes as events, per caller's scope, keyset paging. */
class EventFeedOverHttpTest {
  TestApp app;
  ApiClient api;
  long sellerA;
  String seller;
  String otherSeller;
  String buyer;
  String ticket;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    api = app.api;
    sellerA = app.registerSeller("Fahrrad Franz GmbH", "de");
    long sellerB = app.registerSeller("Other Seller AG", "de");
    seller = app.token("seller", sellerA, null);
    otherSeller = app.token("seller", sellerB, null);
    buyer = app.token("buyer", null, 501L);
    app.feedOrder("MQ8BRT7", sellerA, 501, "de", 1001, 1002);
    var r =
        api.post(
            "/api/v1/tickets",
            buyer,
            Map.of(
                "orderUnitIds", List.of(1001),
                "reason", "product_defect",
                "message", "The rack arrived scratched."));
    assertEquals(201, r.status(), r.body());
    ticket = r.json().get("ticketNumber").asText();
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private List<JsonNode> all(String token, String query) {
    List<JsonNode> out = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 50; page++) {
      var r =
          api.get(
              "/api/v1/events?limit=2"
                  + (cursor == null ? "" : "&after=" + cursor)
                  + (query.isEmpty() ? "" : "&" + query),
              token);
      assertEquals(200, r.status(), r.body());
      r.json().get("items").forEach(out::add);
      String next = r.json().get("nextCursor").asText();
      if (r.json().get("items").isEmpty()) {
        assertEquals(cursor == null ? next : cursor, next, "an empty page keeps the cursor");
        return out;
      }
      cursor = next;
    }
    throw new AssertionError("the feed did not end");
  }

  @Test
  void theSellerReadsItsTicketsEventsInOrderPageByPage() {
    var answer =
        api.post(
            "/api/v1/tickets/" + ticket + "/messages",
            seller,
            Map.of("text", "We send a new one."));
    assertEquals(201, answer.status(), answer.body());

    List<JsonNode> events = all(seller, "");
    assertEquals(
        List.of(
            "ticket.opened",
            "ticket.message_created",
            "ticket.status_changed",
            "ticket.message_created"),
        events.stream().map(e -> e.get("type").asText()).toList());
    for (int i = 0; i < events.size(); i++) {
      JsonNode e = events.get(i);
      assertEquals(i + 1, e.get("sequence").asLong());
      assertEquals(sellerA, e.get("sellerId").asLong());
      assertEquals(ticket, e.get("data").get("ticketNumber").asText());
      assertEquals("MQ8BRT7", e.get("data").get("orderNumber").asText());
      assertTrue(e.get("eventId").asText().matches("evt_[0-9a-f]{32}"));
    }
    assertEquals("/api/v1/tickets/" + ticket, events.get(0).get("data").get("url").asText());
    assertEquals("waiting", events.get(2).get("data").get("status").asText());
  }

  @Test
  void anotherSellerSeesNoneAndTheMarketplaceSeesAllOrOneSeller() {
    assertEquals(List.of(), all(otherSeller, ""));
    assertEquals(2, all(TestApp.ADMIN, "").size());
    assertEquals(2, all(TestApp.ADMIN, "sellerId=" + sellerA).size());
    assertEquals(0, all(TestApp.ADMIN, "sellerId=" + (sellerA + 1)).size());
  }

  @Test
  void aBuyerMayNotReadTheFeedAndABadCursorIsABadRequest() {
    assertEquals(403, api.get("/api/v1/events", buyer).status());
    assertEquals(400, api.get("/api/v1/events?after=bm9wZQ", seller).status());
    assertEquals(400, api.get("/api/v1/events?limit=201", seller).status());
    assertEquals(400, api.get("/api/v1/events?sellerId=" + sellerA, seller).status());
  }

  @Test
  void aRefusedRequestRecordsNoEvent() {
    int before = all(seller, "").size();
    var r =
        api.post(
            "/api/v1/tickets/" + ticket + "/refunds",
            seller,
            Map.of(
                "orderUnitId",
                1001,
                "amount",
                Map.of("amount", 999_999, "currency", "EUR"),
                "reason",
                "delivery_damage"));
    assertEquals(422, r.status(), r.body());
    assertEquals(before, all(seller, "").size());
  }
}
