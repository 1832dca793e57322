package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertInvalid;
import static io.ticketdesk.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The foundation user story, end to end over HTTP. */
class TicketWorkflowOverHttpTest {
  TestApp app;
  ApiClient api;
  long sellerA;
  long sellerB;
  String sellerAToken;
  String sellerBToken;
  String buyerToken;
  String otherBuyerToken;
  String csToken;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    api = app.api;
    sellerA = app.registerSeller("Fahrrad Franz GmbH", "de", "at");
    sellerB = app.registerSeller("Other Seller AG", "de");
    sellerAToken = app.token("seller", sellerA, null);
    sellerBToken = app.token("seller", sellerB, null);
    buyerToken = app.token("buyer", null, 501L);
    otherBuyerToken = app.token("buyer", null, 502L);
    csToken = app.token("customer_service", null, null);
    app.feedOrder("MQ8BRT7", sellerA, 501, "de", 1001, 1002);
    app.feedOrder("AT12345", sellerA, 502, "at", 2001);
    app.feedOrder("BB00001", sellerB, 501, "de", 3001);
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private String path(JsonNode ticket) {
    return "/api/v1/tickets/" + ticket.get("ticketNumber").asText();
  }

  private String status(String token, JsonNode ticket) {
    JsonNode t = api.get(path(ticket), token).json();
    return t.get("status").asText() + "/" + t.get("waitingOn").asText("-");
  }

  @Test
  void buyerOpensTicketAndTheChatMovesThroughEveryStatus() {
    var opened =
        api.post(
            "/api/v1/tickets",
            buyerToken,
            Map.of(
                "orderUnitIds", List.of(1001),
                "orderNumber", "MQ8BRT7",
                "reason", "product_return",
                "topic", "return_request_label",
                "returnIntent", "refund",
                "message", "The rack does not fit my car."));
    assertEquals(201, opened.status(), opened.body());
    JsonNode ticket = opened.json();
    String number = ticket.get("ticketNumber").asText();
    assertTrue(number.matches("^001\\d{8}$"), number);
    assertEquals("/api/v1/tickets/" + number, opened.header("Location").orElseThrow());
    assertEquals("\"1\"", opened.header("ETag").orElseThrow());
    assertEquals("open", ticket.get("status").asText());
    assertTrue(ticket.get("waitingOn").isNull());
    assertEquals("de", ticket.get("storefront").asText());
    assertEquals(1001, ticket.get("orderUnitIds").get(0).asLong());
    assertEquals("2026-03-02T09:00:00Z", ticket.get("createdAt").asText());
    assertEquals("2026-03-04T09:00:00Z", ticket.get("responseDueAt").asText());
    assertFalse(ticket.get("overdue").asBoolean());

    var read = api.get(path(ticket), sellerAToken);
    assertEquals(200, read.status());
    assertEquals("\"1\"", read.header("ETag").orElseThrow());

    app.clock.advance(Duration.ofHours(1));
    var reply =
        api.post(
            path(ticket) + "/messages",
            sellerAToken,
            // The unit is not delivered yet: a withdrawal before delivery owes an option too.
            Map.of(
                "text",
                "Here is a label.",
                "returnOptions",
                List.of(Map.of("type", "label_in_package"))));
    assertEquals(201, reply.status(), reply.body());
    assertEquals("seller", reply.json().get("authorRole").asText());
    assertEquals("\"2\"", reply.header("ETag").orElseThrow());
    assertEquals("waiting/buyer", status(sellerAToken, ticket));
    assertEquals(
        "2026-03-02T10:00:00Z",
        api.get(path(ticket), buyerToken).json().get("firstResponseAt").asText());

    app.clock.advance(Duration.ofHours(1));
    assertEquals(
        201,
        api.post(path(ticket) + "/messages", buyerToken, Map.of("text", "Thanks, but…")).status());
    assertEquals("open/-", status(buyerToken, ticket));

    var note =
        api.post(
            path(ticket) + "/messages",
            sellerAToken,
            Map.of("text", "Customer seems confused", "internal", true));
    assertEquals(201, note.status(), note.body());
    assertTrue(note.json().get("internal").asBoolean());
    assertEquals("open/-", status(sellerAToken, ticket));

    JsonNode buyerChat = api.get(path(ticket) + "/messages", buyerToken).json().get("items");
    JsonNode sellerChat = api.get(path(ticket) + "/messages", sellerAToken).json().get("items");
    assertEquals(3, buyerChat.size());
    assertEquals(4, sellerChat.size());
    buyerChat.forEach(m -> assertFalse(m.get("internal").asBoolean()));
    assertEquals("buyer", sellerChat.get(0).get("authorRole").asText());
    assertEquals("The rack does not fit my car.", sellerChat.get(0).get("text").asText());

    var closed = api.post(path(ticket) + "/close", sellerAToken, null);
    assertEquals(200, closed.status(), closed.body());
    assertEquals("closed", closed.json().get("status").asText());
    assertEquals(
        closed.json().get("version").asText(),
        closed.header("ETag").orElseThrow().replace("\"", ""));
    assertProblem(api.post(path(ticket) + "/close", sellerAToken, null), 409, "ticket-closed");

    var reopen =
        api.post(path(ticket) + "/messages", buyerToken, Map.of("text", "It broke again."));
    assertEquals(201, reopen.status(), reopen.body());
    assertEquals("open/-", status(buyerToken, ticket));
  }

