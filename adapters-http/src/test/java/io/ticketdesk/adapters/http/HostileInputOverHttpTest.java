package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs found by hand where the fuzzer looked away (issue 16): far-off instants, control
 * characters and lone surrogates, invalid UTF-8, malformed percent-encoding, invented methods,
 * HEAD, repeated headers. Each is a 400 problem naming the field and changes nothing.
 */
class HostileInputOverHttpTest {
  TestApp app;
  ApiClient api;
  long sellerId;
  String seller;
  String buyer;
  String ticketPath;
  String before;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    api = app.api;
    sellerId = app.registerSeller("Fahrrad Franz GmbH", "de");
    seller = app.token("seller", sellerId, null);
    buyer = app.token("buyer", null, 501L);
    app.feedOrder("MQ8BRT7", sellerId, 501, "de", 1001, 1002);
    ticketPath =
        "/api/v1/tickets/"
            + app.openTicket(buyer, 1001, "product_defect", null, "broken")
                .get("ticketNumber")
                .asText();
    before = StoreFingerprint.of(app.store);
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private void assertUnchanged() {
    assertEquals(before, StoreFingerprint.of(app.store), "a refused request changed the store");
  }

  private Map<String, Object> order(String orderedAt, String deliveredAt) {
    Map<String, Object> unit = new LinkedHashMap<>();
    unit.put("orderUnitId", 3001);
    unit.put("title", "Lamp");
    unit.put("ean", "4006381333931");
    unit.put("price", Map.of("amount", 3000, "currency", "EUR"));
    unit.put("state", "received");
    unit.put("deliveredAt", deliveredAt);
    return Map.of(
        "orderNumber",
        "EXT1",
        "storefront",
        "de",
        "sellerId",
        sellerId,
        "orderedAt",
        orderedAt,
        "buyer",
        Map.of("buyerId", 501, "name", "Erika", "email", "erika@example.org"),
        "units",
        List.of(unit));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+999999999-12-31T23:59:59Z",
        "-999999999-01-01T00:00:00+01:00",
        "1999-12-31T23:59:59.999999Z",
        "2101-01-01T00:00:00Z",
        "2100-12-31T23:00:00-01:00",
        "0000-01-01T00:00:00Z"
      })
  void anInstantOutsideTheYears2000To2100IsRefusedEverywhere(String instant) {
    assertInvalid(
        api.post("/api/v1/orders", TestApp.ADMIN, order(instant, "2026-02-21T10:00:00Z")),
        "orderedAt");
    assertInvalid(
        api.post("/api/v1/orders", TestApp.ADMIN, order("2026-02-20T10:00:00Z", instant)),
        "units[0].deliveredAt");
    assertInvalid(
        api.patch("/api/v1/orders/MQ8BRT7/units/1001", seller, Map.of("deliveredAt", instant)),
        "deliveredAt");
    String q = java.net.URLEncoder.encode(instant, StandardCharsets.UTF_8);
    assertInvalid(api.get("/api/v1/tickets?createdFrom=" + q, seller), "createdFrom");
    assertInvalid(api.get("/api/v1/tickets?createdTo=" + q, buyer), "createdTo");
    assertUnchanged();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2000-01-01T00:00:00Z", "2100-12-31T23:59:59.999999Z"})
  void theBoundaryInstantsAreAccepted(String instant) {
    assertEquals(
        201,
        api.post("/api/v1/orders", TestApp.ADMIN, order("2026-02-20T10:00:00Z", instant)).status());
    assertEquals(200, api.get("/api/v1/tickets?createdFrom=" + instant, seller).status());
    assertEquals(200, api.get("/api/v1/tickets", buyer).status());
    assertEquals(200, api.get(ticketPath, buyer).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "1999-12-31", "2101-01-01"})
  void aKpiDateOutsideTheYears2000To2100IsRefused(String date) {
    assertInvalid(
        api.get("/api/v1/kpis/response-time?from=" + date + "&to=2026-03-01", TestApp.ADMIN),
        "from");
    assertInvalid(
        api.get("/api/v1/kpis/response-time?from=2026-02-01&to=" + date, TestApp.ADMIN), "to");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\\u0000|%00",
        "a\\u0001b|a%01b",
        "\\u001b[31m|%1B%5B31m",
        "\\u007f\\u0000|%7F%00",
        "\\ud800|%ED%A0%80",
        "x\\udc00|x%ED%B0%80",
        "\\ude00\\ud83d|%ED%B8%80%ED%A0%BD"
      })
  void aControlCharacterOrLoneSurrogateInAnyTextIsRefused(String escaped, String percent) {
    String text = "{\"text\":\"hello " + escaped + "\"}";
    assertInvalid(api.send("POST", ticketPath + "/messages", buyer, text, Map.of()), "text");
    String ticket =
        "{\"orderUnitIds\":[1002],\"reason\":\"product_defect\",\"message\":\"" + escaped + "\"}";
    assertInvalid(api.send("POST", "/api/v1/tickets", buyer, ticket, Map.of()), "message");
    String newSeller =
        "{\"name\":\"Evil "
            + escaped
            + "\",\"storefronts\":[\"de\"],\"returnAddress\":{\"name\":\"n\",\"street\":\"s\","
            + "\"postalCode\":\"1\",\"city\":\"c\",\"country\":\"DE\"}}";
    assertInvalid(api.send("POST", "/api/v1/sellers", TestApp.ADMIN, newSeller, Map.of()), "name");
    String patch = "{\"state\":\"" + escaped + "\"}";
    assertInvalid(
        api.send("PATCH", "/api/v1/orders/MQ8BRT7/units/1001", seller, patch, Map.of()), "state");
    var q = RawHttp.get(api.port, "/api/v1/tickets?q=" + percent, seller);
    assertEquals(400, q.status(), q.body());
    assertEquals("q", ApiClient.Response.parse(q.body()).get("field").asText(), q.body());
    assertUnchanged();
  }

  @Test
  void tabsLineBreaksAndSurrogatePairsAreText() {
    var r =
        api.send(
            "POST",
            ticketPath + "/messages",
            buyer,
            "{\"text\":\"line one\\r\\nline\\ttwo \\ud83d\\udeb2\"}",
            Map.of());
    assertEquals(201, r.status(), r.body());
    assertEquals("line one\r\nline\ttwo \ud83d\udeb2", r.json().get("text").asText());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c0bc7363726970 74c0be", // overlong < and >
        "e080bc", // overlong 3-byte <
        "eda080", // an encoded surrogate
        "e282", // truncated
        "ff", // never UTF-8
        "f4908080" // beyond U+10FFFF
      })
  void aBodyThatIsNotUtf8IsRefused(String hex) {
    byte[] bad = hexBytes(hex.replace(" ", ""));
    byte[] prefix = "{\"text\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[prefix.length + bad.length + suffix.length];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    System.arraycopy(bad, 0, body, prefix.length, bad.length);
    System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
    var r = api.sendBytes("POST", ticketPath + "/messages", buyer, body, Map.of());
    assertInvalid(r, "body");
    assertTrue(r.json().get("detail").asText().contains("UTF-8"), r.body());
    assertUnchanged();
  }

  private static byte[] hexBytes(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/tickets?limit=%zz|limit",
        "/api/v1/tickets?q=%zz|q",
        "/api/v1/tickets?status=%zzopen|status",
        "/api/v1/tickets?cursor=%%%garbage|cursor",
        "/api/v1/tickets?limit=%|limit",
        "/api/v1/tickets?limit=%2|limit",
        "/api/v1/tickets?limit=5&limit=%zz|limit",
        "/api/v1/tickets?q=%C0%BC|q",
        "/api/v1/tickets?q=%E2%82|q",
        "/api/v1/tickets?%zz|%zz",
        "/api/v1/tickets?%zz=1|%zz",
        "TICKET/messages?limit=%zz|limit",
        "TICKET?%zz|%zz",
        "/api/v1/text-modules/1/rendered?ticket=%zz|ticket",
        "/api/v1/kpis/response-time?from=%zz|from"
      })
  void malformedPercentEncodingIsRefusedNamingTheParameter(String path, String field) {
    var r = RawHttp.get(api.port, path.replace("TICKET", ticketPath), seller);
    assertEquals(400, r.status(), r.body());
    assertEquals("application/problem+json", r.contentType(), r.body());
    var problem = ApiClient.Response.parse(r.body());
    assertEquals("https://ticketdesk.io/problems/validation", problem.get("type").asText());
    assertEquals(field, problem.get("field").asText(), r.body());
    assertUnchanged();
  }

  @Test
  void wellFormedPercentEncodingStillWorks() {
    var plain = api.get("/api/v1/tickets?q=MQ8BRT7&status=open&limit=5", seller);
    assertEquals(1, plain.json().get("items").size(), plain.body());
    var r = api.get("/api/v1/tickets?q=MQ%38BRT7&status=%6Fpen&limit=%35", seller);
    assertEquals(200, r.status(), r.body());
    assertEquals(plain.body(), r.body());
    assertEquals(
        plain.body(), api.get("/api/v1/tickets?q=+MQ8BRT7+&status=open&limit=5", seller).body());
  }

  @Test
  void headAnswersAsGetWithoutTheBody() {
    for (String path :
        List.of(
            ticketPath,
            ticketPath + "/messages",
            "/api/v1/tickets",
            "/api/v1/tickets/00999999999", // missing
            "/api/v1/tickets?limit=0", // invalid parameter
            "/api/v1/tickets?limit=%25zz",
            "/api/v1/tickets?undeclared=1")) {
      for (String token : new String[] {seller, buyer, null}) {
        var get = api.get(path, token);
        var head = api.send("HEAD", path, token, null, Map.of());
        String where = "HEAD " + path;
        assertEquals(get.status(), head.status(), where);
        assertEquals(get.contentType(), head.contentType(), where);
        assertEquals(get.header("ETag"), head.header("ETag"), where);
        assertEquals(
            String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length),
            head.header("Content-Length").orElse("?"),
            where);
        assertEquals("", head.body(), where);
      }
    }
    String otherSeller = app.token("seller", app.registerSeller("Other", "de"), null);
    assertEquals(404, api.send("HEAD", ticketPath, otherSeller, null, Map.of()).status());
    assertEquals(405, api.send("HEAD", ticketPath + "/close", seller, null, Map.of()).status());
    before = StoreFingerprint.of(app.store);
    api.send("HEAD", ticketPath, seller, null, Map.of());
    assertUnchanged();
  }

  @Test
  void inventedMethodsAndUnknownPathsShareOneSeriesSoMetricsStayBounded() {
    for (int round = 0; round < 2; round++) {
      int from = round == 0 ? 0 : 10;
      int to = round == 0 ? 10 : 310;
      for (int i = from; i < to; i++) {
        api.send("M" + i, "/api/v1/tickets", null, null, Map.of());
        api.send("BREW" + i, "/api/v1/tickets/" + i, null, null, Map.of());
        api.send("GET", "/nowhere/" + i + "?x=" + i, null, null, Map.of());
        api.send("PROPFIND", "/x" + i, seller, null, Map.of());
      }
      api.get("/metrics", null);
    }
    String first = api.get("/metrics", null).body();
    long seriesBefore = series(first);
    for (int i = 310; i < 330; i++) {
      api.send("X-" + i, "/api/v1/tickets/" + i + "/messages", seller, null, Map.of());
      api.send("GET", "/api/v2/" + i, null, null, Map.of());
    }
    String metrics = api.get("/metrics", null).body();
    assertEquals(seriesBefore, series(metrics), "a request made a series of its own");
    assertTrue(metrics.length() < 64 * 1024, "metrics grew to " + metrics.length() + " bytes");
    assertFalse(metrics.contains("BREW"), "a method name from the request became a label");
    assertFalse(metrics.contains("nowhere"), "a path from the request became a label");
    assertTrue(metrics.contains("method=\"other\""), metrics);
  }

  private static long series(String metrics) {
    return metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).count();
  }

  @Test
  void twoAuthorizationOrIdempotencyKeyHeadersAreRefused() {
    var auth =
        api.sendRepeated(
            "GET", ticketPath, Map.of("Authorization", List.of("Bearer " + seller, "Bearer x")));
    assertInvalid(auth, "Authorization");
    var keys =
        api.sendRepeated(
            "POST",
            ticketPath + "/messages",
            Map.of(
                "Authorization",
                List.of("Bearer " + buyer),
                "Content-Type",
                List.of("application/json"),
                "Idempotency-Key",
                List.of("key-one-0001", "key-two-0002")),
            "{\"text\":\"twice\"}");
    assertInvalid(keys, "Idempotency-Key");
    assertUnchanged();
  }

  @Test
  void anInternalNoteChangesNeitherVersionNorEtagNorUpdatedAtOfTheTicket() {
    app.clock.advance(java.time.Duration.ofMinutes(5));
    var before = api.get(ticketPath, buyer);
    var note =
        api.post(
            ticketPath + "/messages",
            seller,
            Map.of("text", "buyer is difficult", "internal", true));
    assertEquals(201, note.status(), note.body());
    assertEquals(before.header("ETag"), note.header("ETag"));
    for (String token : new String[] {buyer, seller}) {
      var after = api.get(ticketPath, token);
      assertEquals(before.header("ETag"), after.header("ETag"));
      assertEquals(before.json().get("version"), after.json().get("version"));
      assertEquals(before.json().get("updatedAt"), after.json().get("updatedAt"));
      assertEquals(
          before.json().get("updatedAt"),
          api.get("/api/v1/tickets", token).json().at("/items/0/updatedAt"));
    }
    assertEquals(1, api.get(ticketPath + "/messages", buyer).json().get("items").size());
    var answer =
        api.send(
            "POST",
            ticketPath + "/messages",
            seller,
            "{\"text\":\"we will help\"}",
            Map.of("If-Match", before.header("ETag").orElseThrow()));
    assertEquals(201, answer.status(), "the note must not make the buyer's ETag stale");
  }

  @Test
  void aReturnLabelsSystemNoteTheBuyerCannotSeeChangesNothingOfTheTicket() {
    app.clock.advance(java.time.Duration.ofMinutes(5));
    var before = api.get(ticketPath, buyer);
    var label =
        api.post(ticketPath + "/return-labels", seller, Map.of("carrier", TestApp.DEFAULT_CARRIER));
    assertEquals(201, label.status(), label.body());
    var after = api.get(ticketPath, buyer);
    assertEquals(before.header("ETag"), after.header("ETag"));
    assertEquals(before.json().get("updatedAt"), after.json().get("updatedAt"));
    assertEquals(1, api.get(ticketPath + "/messages", buyer).json().get("items").size());
    var all = api.get(ticketPath + "/messages", seller).json().get("items");
    assertEquals("system", all.get(all.size() - 1).get("authorRole").asText());
    assertTrue(all.get(all.size() - 1).get("internal").asBoolean());
  }
}
