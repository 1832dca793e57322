package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertInvalid;
import static io.ticketdesk.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.service.IdempotencyKeyPurgeService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retrying a message or a ticket opening with its {@code Idempotency-Key}: the first answer again,
 * nothing written twice — and every way a key must not be shared, used up or reused.
 */
class IdempotencyOverHttpTest {
  private static final String KEY = "Idempotency-Key";

  TestApp app;
  ApiClient api;
  String seller;
  String buyer;
  String otherBuyer;
  String cs;
  String path;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    api = app.api;
    long sellerId = app.registerSeller("Fahrrad Franz GmbH", "de");
    seller = app.token("seller", sellerId, null);
    buyer = app.token("buyer", null, 501L);
    otherBuyer = app.token("buyer", null, 502L);
    cs = app.token("customer_service", null, null);
    app.feedOrder("MQ8BRT7", sellerId, 501, "de", 1001, 1002, 1003);
    app.feedOrder("MQ8BRT8", sellerId, 502, "de", 2001);
    path =
        "/api/v1/tickets/"
            + app.openTicket(buyer, 1001, "product_defect", null, "Scratched.")
                .get("ticketNumber")
                .asText();
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private ApiClient.Response post(String token, String text, String key) {
    return api.post(path + "/messages", token, Map.of("text", text), Map.of(KEY, key));
  }

  private static Map<String, Object> opening(long unit, String reason, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderUnitIds", List.of(unit));
    body.put("reason", reason);
    body.put("message", message);
    return body;
  }

  private ApiClient.Response open(String token, long unit, String reason, String key) {
    return api.post(
        "/api/v1/tickets", token, opening(unit, reason, "It does not fit."), Map.of(KEY, key));
  }

  private int messages() {
    var r = api.get(path + "/messages?limit=100", seller);
    assertEquals(200, r.status(), r.body());
    return r.json().get("items").size();
  }

  private long version() {
    return api.get(path, seller).json().get("version").asLong();
  }

  private int tickets(String token) {
    var r = api.get("/api/v1/tickets?limit=100", token);
    assertEquals(200, r.status(), r.body());
    return r.json().get("items").size();
  }

  private static void assertReplayOf(ApiClient.Response first, ApiClient.Response again) {
    assertEquals(first.status(), again.status(), again.body());
    assertEquals(first.body(), again.body());
    assertEquals("true", again.header("Idempotent-Replayed").orElseThrow());
    assertFalse(first.header("Idempotent-Replayed").isPresent());
  }

  @Test
  void aRepeatedMessageOfEveryRoleThatPostsIsAnsweredAgainAndStoredOnce() {
    for (String token : List.of(seller, buyer, cs)) {
      var first = post(token, "Message of " + token.substring(0, 6), "msg-" + token);
      assertEquals(201, first.status(), first.body());
      assertTrue(first.header("ETag").isPresent());
      long after = version();
      app.clock.advance(Duration.ofMinutes(3));

      var again = post(token, "Message of " + token.substring(0, 6), "msg-" + token);

      assertReplayOf(first, again);
      assertEquals(first.json().get("messageId").asLong(), again.json().get("messageId").asLong());
      assertFalse(again.header("ETag").isPresent(), "a replay has no ETag");
      assertEquals(after, version());
    }
    assertEquals(1 + 3, messages());
  }

  @Test
  void anotherMessageUnderAUsedKeyIs422AndWritesNothing() {
    assertEquals(201, post(seller, "A new rack is on its way.", "k-1").status());
    long after = version();

    assertProblem(
        post(seller, "Two new racks are on their way.", "k-1"), 422, "idempotency-key-reused");
    assertProblem(
        api.post(
            path + "/messages",
            seller,
            Map.of("text", "A new rack is on its way.", "internal", true),
            Map.of(KEY, "k-1")),
        422,
        "idempotency-key-reused");

    assertEquals(2, messages());
    assertEquals(after, version());
  }

  @Test
  void callersWithTheSameKeyDoNotMeet() {
    var bySeller = post(seller, "A new rack is on its way.", "same");
    var byBuyer = post(buyer, "Thank you!", "same");
    var byService = post(cs, "Customer service here.", "same");

    for (var r : List.of(bySeller, byBuyer, byService)) {
      assertEquals(201, r.status(), r.body());
      assertFalse(r.header("Idempotent-Replayed").isPresent());
    }
    assertEquals(
        3,
        Set.of(
                bySeller.json().get("messageId").asLong(),
                byBuyer.json().get("messageId").asLong(),
                byService.json().get("messageId").asLong())
            .size());
    assertEquals(4, messages());

    var erikas = open(buyer, 1002, "product_defect", "same-opening");
    var others = open(otherBuyer, 2001, "product_defect", "same-opening");
    assertEquals(201, erikas.status(), erikas.body());
    assertEquals(201, others.status(), others.body());
    assertFalse(others.header("Idempotent-Replayed").isPresent());
    assertNotEquals(erikas.json().get("ticketNumber"), others.json().get("ticketNumber"));
  }

  @Test
  void aRefusedRequestDoesNotUseItsKeyUp() {
    long before = version();
    assertProblem(
        api.post(
            path + "/messages",
            seller,
            Map.of("text", "Sorry!"),
            Map.of(KEY, "k-2", "If-Match", "\"" + (before + 5) + "\"")),
        412,
        "precondition-failed");
    assertInvalid(
        api.post(path + "/messages", seller, Map.of("internal", true), Map.of(KEY, "k-2")), "text");
    assertEquals(1, messages());

    var posted = post(seller, "Sorry!", "k-2");
    assertEquals(201, posted.status(), posted.body());
    assertFalse(posted.header("Idempotent-Replayed").isPresent());

    assertProblem(open(otherBuyer, 1002, "product_defect", "t-2"), 404, "not-found");
    var opened = open(otherBuyer, 2001, "product_defect", "t-2");
    assertEquals(201, opened.status(), opened.body());
    assertFalse(opened.header("Idempotent-Replayed").isPresent());
  }