  @Test
  void sellerListsSearchesFiltersSortsAndPages() {
    JsonNode t1 =
        app.openTicket(buyerToken, 1001, "product_defect", "order_product_defect", "broken");
    app.clock.advance(Duration.ofHours(1));
    JsonNode t2 = app.openTicket(otherBuyerToken, 2001, "product_return", null, "return please");
    app.clock.advance(Duration.ofHours(1));
    JsonNode t3 = app.openTicket(buyerToken, 1002, "contact_other", "invoice_needed", "invoice?");
    app.clock.advance(Duration.ofHours(1));
    api.post(path(t1) + "/messages", sellerAToken, Map.of("text", "We will replace it."));

    assertEquals(
        List.of(t3, t2).stream().map(this::number).toList(), numbers("?status=open", sellerAToken));
    assertEquals(List.of(number(t1)), numbers("?status=waiting&waitingOn=buyer", sellerAToken));
    assertEquals(List.of(number(t2)), numbers("?q=" + number(t2), sellerAToken));
    assertEquals(List.of(number(t3), number(t1)), numbers("?q=MQ8BRT7", sellerAToken));
    assertEquals(List.of(number(t3), number(t1)), numbers("?q=mq8brt7", sellerAToken));
    assertEquals(List.of(number(t2)), numbers("?reason=product_return", sellerAToken));
    assertEquals(List.of(number(t3)), numbers("?topic=invoice_needed", sellerAToken));
    assertEquals(List.of(number(t2)), numbers("?topic=none", sellerAToken));
    assertEquals(List.of(number(t2)), numbers("?topic=none&status=open", sellerAToken));
    assertEquals(List.of(), numbers("?topic=none&reason=contact_other", sellerAToken));
    assertEquals(List.of(number(t2)), numbers("?storefront=at", sellerAToken));
    assertEquals(
        List.of(number(t2)),
        numbers(
            "?createdFrom=2026-03-02T09:30:00Z&createdTo=2026-03-02T10:30:00%2B00:00",
            sellerAToken));
    assertEquals(List.of(number(t3), number(t2), number(t1)), numbers("", sellerAToken));
    assertEquals(
        List.of(number(t1), number(t3), number(t2)), numbers("?sort=-updated", sellerAToken));
    assertEquals(List.of(number(t2), number(t3)), numbers("?sort=due", sellerAToken));
    assertEquals(List.of(), numbers("?overdue=true", sellerAToken));
    app.clock.advance(Duration.ofDays(3));
    assertEquals(List.of(number(t3), number(t2)), numbers("?overdue=true", sellerAToken));
    assertTrue(api.get(path(t2), sellerAToken).json().get("overdue").asBoolean());

    // paging with a cursor
    var page1 = api.get("/api/v1/tickets?limit=2", sellerAToken).json();
    assertEquals(2, page1.get("items").size());
    String cursor = page1.get("nextCursor").asText();
    var page2 = api.get("/api/v1/tickets?limit=2&cursor=" + cursor, sellerAToken).json();
    assertEquals(1, page2.get("items").size());
    assertTrue(page2.get("nextCursor").isNull());
    assertEquals(number(t1), page2.get("items").get(0).get("ticketNumber").asText());
    assertEquals(3, numbers("?limit=100", sellerAToken).size());
    assertInvalid(api.get("/api/v1/tickets?limit=101", sellerAToken), "limit");
    assertInvalid(api.get("/api/v1/tickets?limit=0", sellerAToken), "limit");
  }

