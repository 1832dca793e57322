package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live event stream over HTTP, read by a real SSE client ({@link SseReader}, which reconnects
 * with Last-Event-ID as a browser does): the caller's events as the feed gives them, live, resumed
 * without loss or repetition, heartbeats, refusals and the limits on open streams.
 */
class EventStreamOverHttpTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private TestApp app;

  @AfterEach
  void tearDown() {
    if (app != null) {
      app.close();
    }
  }

  private String url(String query) {
    return app.api.base() + "/api/v1/events/stream" + query;
  }

  /** Every event of the feed after {@code after} in the caller's scope, in feed order. */
  private List<JsonNode> feed(String token, String after) {
    List<JsonNode> out = new ArrayList<>();
    String cursor = after;
    while (true) {
      var r =
          app.api.get(
              "/api/v1/events?limit=200" + (cursor == null ? "" : "&after=" + cursor), token);
      assertEquals(200, r.status(), r.body());
      if (r.json().get("items").isEmpty()) {
        return out;
      }
      r.json().get("items").forEach(out::add);
      cursor = r.json().get("nextCursor").asText();
    }
  }

  private static List<String> ids(List<JsonNode> events) {
    return events.stream().map(e -> e.get("eventId").asText()).toList();
  }

  private String lastCursor(String token) {
    var r = app.api.get("/api/v1/events?limit=200", token);
    String cursor = r.json().get("nextCursor").asText();
    while (true) {
      var next = app.api.get("/api/v1/events?limit=200&after=" + cursor, token);
      if (next.json().get("items").isEmpty()) {
        return cursor;
      }
      cursor = next.json().get("nextCursor").asText();
    }
  }

  private String ticket(String buyer, long unit) {
    return app.openTicket(buyer, unit, "product_defect", null, "It broke.")
        .get("ticketNumber")
        .asText();
  }

  private void post(String token, String ticket, Map<String, Object> body) {
    var r = app.api.post("/api/v1/tickets/" + ticket + "/messages", token, body);
    assertEquals(201, r.status(), r.body());
  }

  @Test
  void eachCallerStreamsLiveExactlyTheEventsTheFeedGivesItNoOtherSellers() throws Exception {
    app = new TestApp(TestApp.STREAMS.withLifetime(Duration.ofSeconds(30)));
    long a = app.registerSeller("Fahrrad Franz GmbH", "de");
    long b = app.registerSeller("Other Seller AG", "de");
    String sellerA = app.token("seller", a, null);
    String sellerB = app.token("seller", b, null);
    String buyer = app.token("buyer", null, 501L);
    app.feedOrder("MQ8BRT7", a, 501, "de", 1001, 1002);
    app.feedOrder("MQ8BRT8", b, 501, "de", 2001);
    String before = ticket(buyer, 1001); // before the streams start: not streamed
    String start = lastCursor(TestApp.ADMIN);

    try (SseReader streamA = new SseReader(url(""), sellerA, null);
        SseReader streamB = new SseReader(url(""), sellerB, null);
        SseReader all = new SseReader(url(""), TestApp.ADMIN, null);
        SseReader onlyB = new SseReader(url("?sellerId=" + b), TestApp.ADMIN, null)) {
      awaitConnected(streamA, streamB, all, onlyB);
      String t1 = ticket(buyer, 1002);
      post(sellerA, t1, Map.of("text", "check the stock", "internal", true));
      post(sellerA, before, Map.of("text", "We send a new one."));
      String t2 = ticket(buyer, 2001);
      post(sellerB, t2, Map.of("text", "Sorry!"));

      List<JsonNode> feedA = feed(sellerA, start);
      List<JsonNode> feedB = feed(sellerB, start);
      List<JsonNode> feedAll = feed(TestApp.ADMIN, start);
      assertTrue(feedA.size() >= 4 && feedB.size() >= 2, feedA + " " + feedB);
      assertEquals(feedAll.size(), feedA.size() + feedB.size());

      streamA.await(feedA.size(), WAIT);
      streamB.await(feedB.size(), WAIT);
      all.await(feedAll.size(), WAIT);
      onlyB.await(feedB.size(), WAIT);
      Thread.sleep(300); // nothing more comes
      assertEquals(ids(feedA), streamA.eventIds());
      assertEquals(ids(feedB), streamB.eventIds());
      assertEquals(ids(feedAll), all.eventIds());
      assertEquals(ids(feedB), onlyB.eventIds());
      // Byte for byte the feed's JSON, and each id is the feed cursor after the event.
      assertEquals(feedA.get(0), streamA.events.get(0).data());
      assertTrue(
          streamA.eventIds().stream().noneMatch(id -> feedB.toString().contains(id)),
          "seller A streamed seller B's events");
      assertTrue(
          streamA.events.stream()
              .anyMatch(e -> e.data().path("data").path("internal").asBoolean(false)),
          "the seller's internal note is an event for the seller");
      String cursor = streamA.events.get(1).id();
      assertEquals(
          ids(feedA.subList(2, feedA.size())), ids(feed(sellerA, cursor)), "id = feed cursor");
    }
  }

  private static void awaitConnected(SseReader... readers) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    for (SseReader r : readers) {
      while (r.lastEventId() == null) {
        assertTrue(System.nanoTime() < end, "a stream did not start");
        Thread.sleep(10);
      }
    }
  }

  @Test
  void aClientThatReconnectsWithLastEventIdMissesNothingAndGetsNothingTwice() throws Exception {
    app = new TestApp(TestApp.STREAMS.withLifetime(Duration.ofMillis(400)));
    long a = app.registerSeller("Fahrrad Franz GmbH", "de");
    String seller = app.token("seller", a, null);
    String buyer = app.token("buyer", null, 501L);
    long[] units = new long[12];
    for (int i = 0; i < units.length; i++) {
      units[i] = 3000 + i;
    }
    app.feedOrder("MQ8BRT7", a, 501, "de", units);
    String start = lastCursor(seller);
    try (SseReader stream = new SseReader(url(""), seller, start)) {
      for (long unit : units) {
        String t = ticket(buyer, unit);
        post(seller, t, Map.of("text", "On its way."));
        Thread.sleep(60); // the writes span several of the streams' 400 ms lifetimes
      }
      List<JsonNode> feed = feed(seller, start);
      stream.await(feed.size(), WAIT);
      Thread.sleep(300);
      assertEquals(ids(feed), stream.eventIds());
      assertTrue(stream.connections.get() >= 3, "reconnected " + stream.connections.get());
    }
    // A new stream from the cursor of the third event gets the fourth and what follows.
    List<JsonNode> feed = feed(seller, start);
    String third;
    try (SseReader all = new SseReader(url(""), seller, start)) {
      third = all.await(3, WAIT).get(2).id();
    }
    try (SseReader fromThird = new SseReader(url("?after=" + third), seller, null)) {
      fromThird.await(feed.size() - 3, WAIT);
      Thread.sleep(200);
      assertEquals(ids(feed.subList(3, feed.size())), fromThird.eventIds());
    }
  }

  @Test
  void aQuietStreamSendsHeartbeatsAndStartsWithItsRetryAndCursor() throws Exception {
    app = new TestApp(TestApp.STREAMS.withLifetime(Duration.ofSeconds(1)));
    long a = app.registerSeller("Fahrrad Franz GmbH", "de");
    String seller = app.token("seller", a, null);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<InputStream> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url("")))
                .header("Authorization", "Bearer " + seller)
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(""));
    String body = new String(r.body().readAllBytes(), StandardCharsets.UTF_8); // ends after 1 s
    assertTrue(body.startsWith("retry: 2000\nid: " + lastCursor(seller) + "\n\n"), body);
    assertTrue(body.contains("\n: heartbeat\n\n"), body);
  }

  @Test
  void callersWhoMayNotReadEventsOrSendBadCursorsAreRefusedWithProblems() {
    app = new TestApp();
    long a = app.registerSeller("Fahrrad Franz GmbH", "de");
    String seller = app.token("seller", a, null);
    String buyer = app.token("buyer", null, 501L);
    String cs = app.token("customer_service", null, null);
    String before = app.fingerprint();
    assertEquals(401, app.api.get("/api/v1/events/stream", null).status());
    assertEquals(403, app.api.get("/api/v1/events/stream", buyer).status());
    assertEquals(403, app.api.get("/api/v1/events/stream", cs).status());
    for (var r :
        List.of(
            app.api.get("/api/v1/events/stream?after=bm9wZQ", seller),
            app.api.send(
                "GET", "/api/v1/events/stream", seller, null, Map.of("Last-Event-ID", "nope")),
            app.api.get("/api/v1/events/stream?sellerId=" + a, seller),
            app.api.get("/api/v1/events/stream?limit=5", seller))) {
      assertEquals(400, r.status(), r.body());
      assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    }
    assertEquals(before, app.fingerprint());
  }

  @Test
  void streamsBeyondThoseATokenOrTheInstanceMayOpenAreRefusedUntilOneCloses() throws Exception {
    app = new TestApp(TestApp.STREAMS.withLifetime(Duration.ofSeconds(30)).withStreams(2, 3));
    long a = app.registerSeller("Fahrrad Franz GmbH", "de");
    String seller = app.token("seller", a, null);
    String other = app.token("seller", a, null);
    try (SseReader one = new SseReader(url(""), seller, null);
        SseReader two = new SseReader(url(""), seller, null)) {
      awaitConnected(one, two);
      var third = app.api.get("/api/v1/events/stream", seller);
      assertEquals(429, third.status(), third.body());
      assertEquals("https://ticketdesk.io/problems/too-many-streams", third.problemType());
      assertEquals("5", third.header("Retry-After").orElse(""));
      try (SseReader otherToken = new SseReader(url(""), other, null)) {
        awaitConnected(otherToken);
        var full = app.api.get("/api/v1/events/stream", TestApp.ADMIN);
        assertEquals(503, full.status(), full.body());
        assertEquals("https://ticketdesk.io/problems/streams-exhausted", full.problemType());
      }
      two.close();
      one.close();
    }
    // Closed streams are noticed at their next heartbeat (300 ms): then the token may stream again.
    long end = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try (SseReader again = new SseReader(url(""), seller, null)) {
        Thread.sleep(200);
        if (again.connections.get() > 0) {
          break;
        }
      }
      assertTrue(System.nanoTime() < end, "the closed streams were never released");
    }
  }
}
