package io.ticketdesk.adapters.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.ticketdesk.domain.AttemptResult;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outgoing client's limits: targets, redirects, timeouts, the response cap. */
class HttpWebhookSenderTest {
  HttpServer server;
  String base;
  final AtomicInteger busy = new AtomicInteger();
  final AtomicInteger mostBusy = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/redirect",
        x -> {
          x.getResponseHeaders().add("Location", base + "/ok");
          x.sendResponseHeaders(302, -1);
          x.close();
        });
    server.createContext(
        "/slow",
        x -> {
          try {
            Thread.sleep(3_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          x.sendResponseHeaders(200, -1);
          x.close();
        });
    server.createContext(
        "/huge",
        x -> {
          x.sendResponseHeaders(200, 0);
          try (OutputStream out = x.getResponseBody()) {
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 16 * 1024; i++) { // 1 GiB if anyone read it all
              out.write(chunk);
            }
          } catch (java.io.IOException e) {
            // the client stopped reading: expected
          }
        });
    server.createContext(
        "/busy",
        x -> {
          int now = busy.incrementAndGet();
          mostBusy.accumulateAndGet(now, Math::max);
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          busy.decrementAndGet();
          x.getRequestBody().readAllBytes();
          x.sendResponseHeaders(204, -1);
          x.close();
        });
    server.createContext(
        "/ok",
        x -> {
          x.sendResponseHeaders(204, -1);
          x.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static AttemptResult post(HttpWebhookSender s, String url) {
    return s.post(URI.create(url), Map.of("webhook-id", "evt_x"), "{}");
  }

  @Test
  void withoutTheOperatorsPermissionOnlyHttpsToPublicAddressesIsAllowed() {
    HttpWebhookSender strict = new HttpWebhookSender(false);
    assertTrue(strict.refusal(URI.create("http://example.com/hook")).isPresent());
    for (String host :
        new String[] {
          "127.0.0.1",
          "10.1.2.3",
          "192.168.0.9",
          "172.16.5.5",
          "169.254.169.254",
          "[::1]",
          "[fd00::1]",
          "100.64.0.1",
          "0.0.0.0",
          "localhost"
        }) {
      assertTrue(
          strict.refusal(URI.create("https://" + host + "/hook")).isPresent(),
          host + " is refused");
    }
    assertTrue(strict.refusal(URI.create("https://93.184.215.14/hook")).isEmpty());
    HttpWebhookSender insecure = new HttpWebhookSender(true);
    assertTrue(insecure.refusal(URI.create(base + "/ok")).isEmpty());
    assertTrue(insecure.refusal(URI.create("ftp://127.0.0.1/x")).isPresent());
  }

  /**
   * {@code refusal} is asked before a delivery; the connection checks again when it resolves the
   * host, so an address that changed to a private one since (DNS rebinding) is not reached either.
   */
  @Test
  void withoutTheOperatorsPermissionNoConnectionIsOpenedToAPrivateAddress() {
    AtomicInteger reached = new AtomicInteger();
    server.createContext(
        "/private",
        x -> {
          reached.incrementAndGet();
          x.sendResponseHeaders(204, -1);
          x.close();
        });
    String port = base.substring(base.lastIndexOf(':') + 1);
    AttemptResult r = post(new HttpWebhookSender(false), "http://localhost:" + port + "/private");
    assertNull(r.statusCode());
    assertTrue(r.error().startsWith("refused target"), r.error());
    assertEquals(0, reached.get());
    assertEquals(204, post(new HttpWebhookSender(true), base + "/private").statusCode());
  }

  @Test
  void aRedirectIsNotFollowedAndCountsAsItsStatus() {
    AttemptResult r = post(new HttpWebhookSender(true), base + "/redirect");
    assertEquals(302, r.statusCode());
    assertTrue(!r.succeeded());
  }

  @Test
  void aSlowReceiverTimesOut() {
    HttpWebhookSender s =
        new HttpWebhookSender(true, Duration.ofSeconds(1), Duration.ofMillis(500));
    long start = System.nanoTime();
    AttemptResult r = post(s, base + "/slow");
    assertNull(r.statusCode());
    assertTrue(r.error().startsWith("no answer within"), r.error());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos());
  }

  @Test
  void aHugeAnswerIsNotReadToTheEnd() {
    long start = System.nanoTime();
    AttemptResult r = post(new HttpWebhookSender(true), base + "/huge");
    assertEquals(200, r.statusCode());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
  }

  @Test
  void aRefusedConnectionIsAFailedAttempt() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    AttemptResult r = post(new HttpWebhookSender(true), "http://127.0.0.1:" + closed + "/hook");
    assertNull(r.statusCode());
    assertTrue(r.error().contains("refused"), r.error());
  }

  @Test
  void aDeliveryCarriesItsHeadersJsonBodyAndTheUserAgent() {
    java.util.concurrent.atomic.AtomicReference<String> seen =
        new java.util.concurrent.atomic.AtomicReference<>();
    server.createContext(
        "/headers",
        x -> {
          String body = new String(x.getRequestBody().readAllBytes());
          seen.set(
              x.getRequestMethod()
                  + " "
                  + x.getRequestHeaders().getFirst("User-Agent")
                  + " "
                  + x.getRequestHeaders().get("Content-Type")
                  + " "
                  + x.getRequestHeaders().getFirst("webhook-id")
                  + " "
                  + body);
          x.sendResponseHeaders(204, -1);
          x.close();
        });
    AttemptResult r =
        new HttpWebhookSender(true)
            .post(
                URI.create(base + "/headers"),
                Map.of("webhook-id", "evt_1", "content-type", "application/json"),
                "{\"a\":1}");
    assertEquals(204, r.statusCode());
    assertEquals("POST Ticketdesk-Webhooks/1 [application/json] evt_1 {\"a\":1}", seen.get());
  }

  @Test
  void a2xxSucceeds() {
    assertTrue(post(new HttpWebhookSender(true), base + "/ok").succeeded());
  }

  @Test
  void aBatchIsSentConcurrentlyButNeverMoreThanTheCapInFlight() {
    HttpWebhookSender s = new HttpWebhookSender(true);
    int n = HttpWebhookSender.MAX_IN_FLIGHT * 2 + 10;
    long start = System.nanoTime();
    List<CompletableFuture<AttemptResult>> sent =
        IntStream.range(0, n)
            .mapToObj(
                i -> s.postAsync(URI.create(base + "/busy"), Map.of("webhook-id", "e" + i), "{}"))
            .toList();
    List<AttemptResult> results = sent.stream().map(CompletableFuture::join).toList();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(results.stream().allMatch(AttemptResult::succeeded), results.toString());
    assertTrue(mostBusy.get() > 1, "requests overlapped: " + mostBusy.get());
    assertTrue(
        mostBusy.get() <= HttpWebhookSender.MAX_IN_FLIGHT, "at most the cap: " + mostBusy.get());
    assertTrue(millis < n * 50L, "faster than one after the other: " + millis + " ms");
  }

  /**
   * A ticket's next event is sent when the previous attempt's future completes, on the sender's I/O
   * thread: sending from there must not wait for that thread (a chain of 200 one after the other,
   * each begun from the completion of the one before, all answered).
   */
  @Test
  void anAttemptBegunWhereThePreviousOneCompletedIsSentToo() {
    HttpWebhookSender s = new HttpWebhookSender(true);
    URI ok = URI.create(base + "/ok");
    CompletableFuture<Integer> chain = CompletableFuture.completedFuture(0);
    for (int i = 0; i < 200; i++) {
      chain =
          chain.thenCompose(
              n ->
                  s.postAsync(ok, Map.of("webhook-id", "e" + n), "{}")
                      .thenApply(r -> r.succeeded() ? n + 1 : n));
    }
    assertEquals(200, chain.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join());
    s.close();
  }

  /**
   * A thousand attempts start no thread of the sender's: they are written and read on its one I/O
   * thread (a thread per delivery was the JDK client's {@code sendAsync} below three cores; a
   * thread per attempt in flight, up to {@link HttpWebhookSender#MAX_IN_FLIGHT}, the blocking
   * client's). The receiver here starts at most its four.
   */
  @Test
  void aThousandAttemptsStartNoThreadForTheirSending() throws Exception {
    HttpServer quiet = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    quiet.createContext(
        "/ok",
        x -> {
          x.getRequestBody().readAllBytes();
          x.sendResponseHeaders(204, -1);
          x.close();
        });
    java.util.concurrent.ExecutorService four =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    quiet.setExecutor(four);
    quiet.start();
    try {
      HttpWebhookSender s = new HttpWebhookSender(true);
      URI ok = URI.create("http://127.0.0.1:" + quiet.getAddress().getPort() + "/ok");
      s.post(ok, Map.of("webhook-id", "warm"), "{}"); // the client's own threads, the server's
      var threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long before = threads.getTotalStartedThreadCount();
      List<CompletableFuture<AttemptResult>> sent =
          IntStream.range(0, 1_000)
              .mapToObj(i -> s.postAsync(ok, Map.of("webhook-id", "e" + i), "{}"))
              .toList();
      assertTrue(sent.stream().map(CompletableFuture::join).allMatch(AttemptResult::succeeded));
      long started = threads.getTotalStartedThreadCount() - before;
      assertTrue(started <= 4, "threads started for 1,000 attempts: " + started);
    } finally {
      quiet.stop(0);
      four.shutdownNow();
    }
  }
}