  @Test
  void anotherSellerGetsNotFoundAndNeverSeesTheTicket() {
    JsonNode t = app.openTicket(buyerToken, 1001, "product_defect", null, "broken");
    String p = path(t);
    assertProblem(api.get(p, sellerBToken), 404, "not-found");
    assertProblem(api.get(p + "/messages", sellerBToken), 404, "not-found");
    assertProblem(api.post(p + "/messages", sellerBToken, Map.of("text", "hi")), 404, "not-found");
    assertProblem(api.post(p + "/close", sellerBToken, null), 404, "not-found");
    assertEquals(List.of(), numbers("", sellerBToken));
    assertEquals(List.of(), numbers("?q=" + number(t), sellerBToken));
    assertEquals(List.of(), numbers("?q=MQ8BRT7", sellerBToken));
    JsonNode after = api.get(p, sellerAToken).json();
    assertEquals(1, after.get("version").asInt());
    assertEquals(1, api.get(p + "/messages", sellerAToken).json().get("items").size());
  }

  @Test
  void buyerSeesOnlyOwnTickets() {
    JsonNode mine = app.openTicket(buyerToken, 1001, "product_defect", null, "broken");
    JsonNode theirs = app.openTicket(otherBuyerToken, 2001, "product_defect", null, "broken too");
    assertEquals(List.of(number(mine)), numbers("", buyerToken));
    assertEquals(List.of(number(theirs)), numbers("", otherBuyerToken));
    assertProblem(api.get(path(theirs), buyerToken), 404, "not-found");
    assertProblem(
        api.post(
            "/api/v1/tickets",
            buyerToken,
            Map.of("orderUnitIds", List.of(2001), "reason", "product_defect", "message", "x")),
        404,
        "not-found");
    assertEquals(List.of(number(theirs), number(mine)), numbers("", csToken));
    assertEquals(List.of(number(theirs), number(mine)), numbers("", TestApp.ADMIN));
  }

  @Test
  void staleIfMatchIsRefusedAndNothingChanges() {
    JsonNode t = app.openTicket(buyerToken, 1001, "product_defect", null, "broken");
    String p = path(t);
    var ok =
        api.post(
            p + "/messages", sellerAToken, Map.of("text", "first"), Map.of("If-Match", "\"1\""));
    assertEquals(201, ok.status(), ok.body());
    assertEquals("\"2\"", ok.header("ETag").orElseThrow());
    var stale =
        api.post(
            p + "/messages", sellerAToken, Map.of("text", "second"), Map.of("If-Match", "\"1\""));
    assertProblem(stale, 412, "precondition-failed");
    assertEquals(2, stale.json().get("currentVersion").asInt());
    assertProblem(
        api.post(p + "/close", sellerAToken, null, Map.of("If-Match", "1")),
        412,
        "precondition-failed");
    assertEquals(2, api.get(p, sellerAToken).json().get("version").asInt());
    assertEquals(2, api.get(p + "/messages", sellerAToken).json().get("items").size());
    var unquoted = api.post(p + "/close", sellerAToken, null, Map.of("If-Match", "2"));
    assertEquals(200, unquoted.status(), unquoted.body());
    var any =
        api.post(p + "/messages", buyerToken, Map.of("text", "again"), Map.of("If-Match", "*"));
    assertEquals(201, any.status(), any.body());
    assertInvalid(
        api.post(p + "/messages", buyerToken, Map.of("text", "x"), Map.of("If-Match", "\"abc\"")),
        "If-Match");
  }

