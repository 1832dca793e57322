package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertInvalid;
import static io.ticketdesk.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input is a 4xx problem, never a 500 or a stack trace, and changes nothing. */
class BadInputOverHttpTest {
  TestApp app;
  ApiClient api;
  String seller;
  String buyer;
  String ticketPath;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    api = app.api;
    long sellerId = app.registerSeller("Fahrrad Franz GmbH", "de");
    seller = app.token("seller", sellerId, null);
    buyer = app.token("buyer", null, 501L);
    app.feedOrder("MQ8BRT7", sellerId, 501, "de", 1001, 1002);
    JsonNode t = app.openTicket(buyer, 1001, "product_defect", null, "broken");
    ticketPath = "/api/v1/tickets/" + t.get("ticketNumber").asText();
  }

  @AfterEach
  void tearDown() {
    assertNothingChanged();
    app.close();
  }

  /** The ticket opened in setUp is the only one, untouched, with its first message only. */
  private void assertNothingChanged() {
    var list = api.get("/api/v1/tickets", TestApp.ADMIN).json().get("items");
    assertEquals(1, list.size(), list.toString());
    assertEquals(1, list.get(0).get("version").asInt());
    assertEquals("open", list.get(0).get("status").asText());
    assertEquals(1, api.get(ticketPath + "/messages", seller).json().get("items").size());
  }

  @Test
  void missingOrUnknownTokenIsUnauthenticated() {
    var none = assertProblem(api.get("/api/v1/tickets", null), 401, "unauthenticated");
    assertEquals("Bearer", none.header("WWW-Authenticate").orElseThrow());
    var unknown = assertProblem(api.get(ticketPath, "tdk_nope"), 401, "unauthenticated");
    assertEquals("Bearer", unknown.header("WWW-Authenticate").orElseThrow());
    assertProblem(
        api.send("GET", "/api/v1/tickets", null, null, Map.of("Authorization", "Basic eDp5")),
        401,
        "unauthenticated");
    assertProblem(
        api.post(ticketPath + "/messages", null, Map.of("text", "x")), 401, "unauthenticated");
  }

  @Test
  void wrongRoleIsForbidden() {
    assertProblem(
        api.post("/api/v1/tokens", seller, Map.of("role", "marketplace")), 403, "forbidden");
    assertProblem(api.post(ticketPath + "/close", buyer, null), 403, "forbidden");
  }

  @Test
  void malformedJsonIsRefused() {
    assertInvalid(api.post(ticketPath + "/messages", seller, "{\"text\": "), "body");
    assertInvalid(api.post(ticketPath + "/messages", seller, "[1,2]"), "body");
    assertInvalid(api.post(ticketPath + "/messages", seller, "null"), "body");
    assertInvalid(api.post(ticketPath + "/messages", seller, "{\"text\":\"a\"} {}"), "body");
    assertInvalid(
        api.send(
            "POST",
            ticketPath + "/messages",
            seller,
            "",
            Map.of("Content-Type", "application/json")),
        "body");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"text\": 5}|text",
        "{\"text\": \"hi\", \"internal\": \"yes\"}|internal",
        "{\"text\": \"hi\", \"internal\": 1}|internal",
        "{\"text\": [\"hi\"]}|text",
        "{\"text\": \"hi\", \"colour\": \"red\"}|colour",
        "{}|text",
        "{\"text\": \"   \"}|text",
        "{\"text\": null}|text"
      })
  void badMessageBodiesNameTheField(String body, String field) {
    assertInvalid(api.post(ticketPath + "/messages", seller, body), field);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"orderUnitIds\": \"1002\", \"reason\": \"product_defect\", \"message\": \"m\"}|orderUnitIds",
        "{\"orderUnitIds\": [\"1002\"], \"reason\": \"product_defect\", \"message\": \"m\"}|orderUnitIds[0]",
        "{\"orderUnitIds\": [1.5], \"reason\": \"product_defect\", \"message\": \"m\"}|orderUnitIds[0]",
        "{\"orderUnitIds\": [null], \"reason\": \"product_defect\", \"message\": \"m\"}|orderUnitIds[0]",
        "{\"orderUnitIds\": [], \"reason\": \"product_defect\", \"message\": \"m\"}|orderUnitIds",
        "{\"orderUnitIds\": [-3], \"reason\": \"product_defect\", \"message\": \"m\"}|orderUnitIds[0]",
        "{\"reason\": \"product_defect\", \"message\": \"m\"}|orderUnitIds",
        "{\"orderUnitIds\": [1002], \"message\": \"m\"}|reason",
        "{\"orderUnitIds\": [1002], \"reason\": \"product_defect\"}|message",
        "{\"orderUnitIds\": [1002], \"reason\": \"bogus\", \"message\": \"m\"}|reason",
        "{\"orderUnitIds\": [1002], \"reason\": \"product_defect\", \"topic\": \"weather\", \"message\": \"m\"}|topic",
        "{\"orderUnitIds\": [1002], \"reason\": \"product_return\", \"returnIntent\": \"keep\", \"message\": \"m\"}|returnIntent",
        "{\"orderUnitIds\": [1002], \"orderNumber\": \"mq-8\", \"reason\": \"product_defect\", \"message\": \"m\"}|orderNumber",
        "{\"orderUnitIds\": [1002], \"orderNumber\": \"OTHER1\", \"reason\": \"product_defect\", \"message\": \"m\"}|orderNumber",
        "{\"orderUnitIds\": [1002], \"reason\": \"product_defect\", \"message\": \"m\", \"priority\": 1}|priority"
      })
  void badTicketOpeningsNameTheField(String body, String field) {
    assertInvalid(api.post("/api/v1/tickets", buyer, body), field);
  }

  @Test
  void unknownEnumValuesListTheValidValues() {
    var r =
        assertInvalid(
            api.post(
                "/api/v1/tickets",
                buyer,
                Map.of("orderUnitIds", List.of(1002), "reason", "bogus", "message", "m")),
            "reason");
    List<String> valid = ApiClient.MAPPER.convertValue(r.json().get("validValues"), List.class);
    assertEquals(
        List.of(
            "product_not_as_described",
            "product_defect",
            "product_not_delivered",
            "product_return",
            "contact_other"),
        valid);
    var status = assertInvalid(api.get("/api/v1/tickets?status=pending", seller), "status");
    assertTrue(status.json().get("validValues").toString().contains("waiting"));
  }

  @Test
  void oversizedBodiesAreTooLarge() {
    String big = "{\"text\": \"" + "x".repeat(Requests.MAX_BODY_BYTES) + "\"}";
    var r =
        assertProblem(api.post(ticketPath + "/messages", seller, big), 413, "payload-too-large");
    assertEquals(Requests.MAX_BODY_BYTES, r.json().get("maxBytes").asInt());
  }

  @Test
  void anUnescapedLineBreakInAJsonStringSaysHowToFixIt() {
    var r =
        assertInvalid(api.post(ticketPath + "/messages", seller, "{\"text\": \"a\nb\"}"), "text");
    org.junit.jupiter.api.Assertions.assertTrue(
        r.json().get("detail").asText().contains("escape control characters"), r.body());
  }

  @Test
  void overlongMessageTextIsInvalid() {
    String text = "x".repeat(65_536);
    assertInvalid(api.post(ticketPath + "/messages", seller, Map.of("text", text)), "text");
  }

  @Test
  void wrongContentTypeIsUnsupported() {
    assertProblem(
        api.send(
            "POST",
            ticketPath + "/messages",
            seller,
            "text=hi",
            Map.of("Content-Type", "application/x-www-form-urlencoded")),
        415,
        "unsupported-media-type");
    assertProblem(
        api.send(
            "POST",
            ticketPath + "/messages",
            seller,
            "{\"text\":\"hi\"}",
            Map.of("Content-Type", "text/plain")),
        415,
        "unsupported-media-type");
    assertProblem(
        api.send(
            "PATCH",
            "/api/v1/orders/MQ8BRT7/units/1001",
            TestApp.ADMIN,
            "{\"state\":\"sent\"}",
            Map.of("Content-Type", "text/plain")),
        415,
        "unsupported-media-type");
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/tickets/123",
    "/api/v1/tickets/00200000001",
    "/api/v1/tickets/001000000011",
    "/api/v1/tickets/abc"
  })
  void badTicketNumbersInPathsAreInvalid(String path) {
    assertInvalid(api.get(path, seller), "ticketNumber");
    assertInvalid(api.get(path + "/messages", seller), "ticketNumber");
    assertInvalid(api.post(path + "/messages", seller, Map.of("text", "x")), "ticketNumber");
    assertInvalid(api.post(path + "/close", seller, null), "ticketNumber");
  }

  @ParameterizedTest
  @CsvSource({
    "limit=abc, limit",
    "limit=101, limit",
    "limit=-1, limit",
    "limit=99999999999, limit",
    "cursor=not-a-cursor, cursor",
    "cursor=dDF8ZHVlfDF8MDAxMDAwMDAwMDE, cursor",
    "createdFrom=yesterday, createdFrom",
    "createdTo=2026-13-01T00:00:00Z, createdTo",
    "createdFrom=2026-03-02, createdFrom",
    "overdue=maybe, overdue",
    "overdue=1, overdue",
    "sort=created, sort",
    "storefront=xx, storefront",
    "waitingOn=seller, waitingOn",
    "topic=weather, topic",
    "q=not a number!, q",
    "stauts=open, stauts",
    "status=, status"
  })
  void badQueryParametersNameTheParameter(String query, String param) {
    assertInvalid(api.get("/api/v1/tickets?" + query.replace(" ", "%20"), seller), param);
  }

  @Test
  void repeatedAndConflictingQueryParametersAreInvalid() {
    assertInvalid(api.get("/api/v1/tickets?status=open&status=closed", seller), "status");
    assertInvalid(
        api.get(
            "/api/v1/tickets?createdFrom=2026-03-03T00:00:00Z&createdTo=2026-03-01T00:00:00Z",
            seller),
        "createdFrom");
    assertInvalid(api.get("/api/v1/tickets?sort=due&status=closed", seller), "sort");
    assertInvalid(api.get(ticketPath + "/messages?limit=0", seller), "limit");
    assertInvalid(api.get(ticketPath + "/messages?cursor=%25%25", seller), "cursor");
    assertInvalid(api.get(ticketPath + "/messages?page=2", seller), "page");
  }

  @Test
  void unknownRoutesAndMethodsAreProblems() {
    assertProblem(api.get("/api/v1/nothing-here", seller), 404, "not-found");
    assertProblem(api.get("/nothing", null), 404, "not-found");
    assertProblem(
        api.send("DELETE", ticketPath, seller, null, Map.of()), 405, "method-not-allowed");
    assertProblem(
        api.send("PUT", "/api/v1/tickets", seller, "{}", Map.of()), 405, "method-not-allowed");
    assertProblem(api.get("/api/v1/sellers", TestApp.ADMIN), 405, "method-not-allowed");
  }

  @Test
  void buyersCannotWriteInternalNotes() {
    assertInvalid(
        api.post(ticketPath + "/messages", buyer, Map.of("text", "psst", "internal", true)),
        "internal");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"role\": \"seller\"}|sellerId",
        "{\"role\": \"seller\", \"sellerId\": 999}|sellerId",
        "{\"role\": \"seller\", \"sellerId\": 1, \"buyerId\": 5}|buyerId",
        "{\"role\": \"buyer\"}|buyerId",
        "{\"role\": \"buyer\", \"buyerId\": 0}|buyerId",
        "{\"role\": \"marketplace\", \"sellerId\": 1}|sellerId",
        "{\"role\": \"customer_service\", \"buyerId\": 1}|buyerId",
        "{\"role\": \"admin\"}|role",
        "{}|role",
        "{\"role\": \"buyer\", \"buyerId\": \"7\"}|buyerId",
        "{\"role\": \"buyer\", \"buyerId\": 7, \"label\": \"\"}|label"
      })
  void badTokenRequestsNameTheField(String body, String field) {
    assertInvalid(api.post("/api/v1/tokens", TestApp.ADMIN, body), field);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"storefronts\": [\"de\"], \"returnAddress\": {\"name\":\"n\",\"street\":\"s\",\"postalCode\":\"1\",\"city\":\"c\",\"country\":\"DE\"}}|name",
        "{\"name\": \"S\", \"storefronts\": [\"xx\"], \"returnAddress\": {\"name\":\"n\",\"street\":\"s\",\"postalCode\":\"1\",\"city\":\"c\",\"country\":\"DE\"}}|storefronts",
        "{\"name\": \"S\", \"storefronts\": [], \"returnAddress\": {\"name\":\"n\",\"street\":\"s\",\"postalCode\":\"1\",\"city\":\"c\",\"country\":\"DE\"}}|storefronts",
        "{\"name\": \"S\", \"storefronts\": [\"de\"]}|returnAddress",
        "{\"name\": \"S\", \"storefronts\": [\"de\"], \"returnAddress\": {\"name\":\"n\",\"street\":\"s\",\"postalCode\":\"1\",\"city\":\"c\"}}|returnAddress.country",
        "{\"name\": \"S\", \"storefronts\": [\"de\"], \"returnAddress\": {\"name\":\"n\",\"street\":\"s\",\"postalCode\":\"1\",\"city\":\"c\",\"country\":\"Germany\"}}|returnAddress",
        "{\"name\": \"S\", \"storefronts\": [\"de\"], \"returnAddress\": {\"name\":\"n\",\"street\":\"s\",\"postalCode\":\"1\",\"city\":\"c\",\"country\":\"DE\",\"zip\":1}}|returnAddress.zip"
      })
  void badSellerRegistrationsNameTheField(String body, String field) {
    assertInvalid(api.post("/api/v1/sellers", TestApp.ADMIN, body), field);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "orderNumber|\"bad number\"|orderNumber",
        "storefront|\"xx\"|storefront",
        "sellerId|\"1\"|sellerId",
        "sellerId|999|sellerId",
        "orderedAt|\"last week\"|orderedAt",
        "units|[]|units",
        "units|[{\"orderUnitId\":7001,\"title\":\"t\",\"ean\":\"12345678\",\"price\":{\"amount\":1,\"currency\":\"EUR\"},\"state\":\"lost\"}]|units[0].state",
        "units|[{\"orderUnitId\":7001,\"title\":\"t\",\"ean\":\"12345678\",\"price\":{\"amount\":1.5,\"currency\":\"EUR\"},\"state\":\"open\"}]|units[0].price.amount",
        "units|[{\"orderUnitId\":7001,\"title\":\"t\",\"ean\":\"12345678\",\"state\":\"open\"}]|units[0].price",
        "units|[{\"orderUnitId\":7001,\"title\":\"t\",\"ean\":\"12345678\",\"price\":{\"amount\":1,\"currency\":\"EUR\"},\"state\":\"open\",\"deliveredAt\":\"soon\"}]|units[0].deliveredAt",
        "buyer|{\"buyerId\":501,\"name\":\"E\"}|buyer.email"
      })
  void badOrdersNameTheField(String key, String value, String field) {
    String base =
        "{\"orderNumber\":\"NEW1\",\"storefront\":\"de\",\"sellerId\":1,\"orderedAt\":\"2026-02-20T10:00:00Z\","
            + "\"buyer\":{\"buyerId\":501,\"name\":\"E\",\"email\":\"e@example.org\"},"
            + "\"units\":[{\"orderUnitId\":7001,\"title\":\"t\",\"ean\":\"12345678\",\"price\":{\"amount\":1,\"currency\":\"EUR\"},\"state\":\"open\"}]}";
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) readTree(base);
    tree.set(key, readTree(value));
    assertInvalid(api.post("/api/v1/orders", TestApp.ADMIN, tree.toString()), field);
    assertProblem(
        api.patch("/api/v1/orders/NEW1/units/7001", TestApp.ADMIN, Map.of("state", "sent")),
        404,
        "not-found");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"state\": \"lost\"}|state",
        "{\"state\": 3}|state",
        "{\"deliveredAt\": 5}|deliveredAt",
        "{\"deliveredAt\": \"tomorrow\"}|deliveredAt",
        "{\"colour\": \"red\"}|colour",
        "{}|body",
        "[]|body"
      })
  void badUnitUpdatesNameTheField(String body, String field) {
    assertInvalid(api.patch("/api/v1/orders/MQ8BRT7/units/1001", TestApp.ADMIN, body), field);
    assertInvalid(
        api.patch("/api/v1/orders/MQ8BRT7/units/abc", TestApp.ADMIN, "{\"state\":\"sent\"}"),
        "orderUnitId");
    assertInvalid(
        api.patch("/api/v1/orders/mq-8/units/1001", TestApp.ADMIN, "{\"state\":\"sent\"}"),
        "orderNumber");
    var order = api.get("/api/v1/tickets", TestApp.ADMIN);
    assertEquals(200, order.status());
  }

  private static JsonNode readTree(String json) {
    try {
      return ApiClient.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
