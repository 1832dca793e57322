package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertInvalid;
import static io.ticketdesk.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Response deadlines, the due-sorted inbox and the response-time KPI over HTTP. */
class ServiceLevelOverHttpTest {
  private TestApp app;
  private long seller;
  private String sellerToken;
  private String otherSellerToken;
  private String buyerToken;

  @BeforeEach
  void setUp() {
    app = new TestApp(); // clock: Monday 2026-03-02 09:00 UTC (10:00 Berlin), no holidays
    seller = app.registerSeller("Rack GmbH", "de", "at");
    long other = app.registerSeller("Other GmbH", "de");
    sellerToken = app.token("seller", seller, null);
    otherSellerToken = app.token("seller", other, null);
    buyerToken = app.token("buyer", null, 77L);
    app.feedOrder("KPI1", seller, 77, "de", 1001, 1002, 1003);
    app.feedOrder("KPI2", seller, 77, "at", 2001);
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private String open(long unit) {
    return app.openTicket(buyerToken, unit, "product_defect", null, "It broke.")
        .get("ticketNumber")
        .asText();
  }

  private void answer(String number) {
    var r =
        app.api.post(
            "/api/v1/tickets/" + number + "/messages", sellerToken, Map.of("text", "On it."));
    assertEquals(201, r.status(), r.body());
  }

  @Test
  void aTicketOpenedOnMondayIsDueOnWednesdayAndOverdueAfterwards() {
    JsonNode t = app.openTicket(buyerToken, 1001, "product_defect", null, "It broke.");
    assertEquals("2026-03-04T09:00:00Z", t.get("responseDueAt").asText());
    assertFalse(t.get("overdue").asBoolean());

    app.clock.advance(Duration.ofHours(48).plusSeconds(1));
    JsonNode later =
        app.api.get("/api/v1/tickets/" + t.get("ticketNumber").asText(), sellerToken).json();
    assertTrue(later.get("overdue").asBoolean());
    assertEquals(
        List.of(t.get("ticketNumber").asText()),
        numbers(app.api.get("/api/v1/tickets?overdue=true", sellerToken).json()));
  }

  @Test
  void theInboxSortedByDueListsOpenTicketsMostUrgentFirstAcrossPages() {
    List<String> opened = new ArrayList<>();
    for (long unit : new long[] {1001, 1002, 1003, 2001}) {
      opened.add(open(unit));
      app.clock.advance(Duration.ofMinutes(10));
    }
    answer(opened.get(1)); // waiting now: not in the due list

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      String url = "/api/v1/tickets?sort=due&limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
      JsonNode page = app.api.get(url, sellerToken).json();
      seen.addAll(numbers(page));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    assertEquals(List.of(opened.get(0), opened.get(2), opened.get(3)), seen);
    assertInvalid(app.api.get("/api/v1/tickets?sort=due&status=closed", sellerToken), "sort");
  }

  @Test
  void theWeeklyKpiCountsOnTimeAndLateFirstResponsesPerStorefront() {
    String fast = open(1001);
    app.clock.advance(Duration.ofHours(2));
    answer(fast); // 2 working hours: on time
    String slow = open(1002);
    String atTicket = open(2001);
    app.clock.advance(Duration.ofHours(50));
    answer(slow); // 50 working hours: late
    answer(atTicket); // 50 working hours: late
    open(1003); // stays open, due Friday of the same week: unanswered and late
    app.clock.advance(Duration.ofHours(49)); // the open one is overdue now

    JsonNode kpi = app.api.get("/api/v1/kpis/response-time?week=2026-W10", sellerToken).json();
    assertEquals(seller, kpi.get("sellerId").asLong());
    assertEquals("2026-03-02", kpi.get("from").asText());
    assertEquals("2026-03-08", kpi.get("to").asText());
    JsonNode overall = kpi.get("overall");
    assertEquals(4, overall.get("firstResponses").asLong());
    assertEquals(1, overall.get("onTimeFirstResponses").asLong());
    assertEquals(1, overall.get("unansweredLate").asLong());
    assertEquals(0.25, overall.get("onTimeRate").asDouble());
    assertEquals(50.0, overall.get("medianWorkingHours").asDouble());
    assertEquals(50.0, overall.get("p90WorkingHours").asDouble());
    assertEquals(1, overall.get("openOverdue").asLong());
    JsonNode de = kpi.get("byStorefront").get("de");
    assertEquals(3, de.get("firstResponses").asLong());
    assertEquals(0.3333, de.get("onTimeRate").asDouble());
    assertEquals(2.0, de.get("medianWorkingHours").asDouble());
    assertEquals(50.0, de.get("p90WorkingHours").asDouble());
    JsonNode at = kpi.get("byStorefront").get("at");
    assertEquals(1, at.get("firstResponses").asLong());
    assertEquals(0.0, at.get("onTimeRate").asDouble());

    JsonNode onlyAt =
        app.api.get("/api/v1/kpis/response-time?week=2026-W10&storefront=at", sellerToken).json();
    assertEquals(1, onlyAt.get("overall").get("firstResponses").asLong());
    assertFalse(onlyAt.get("byStorefront").has("de"));

    JsonNode nextWeek = app.api.get("/api/v1/kpis/response-time?week=2026-W11", sellerToken).json();
    assertEquals(0, nextWeek.get("overall").get("firstResponses").asLong());
    assertTrue(nextWeek.get("overall").get("onTimeRate").isNull());

    JsonNode byDates =
        app.api.get("/api/v1/kpis/response-time?from=2026-03-02&to=2026-03-08", sellerToken).json();
    assertEquals(overall, byDates.get("overall"));

    JsonNode asMarketplace =
        app.api
            .get("/api/v1/kpis/response-time?week=2026-W10&sellerId=" + seller, TestApp.ADMIN)
            .json();
    assertEquals(overall, asMarketplace.get("overall"));
    JsonNode otherSeller =
        app.api.get("/api/v1/kpis/response-time?week=2026-W10", otherSellerToken).json();
    assertEquals(0, otherSeller.get("overall").get("firstResponses").asLong());
  }

  @Test
  void kpiRefusalsAreProblems() {
    assertInvalid(app.api.get("/api/v1/kpis/response-time?week=2026-10", sellerToken), "week");
    assertInvalid(app.api.get("/api/v1/kpis/response-time?week=2026-W54", sellerToken), "week");
    assertInvalid(app.api.get("/api/v1/kpis/response-time", sellerToken), "week");
    assertInvalid(
        app.api.get("/api/v1/kpis/response-time?week=2026-W10&from=2026-03-02", sellerToken),
        "week");
    assertInvalid(
        app.api.get("/api/v1/kpis/response-time?from=2026-03-09&to=2026-03-02", sellerToken), "to");
    assertInvalid(
        app.api.get("/api/v1/kpis/response-time?from=2026-13-01&to=2026-03-02", sellerToken),
        "from");
    assertInvalid(
        app.api.get("/api/v1/kpis/response-time?week=2026-W10&sellerId=x", TestApp.ADMIN),
        "sellerId");
    assertProblem(
        app.api.get("/api/v1/kpis/response-time?week=2026-W10&sellerId=999", sellerToken),
        404,
        "not-found");
    assertProblem(
        app.api.get("/api/v1/kpis/response-time?week=2026-W10&sellerId=999", TestApp.ADMIN),
        404,
        "not-found");
    assertProblem(
        app.api.get("/api/v1/kpis/response-time?week=2026-W10", buyerToken), 403, "forbidden");
  }

  private static List<String> numbers(JsonNode page) {
    List<String> result = new ArrayList<>();
    page.get("items").forEach(t -> result.add(t.get("ticketNumber").asText()));
    return result;
  }
}
