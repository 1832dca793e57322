package io.ticketdesk.adapters.http;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A return request whose option-carrying answer misses its deadline: the scheduler records the
 * policy's consequence once, as the API shows it (issue 13, item 5).
 */
class ReturnOptionDeadlineOverHttpTest {
  /** Opened Monday 2026-03-02 09:00 UTC (TestApp.START): due Wednesday 09:00 UTC. */
  static final Instant DUE = Instant.parse("2026-03-04T09:00:00Z");

  TestApp app;
  ApiClient api;
  long sellerId;
  String seller;
  String buyer;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    api = app.api;
    sellerId = app.registerSeller("Fahrrad Franz GmbH", "de");
    seller = app.token("seller", sellerId, null);
    buyer = app.token("buyer", null, 501L);
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  String ticket(long unit, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderUnitId", unit);
    body.put("title", "Bike rack");
    body.put("ean", "4006381333931");
    body.put("price", Map.of("amount", 5999, "currency", "EUR"));
    body.put("state", "received");
    body.put("deliveredAt", app.clock.instant().minus(Duration.ofDays(3)).toString());
    app.feedOrderUnits("LX" + unit, sellerId, 501, "de", List.of(body));
    var r =
        api.post(
            "/api/v1/tickets",
            buyer,
            Map.of("orderUnitIds", List.of(unit), "reason", reason, "message", "Hello."));
    assertEquals(201, r.status(), r.body());
    return "/api/v1/tickets/" + r.json().get("ticketNumber").asText();
  }

  List<String> eventTypes(String path) {
    String number = path.substring(path.lastIndexOf('/') + 1);
    List<String> types = new ArrayList<>();
    var r = api.get("/api/v1/events?limit=100", seller);
    assertEquals(200, r.status(), r.body());
    for (JsonNode e : r.json().get("items")) {
      if (number.equals(e.path("data").path("ticketNumber").asText())) {
        types.add(e.get("type").asText());
      }
    }
    return types;
  }

  void at(Instant t) {
    app.clock.advance(Duration.between(app.clock.instant(), t));
  }

  int enforce() {
    return app.core.enforceReturnOptionDeadlines().enforceDue();
  }

  @Test
  void anUnansweredReturnRequestIsSanctionedOnceAfterItsDeadline() {
    String path = ticket(82001, "product_return");
    at(DUE);
    assertEquals(0, enforce());
    assertFalse(api.get(path, seller).json().get("returnPolicy").get("breach").asBoolean());

    at(DUE.plusSeconds(45));
    assertEquals(1, enforce());
    assertEquals(0, enforce());

    JsonNode policy = api.get(path, seller).json().get("returnPolicy");
    assertTrue(policy.get("breach").asBoolean(), policy.toString());
    assertFalse(policy.get("satisfied").asBoolean());
    assertEquals(DUE.plusSeconds(45).toString(), policy.get("breachedAt").asText());
    assertEquals(
        DUE.plusSeconds(45).plus(Duration.ofDays(28)).toString(),
        policy.get("recoveryDeadline").asText());
    JsonNode chat = api.get(path + "/messages", buyer).json().get("items");
    JsonNode why = chat.get(chat.size() - 2);
    assertEquals(
        "return_policy_deadline_missed", why.get("event").get("kind").asText(), chat.toString());
    assertTrue(
        why.get("text").asText().startsWith("Verstoß gegen die Rückgaberichtlinie: Bis zur Frist"));
    assertEquals(
        "order_cancelled_for_breach", chat.get(chat.size() - 1).get("event").get("kind").asText());
    assertEquals(1, eventTypes(path).stream().filter("return_policy.breached"::equals).count());

    // A later answer goes through as a plain message: no guard, no second consequence.
    var late = api.post(path + "/messages", seller, Map.of("text", "Sorry for the delay."));
    assertEquals(201, late.status(), late.body());
    assertTrue(late.json().path("warnings").isEmpty(), late.body());
    at(DUE.plus(Duration.ofDays(3)));
    assertEquals(0, enforce());
    assertEquals(1, eventTypes(path).stream().filter("return_policy.breached"::equals).count());
  }

  @Test
  void aMarkedTicketsMissedAnswerIsSanctionedAndTheSellerCannotCloseItUnanswered() {
    String path = ticket(82002, "product_defect");
    var a = api.post(path + "/messages", seller, Map.of("text", "Can you send a photo?"));
    assertEquals(201, a.status(), a.body());
    var marked = api.patch(path, seller, Map.of("reason", "product_return"));
    assertEquals(200, marked.status(), marked.body());
    Instant due = Instant.parse(marked.json().get("responseDueAt").asText());

    var close = api.post(path + "/close", seller, Map.of());
    assertEquals(409, close.status(), close.body());

    at(due.plusSeconds(1));
    assertEquals(1, enforce());
    assertTrue(api.get(path, seller).json().get("returnPolicy").get("breach").asBoolean());
    var later = api.post(path + "/messages", seller, Map.of("text", "Any news?"));
    assertEquals(201, later.status(), later.body());
  }

  @Test
  void aTicketCustomerServiceLeadsIsNotSanctioned() {
    String path = ticket(82003, "product_return");
    var escalated =
        api.post(path + "/escalations", seller, Map.of("reason", "cannot_help_further"));
    assertTrue(escalated.status() < 300, escalated.body());
    at(DUE.plus(Duration.ofDays(1)));
    assertEquals(0, enforce());
    assertFalse(api.get(path, seller).json().get("returnPolicy").get("breach").asBoolean());
  }
}