  @Test
  void aRepeatedOpeningAnswersTheSameTicketAndOpensOnce() {
    var first = open(buyer, 1002, "product_defect", "open-1");
    assertEquals(201, first.status(), first.body());
    app.clock.advance(Duration.ofMinutes(10));

    var again = open(buyer, 1002, "product_defect", "open-1");

    assertEquals(201, again.status(), again.body());
    assertEquals(first.json().get("ticketNumber"), again.json().get("ticketNumber"));
    assertEquals(first.header("Location"), again.header("Location"));
    assertEquals(first.header("ETag"), again.header("ETag"));
    assertReplayOf(first, again);
    assertEquals(2, tickets(buyer));

    assertProblem(open(buyer, 1002, "product_return", "open-1"), 422, "idempotency-key-reused");
    assertProblem(open(buyer, 1003, "product_defect", "open-1"), 422, "idempotency-key-reused");
    assertEquals(2, tickets(buyer));
  }

  @Test
  void theSellerOpensTicketsUnderKeysToo() {
    var first = open(seller, 1003, "contact_other", "seller-open-1");
    var again = open(seller, 1003, "contact_other", "seller-open-1");

    assertEquals(201, first.status(), first.body());
    assertReplayOf(first, again);
    assertEquals(2, tickets(seller));
  }

  @Test
  void aMalformedKeyIsRefusedAndWritesNothing() {
    for (String bad : List.of("has space", "x".repeat(201), "", "tab\tkey")) {
      assertInvalid(
          api.post(path + "/messages", seller, Map.of("text", "Hello"), Map.of(KEY, bad)), KEY);
      assertInvalid(
          api.post(
              "/api/v1/tickets", buyer, opening(1002, "product_defect", "Hello"), Map.of(KEY, bad)),
          KEY);
    }
    assertEquals(1, messages());
    assertEquals(1, tickets(buyer));
  }

  @Test
  void aRepeatedTextModuleMessageIsReplayedEvenAfterTheModuleIsGone() {
    var module =
        api.post(
            "/api/v1/text-modules",
            seller,
            Map.of("storefront", "de", "name", "Sorry", "body", "Sorry, {{buyer.name}}!"));
    assertEquals(201, module.status(), module.body());
    long id = module.json().get("id").asLong();
    Map<String, Object> body = Map.of("textModuleId", id);
    var first = api.post(path + "/messages", seller, body, Map.of(KEY, "module-1"));
    assertEquals(201, first.status(), first.body());
    assertEquals(
        204, api.send("DELETE", "/api/v1/text-modules/" + id, seller, null, Map.of()).status());

    var again = api.post(path + "/messages", seller, body, Map.of(KEY, "module-1"));

    assertReplayOf(first, again);
    assertEquals(2, messages());
  }

  @Test
  void afterTheRetentionAKeyIsForgottenAndTheRequestIsANewOne() {
    var first = post(seller, "A new rack is on its way.", "old-key");
    var purge =
        new IdempotencyKeyPurgeService(
            app.store.idempotencyKeys(), app.clock, Duration.ofHours(24), 100);

    app.clock.advance(Duration.ofHours(23));
    assertEquals(0, purge.purgeExpired());
    assertReplayOf(first, post(seller, "A new rack is on its way.", "old-key"));

    app.clock.advance(Duration.ofHours(2));
    assertEquals(1, purge.purgeExpired());
    var later = post(seller, "A new rack is on its way.", "old-key");
    assertEquals(201, later.status(), later.body());
    assertFalse(later.header("Idempotent-Replayed").isPresent());
    assertEquals(3, messages());
  }

  /** Sends {@code threads} copies of a request at the same moment; the answers. */
  private static List<ApiClient.Response> atOnce(int threads, Supplier<ApiClient.Response> send)
      throws Exception {
    CyclicBarrier together = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<ApiClient.Response>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  together.await(30, TimeUnit.SECONDS);
                  return send.get();
                }));
      }
      List<ApiClient.Response> answers = new ArrayList<>();
      for (var f : futures) {
        answers.add(f.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twentyConcurrentRetriesOfAMessageStoreExactlyOne() throws Exception {
    List<ApiClient.Response> answers =
        atOnce(20, () -> post(buyer, "Any news about my rack?", "concurrent-1"));

    Set<Long> ids = new TreeSet<>();
    int replayed = 0;
    for (var r : answers) {
      assertEquals(201, r.status(), r.body());
      ids.add(r.json().get("messageId").asLong());
      replayed += r.header("Idempotent-Replayed").isPresent() ? 1 : 0;
    }
    assertEquals(1, ids.size(), "every answer names the same message");
    assertEquals(19, replayed);
    assertEquals(2, messages());
  }

  @Test
  void twentyConcurrentRetriesOfAnOpeningOpenExactlyOneTicket() throws Exception {
    List<ApiClient.Response> answers =
        atOnce(20, () -> open(otherBuyer, 2001, "product_defect", "concurrent-2"));

    Set<String> numbers = new TreeSet<>();
    for (var r : answers) {
      assertEquals(201, r.status(), r.body());
      numbers.add(r.json().get("ticketNumber").asText());
    }
    assertEquals(1, numbers.size(), "every answer names the same ticket");
    assertEquals(1, tickets(otherBuyer));
  }
}
