package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A write load against a running server: threads open tickets and post messages as a buyer, each
 * write with a unique text. It records what was acknowledged (2xx), what was refused (by status)
 * and what ended without an answer, so that a test can check afterwards that every acknowledged
 * write is stored and that no write refused with 5xx was stored.
 */
final class Workload {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Requests may not hang: every request of the load has this deadline. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** A plain HTTP answer. */
  record Answer(int status, Map<String, List<String>> headers, String body, long millis) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }
  }

  static Answer send(String base, String method, String path, String token, String body)
      throws IOException, InterruptedException {
    return send(base, method, path, token, body, Map.of());
  }

  static Answer send(
      String base,
      String method,
      String path,
      String token,
      String body,
      Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(b::header);
    if (body != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    long start = System.nanoTime();
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        r.statusCode(), r.headers().map(), r.body(), (System.nanoTime() - start) / 1_000_000);
  }

  final String admin;
  final long sellerId;
  final String seller;
  final String buyer;
  final long unit;
  volatile String base;

  /** Acknowledged texts by ticket number. */
  final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();

  /** Texts whose write was refused with a 5xx (they must not be stored). */
  final Set<String> refused5xx = ConcurrentHashMap.newKeySet();

  /** Texts whose write ended without an answer (killed server, cut connection): either way. */
  final Set<String> unanswered = ConcurrentHashMap.newKeySet();

  final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
  final AtomicLong slowest = new AtomicLong();
  private final AtomicInteger sequence = new AtomicInteger();
  private final String prefix;

  private volatile boolean running;
  private final List<Thread> threads = new ArrayList<>();

  /** Registers a seller with an order and issues a seller and a buyer token. */
  Workload(String base, String admin, String prefix, long buyerId, long unit) throws Exception {
    this.base = base;
    this.admin = admin;
    this.prefix = prefix;
    this.unit = unit;
    Answer s =
        expect(
            201,
            send(
                base,
                "POST",
                "/api/v1/sellers",
                admin,
                """
                {"name":"Load %s GmbH","storefronts":["de"],
                 "returnAddress":{"name":"Returns","street":"Hafenstraße 1","postalCode":"20457",
                                  "city":"Hamburg","country":"DE"}}
                """
                    .formatted(prefix)));
    sellerId = s.json().get("sellerId").asLong();
    seller = token("{\"role\":\"seller\",\"sellerId\":" + sellerId + "}");
    buyer = token("{\"role\":\"buyer\",\"buyerId\":" + buyerId + "}");
    String order = ("L" + prefix + unit).toUpperCase().replaceAll("[^A-Z0-9]", "");
    expect(
        201,
        send(
            base,
            "POST",
            "/api/v1/orders",
            admin,
            """
            {"orderNumber":"%s","storefront":"de","sellerId":%d,"orderedAt":"2026-03-01T10:00:00Z",
             "buyer":{"buyerId":%d,"name":"Lena Last","email":"lena@example.com"},
             "units":[{"orderUnitId":%d,"title":"Tent","ean":"4006381333931",
                       "price":{"amount":12999,"currency":"EUR"},"state":"sent"}]}
            """
                .formatted(order, sellerId, buyerId, unit)));
  }

  private String token(String body) throws Exception {
    return expect(201, send(base, "POST", "/api/v1/tokens", admin, body))
        .json()
        .get("token")
        .asText();
  }

  static Answer expect(int status, Answer a) {
    assertEquals(status, a.status(), a.body());
    return a;
  }

  /** Starts {@code threads} writers; each opens a ticket, then posts messages to it. */
  void start(int threadCount) {
    running = true;
    for (int i = 0; i < threadCount; i++) {
      Thread t = new Thread(this::writeLoop, "load-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** Stops the writers and waits for their last requests to end. */
  void stop() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(REQUEST_TIMEOUT.toMillis() + 10_000);
    }
    threads.clear();
  }

  int acknowledgedWrites() {
    return acknowledged.values().stream().mapToInt(Set::size).sum();
  }

  int count(int status) {
    AtomicInteger n = statuses.get(status);
    return n == null ? 0 : n.get();
  }

  private void writeLoop() {
    String ticket = null;
    int sinceOpen = 0;
    while (running) {
      String text = prefix + "-" + sequence.incrementAndGet();
      boolean open = ticket == null || sinceOpen >= 10;
      try {
        Answer a =
            open
                ? send(
                    base,
                    "POST",
                    "/api/v1/tickets",
                    buyer,
                    "{\"orderUnitIds\":[%d],\"reason\":\"product_defect\",\"message\":\"%s\"}"
                        .formatted(unit, text))
                : send(
                    base,
                    "POST",
                    "/api/v1/tickets/" + ticket + "/messages",
                    buyer,
                    "{\"text\":\"" + text + "\"}");
        statuses.computeIfAbsent(a.status(), k -> new AtomicInteger()).incrementAndGet();
        slowest.accumulateAndGet(a.millis(), Math::max);
        if (a.status() == 201) {
          if (open) {
            ticket = a.json().get("ticketNumber").asText();
            sinceOpen = 0;
          }
          sinceOpen++;
          acknowledged.computeIfAbsent(ticket, k -> ConcurrentHashMap.newKeySet()).add(text);
        } else if (a.status() >= 500) {
          refused5xx.add(text);
          checkStoreUnavailable(a);
          pause(100);
        } else {
          unexpected.add(a.status() + " " + a.body());
          pause(100);
        }
      } catch (IOException e) {
        unanswered.add(text);
        pause(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        unexpected.add(e.toString());
      }
    }
  }

  private void checkStoreUnavailable(Answer a) {
    String type = a.status() == 503 ? a.json().path("type").asText() : "";
    if (a.status() != 503
        || !type.endsWith("/store-unavailable")
        || a.header("Retry-After") == null
        || !String.valueOf(a.header("Content-Type")).startsWith("application/problem+json")) {
      unexpected.add(a.status() + " " + a.headers() + " " + a.body());
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every text stored on the seller's tickets, read back over HTTP (all pages). */
  Set<String> storedTexts() throws Exception {
    Set<String> tickets = new HashSet<>();
    String cursor = null;
    do {
      String path =
          "/api/v1/tickets?limit=100"
              + (cursor == null
                  ? ""
                  : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      JsonNode page = expect(200, send(base, "GET", path, seller, null)).json();
      page.get("items").forEach(t -> tickets.add(t.get("ticketNumber").asText()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    Set<String> texts = new HashSet<>();
    for (String t : tickets) {
      cursor = null;
      do {
        String path =
            "/api/v1/tickets/"
                + t
                + "/messages?limit=100"
                + (cursor == null
                    ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        JsonNode page = expect(200, send(base, "GET", path, seller, null)).json();
        page.get("items").forEach(m -> texts.add(m.get("text").asText()));
        cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      } while (cursor != null);
    }
    return texts;
  }

  /** The acknowledged writes that are not stored (must be empty). */
  List<String> lostWrites(Set<String> stored) {
    List<String> lost = new ArrayList<>();
    acknowledged
        .values()
        .forEach(s -> s.stream().filter(t -> !stored.contains(t)).forEach(lost::add));
    return lost;
  }

  /** The writes refused with 5xx that are stored nevertheless (must be empty). */
  List<String> refusedButStored(Set<String> stored) {
    return refused5xx.stream().filter(stored::contains).toList();
  }

  String summary() {
    return "acknowledged="
        + acknowledgedWrites()
        + " tickets="
        + acknowledged.size()
        + " refused5xx="
        + refused5xx.size()
        + " unanswered="
        + unanswered.size()
        + " statuses="
        + statuses
        + " slowestMs="
        + slowest.get();
  }
}
