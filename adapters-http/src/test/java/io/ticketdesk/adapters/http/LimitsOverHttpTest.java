package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protective limits: per-token rate limit and the idle timeout of silent clients. */
class LimitsOverHttpTest {
  @Test
  void aTokenOverItsRateGets429WithRetryAfterWhileOtherTokensAreServed() {
    try (TestApp app = new TestApp(d -> d, new HttpLimits(1, 3, Duration.ofSeconds(30)))) {
      long seller = app.registerSeller("Rack GmbH", "de");
      String busy = app.token("seller", seller, null);
      String calm = app.token("seller", seller, null);
      for (int i = 0; i < 3; i++) {
        assertEquals(200, app.api.get("/api/v1/tickets", busy).status());
      }
      var limited = assertProblem(app.api.get("/api/v1/tickets", busy), 429, "rate-limited");
      assertEquals("1", limited.header("Retry-After").orElseThrow());
      assertEquals(200, app.api.get("/api/v1/tickets", calm).status());
      assertEquals(200, app.api.get("/health", null).status(), "operations are not limited");
    }
  }

  @Test
  void aSilentClientsConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    try (TestApp app = new TestApp(d -> d, new HttpLimits(0, 0, Duration.ofMillis(500)))) {
      int port = Integer.parseInt(app.api.base().substring(app.api.base().lastIndexOf(':') + 1));
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes());
        long start = System.nanoTime();
        InputStream in = socket.getInputStream();
        while (in.read() != -1) {
          // Jetty may answer 408 before it closes; read until the connection ends
        }
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waited < 8_000, "closed after " + waited + " ms");
      }
    }
  }

  @Test
  void aBoundedThreadPoolServesMoreConcurrentClientsThanItHasThreads() throws Exception {
    try (TestApp app =
        new TestApp(d -> d, new HttpLimits(0, 0, Duration.ofSeconds(30), HttpLimits.MIN_THREADS))) {
      long seller = app.registerSeller("Rack GmbH", "de");
      String token = app.token("seller", seller, null);
      var pool = java.util.concurrent.Executors.newFixedThreadPool(32);
      try {
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          answers.add(pool.submit(() -> app.api.get("/api/v1/tickets", token).status()));
        }
        for (var answer : answers) {
          assertEquals(200, answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }
      assertTrue(
          Thread.getAllStackTraces().keySet().stream()
                  .filter(t -> t.getName().startsWith("JettyServerThreadPool"))
                  .count()
              <= HttpLimits.MIN_THREADS,
          "the server's threads stay within the bound");
    }
  }

  @Test
  void aThreadBoundBelowWhatJettyNeedsIsRefused() {
    for (int threads : new int[] {-1, 1, HttpLimits.MIN_THREADS - 1}) {
      var e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class,
              () -> new HttpLimits(0, 0, Duration.ofSeconds(30), threads));
      assertTrue(e.getMessage().contains("at least " + HttpLimits.MIN_THREADS), e.getMessage());
    }
    assertEquals(0, new HttpLimits(0, 0, Duration.ofSeconds(30)).threads(), "Jetty's default");
  }
}