  @Test
  void customerServiceClosesFinallyAndBuyerCannotReopen() {
    JsonNode t = app.openTicket(buyerToken, 1001, "product_defect", null, "broken");
    var closed = api.post(path(t) + "/close", csToken, Map.of("reason", "the buyer withdrew"));
    assertEquals(200, closed.status(), closed.body());
    assertTrue(closed.json().get("closedFinally").asBoolean());
    assertProblem(
        api.post(path(t) + "/messages", buyerToken, Map.of("text", "hello?")),
        409,
        "ticket-closed");
    assertProblem(api.post(path(t) + "/close", buyerToken, null), 403, "forbidden");
  }

  @Test
  void sellerOpensATicketThatWaitsForTheBuyer() {
    JsonNode t =
        app.openTicket(sellerAToken, 1002, "contact_other", "delivery_delayed", "Delayed, sorry");
    assertEquals("waiting", t.get("status").asText());
    assertEquals("buyer", t.get("waitingOn").asText());
    assertTrue(t.get("responseDueAt").isNull());
  }

  @Test
  void marketplaceIssuesTokensAndUpdatesOrderUnits() {
    var token =
        api.post(
            "/api/v1/tokens",
            TestApp.ADMIN,
            Map.of("role", "seller", "sellerId", sellerA, "label", "ERP"));
    assertEquals(201, token.status(), token.body());
    assertEquals("ERP", token.json().get("label").asText());
    assertEquals(sellerA, token.json().get("sellerId").asLong());
    assertTrue(token.json().get("buyerId").isNull());
    assertEquals(200, api.get("/api/v1/tickets", token.json().get("token").asText()).status());

    var delivered =
        api.patch(
            "/api/v1/orders/MQ8BRT7/units/1001",
            TestApp.ADMIN,
            Map.of("state", "received", "deliveredAt", "2026-02-25T12:00:00+01:00"));
    assertEquals(200, delivered.status(), delivered.body());
    JsonNode unit = delivered.json().get("units").get(0);
    assertEquals("received", unit.get("state").asText());
    assertEquals("2026-02-25T11:00:00Z", unit.get("deliveredAt").asText());
    var cleared =
        api.patch("/api/v1/orders/MQ8BRT7/units/1001", TestApp.ADMIN, "{\"deliveredAt\":null}");
    assertEquals(200, cleared.status(), cleared.body());
    assertTrue(cleared.json().get("units").get(0).get("deliveredAt").isNull());
    assertEquals("received", cleared.json().get("units").get(0).get("state").asText());
    assertProblem(
        api.patch("/api/v1/orders/NOPE1/units/1001", TestApp.ADMIN, Map.of("state", "sent")),
        404,
        "not-found");
    assertProblem(
        api.patch("/api/v1/orders/MQ8BRT7/units/1001", sellerAToken, Map.of("state", "sent")),
        403,
        "forbidden");
    assertProblem(api.post("/api/v1/orders", TestApp.ADMIN, duplicateOrder()), 409, "conflict");
  }

  private Map<String, Object> duplicateOrder() {
    return Map.of(
        "orderNumber",
        "MQ8BRT7",
        "storefront",
        "de",
        "sellerId",
        sellerA,
        "orderedAt",
        "2026-02-20T10:00:00Z",
        "buyer",
        Map.of("buyerId", 501, "name", "Erika", "email", "e@example.org"),
        "units",
        List.of(
            Map.of(
                "orderUnitId", 9001,
                "title", "x",
                "ean", "12345678",
                "price", Map.of("amount", 100, "currency", "EUR"),
                "state", "open")));
  }

  private String number(JsonNode ticket) {
    return ticket.get("ticketNumber").asText();
  }

  private List<String> numbers(String query, String token) {
    var r = api.get("/api/v1/tickets" + query, token);
    assertEquals(200, r.status(), r.body());
    assertNotNull(r.json().get("items"));
    List<String> out = new ArrayList<>();
    r.json().get("items").forEach(t -> out.add(t.get("ticketNumber").asText()));
    return out;
  }
}
