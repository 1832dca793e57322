package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The working time left to the response deadline, as every ticket answer carries it: counted by the
 * server on the storefront's working days, not in wall-clock hours.
 */
class WorkingTimeLeftOverHttpTest {
  private TestApp app;
  private String sellerToken;
  private String buyerToken;

  @BeforeEach
  void setUp() {
    app = new TestApp(); // clock: Monday 2026-03-02 09:00 UTC (10:00 Berlin), no holidays
    long seller = app.registerSeller("Rack GmbH", "de");
    sellerToken = app.token("seller", seller, null);
    buyerToken = app.token("buyer", null, 77L);
    app.feedOrder("WTL1", seller, 77, "de", 1001);
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private JsonNode ticket(String number) {
    var r = app.api.get("/api/v1/tickets/" + number, sellerToken);
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private JsonNode firstOpen() {
    var r = app.api.get("/api/v1/tickets?status=open", sellerToken);
    assertEquals(200, r.status(), r.body());
    return r.json().get("items").get(0);
  }

  @Test
  void aTicketOpenedOnFridayAfternoonHas48WorkingHoursLeftThoughItIsDue96HoursLater() {
    app.clock.advance(Duration.ofDays(4).plusHours(5)); // Friday 14:00 UTC, 15:00 Berlin
    JsonNode opened = app.openTicket(buyerToken, 1001, "product_defect", null, "It broke.");
    assertEquals("2026-03-10T14:00:00Z", opened.get("responseDueAt").asText());
    assertEquals(48 * 3600, opened.get("workingSecondsLeft").asLong());
    String number = opened.get("ticketNumber").asText();

    // Saturday: only Friday's remaining 9 hours have passed as working time.
    app.clock.advance(Duration.ofDays(1));
    assertEquals((48 - 9) * 3600, ticket(number).get("workingSecondsLeft").asLong());
    assertEquals((48 - 9) * 3600, firstOpen().get("workingSecondsLeft").asLong());
    assertFalse(ticket(number).get("overdue").asBoolean());
  }

  @Test
  void anOverdueTicketCarriesItsWorkingTimeOverrunAsANegativeValue() {
    JsonNode opened = app.openTicket(buyerToken, 1001, "product_defect", null, "It broke.");
    String number = opened.get("ticketNumber").asText(); // due Wednesday 09:00 UTC
    app.clock.advance(Duration.ofHours(48 + 20)); // Thursday 05:00 UTC: 20 working hours late
    JsonNode late = ticket(number);
    assertTrue(late.get("overdue").asBoolean());
    assertEquals(-20 * 3600, late.get("workingSecondsLeft").asLong());
    assertEquals(-20 * 3600, firstOpen().get("workingSecondsLeft").asLong());
  }

  @Test
  void aTicketWithoutARunningDeadlineHasNoWorkingTimeLeft() {
    JsonNode opened = app.openTicket(buyerToken, 1001, "product_defect", null, "It broke.");
    String number = opened.get("ticketNumber").asText();
    var answered =
        app.api.post(
            "/api/v1/tickets/" + number + "/messages", sellerToken, Map.of("text", "On it."));
    assertEquals(201, answered.status(), answered.body());
    JsonNode waiting = ticket(number);
    assertEquals("waiting", waiting.get("status").asText());
    assertTrue(waiting.get("workingSecondsLeft").isNull());
  }
}
