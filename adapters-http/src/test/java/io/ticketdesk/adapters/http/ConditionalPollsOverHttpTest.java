package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polling a ticket and the tab counts with If-None-Match: 304 until something changes. */
class ConditionalPollsOverHttpTest {
  private TestApp app;
  private String sellerToken;
  private String otherSellerToken;
  private String buyerToken;
  private String ticket;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    long seller = app.registerSeller("Poll GmbH", "de");
    long other = app.registerSeller("Other GmbH", "de");
    sellerToken = app.token("seller", seller, null);
    otherSellerToken = app.token("seller", other, null);
    buyerToken = app.token("buyer", null, 77L);
    app.feedOrder("POLL1", seller, 77, "de", 1001, 1002);
    ticket =
        "/api/v1/tickets/"
            + app.openTicket(buyerToken, 1001, "product_defect", null, "It broke.")
                .get("ticketNumber")
                .asText();
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private ApiClient.Response poll(String path, String token, String etag) {
    return app.api.send("GET", path, token, null, Map.of("If-None-Match", etag));
  }

  @Test
  void aTicketPollAnswers304UntilTheTicketChanges() {
    var first = app.api.get(ticket, sellerToken);
    String etag = first.header("ETag").orElseThrow();

    var unchanged = poll(ticket, sellerToken, etag);
    assertEquals(304, unchanged.status());
    assertEquals("", unchanged.body());
    assertEquals(etag, unchanged.header("ETag").orElseThrow());
    assertEquals(304, poll(ticket, sellerToken, "W/" + etag + ", \"999\"").status());

    var answered = app.api.post(ticket + "/messages", sellerToken, Map.of("text", "We are on it."));
    assertEquals(201, answered.status(), answered.body());
    var changed = poll(ticket, sellerToken, etag);
    assertEquals(200, changed.status());
    assertEquals("waiting", changed.json().get("status").asText());
    assertNotEquals(etag, changed.header("ETag").orElseThrow());
  }

  @Test
  void aPollOnSomeoneElsesTicketIsNotFoundNotNotModified() {
    String etag = app.api.get(ticket, sellerToken).header("ETag").orElseThrow();
    assertEquals(404, poll(ticket, otherSellerToken, etag).status());
    assertEquals(404, poll(ticket, otherSellerToken, "*").status());
  }

  @Test
  void theTabCountsAnswer304UntilACountChanges() {
    var first = app.api.get("/api/v1/ticket-counts", sellerToken);
    String etag = first.header("ETag").orElseThrow();
    assertEquals("\"1-0-0\"", etag);
    assertEquals(304, poll("/api/v1/ticket-counts", sellerToken, etag).status());

    app.openTicket(buyerToken, 1002, "product_defect", null, "The second one broke too.");
    var changed = poll("/api/v1/ticket-counts", sellerToken, etag);
    assertEquals(200, changed.status());
    assertEquals(2, changed.json().get("open").asLong());
    assertEquals("\"2-0-0\"", changed.header("ETag").orElseThrow());
    assertTrue(
        poll("/api/v1/ticket-counts?storefront=at", sellerToken, etag).status() == 200,
        "other filters, other counts");
  }
}
