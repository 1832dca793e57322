package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertInvalid;
import static io.ticketdesk.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Closing cannot sidestep the first response (issue 13, item 1) and silence counts as late in the
 * response-time KPI (item 2), over HTTP.
 */
class FirstResponseObligationOverHttpTest {
  private TestApp app;
  private String seller;
  private String buyer;
  private String cs;

  @BeforeEach
  void setUp() {
    app = new TestApp(); // Monday 2026-03-02 09:00 UTC, no holidays
    long s = app.registerSeller("Rack GmbH", "de");
    seller = app.token("seller", s, null);
    buyer = app.token("buyer", null, 77L);
    cs = app.token("customer_service", null, null);
    app.feedOrder("FR1", s, 77, "de", 1001, 1002, 1003);
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private String open(long unit) {
    return app.openTicket(buyer, unit, "product_defect", null, "It does not fit.")
        .get("ticketNumber")
        .asText();
  }

  private String path(String number) {
    return "/api/v1/tickets/" + number;
  }

  @Test
  void aSellerClosingAnUnansweredTicketIsToldToAnswerFirstAndNothingChanges() {
    String t = open(1001);
    JsonNode before = app.api.get(path(t), seller).json();

    var refused = app.api.post(path(t) + "/close", seller, null);

    assertProblem(refused, 409, "conflict");
    assertTrue(refused.json().get("detail").asText().contains("answer the buyer first"));
    assertEquals(before, app.api.get(path(t), seller).json());
    assertEquals(1, app.api.get(path(t) + "/messages", seller).json().get("items").size());
  }

  @Test
  void customerServiceClosesAnUnansweredTicketOnlyWithAReasonWhichIsRecorded() {
    String t = open(1001);
    assertInvalid(app.api.post(path(t) + "/close", cs, null), "reason");
    assertInvalid(app.api.post(path(t) + "/close", cs, Map.of("reason", " ")), "reason");
    assertInvalid(
        app.api.post(path(t) + "/close", cs, Map.of("reason", "x", "finally", true)), "finally");
    assertEquals("open", app.api.get(path(t), cs).json().get("status").asText());

    var closed = app.api.post(path(t) + "/close", cs, Map.of("reason", "the buyer withdrew"));

    assertEquals(200, closed.status(), closed.body());
    assertEquals("closed", closed.json().get("status").asText());
    JsonNode items = app.api.get(path(t) + "/messages", cs).json().get("items");
    assertTrue(
        items.get(items.size() - 1).get("text").asText().endsWith("Reason: the buyer withdrew"),
        items.toString());
  }

  @Test
  void aSellerClosesAnAnsweredTicketWithOrWithoutAReason() {
    String a = open(1001);
    String b = open(1002);
    for (String t : new String[] {a, b}) {
      assertEquals(
          201,
          app.api.post(path(t) + "/messages", seller, Map.of("text", "Label attached.")).status());
    }
    assertEquals(200, app.api.post(path(a) + "/close", seller, null).status());
    var withReason = app.api.post(path(b) + "/close", seller, Map.of("reason", "returned"));
    assertEquals(200, withReason.status(), withReason.body());
  }

  @Test
  void unansweredTicketsPastTheirFirstDeadlineCountAsLateInTheKpi() {
    open(1001);
    open(1002);
    String answered = open(1003);
    app.clock.advance(Duration.ofHours(1));
    assertEquals(
        201, app.api.post(path(answered) + "/messages", seller, Map.of("text", "On it.")).status());
    app.clock.advance(Duration.ofDays(14)); // the two others stayed silent past their deadline

    JsonNode overall =
        app.api.get("/api/v1/kpis/response-time?week=2026-W10", seller).json().get("overall");

    assertEquals(3, overall.get("firstResponses").asLong());
    assertEquals(1, overall.get("onTimeFirstResponses").asLong());
    assertEquals(2, overall.get("unansweredLate").asLong());
    assertEquals(0.3333, overall.get("onTimeRate").asDouble());
    assertEquals(1.0, overall.get("medianWorkingHours").asDouble());
    assertEquals(2, overall.get("openOverdue").asLong());
  }

  @Test
  void aTicketWhoseFirstDeadlineHasNotPassedIsNotCountedYet() {
    open(1001);
    JsonNode overall =
        app.api.get("/api/v1/kpis/response-time?week=2026-W10", seller).json().get("overall");
    assertEquals(0, overall.get("firstResponses").asLong());
    assertTrue(overall.get("onTimeRate").isNull());
  }
}
