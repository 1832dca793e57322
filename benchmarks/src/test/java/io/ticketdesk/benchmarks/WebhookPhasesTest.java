package io.ticketdesk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's webhooks off/on comparison within one run ({@code --webhook-phases}). */
class WebhookPhasesTest {
  @TempDir Path dir;

  @Test
  void aRequestCountsInItsPhaseOnlyAfterTheSettleTimeAndWhenItEndsThere() {
    WebhookPhases p =
        new WebhookPhases(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(40));
    long s = 1_000_000_000L;
    assertEquals(4, p.count());
    assertEquals(-1, p.phaseOf(-1, 1), "warm-up");
    assertEquals(-1, p.phaseOf(1 * s, 1 * s + 5), "settle time of phase 0");
    assertEquals(0, p.phaseOf(2 * s, 3 * s));
    assertEquals(-1, p.phaseOf(9 * s, 11 * s), "ends in the next phase");
    assertEquals(1, p.phaseOf(12 * s, 13 * s));
    assertEquals(3, p.phaseOf(39 * s, 40 * s));
    assertEquals(-1, p.phaseOf(40 * s, 41 * s), "after the last phase");
    assertTrue(!WebhookPhases.on(0) && WebhookPhases.on(1) && !WebhookPhases.on(2));
  }

  @Test
  void phasesThatDoNotFitAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new WebhookPhases(
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(5)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new WebhookPhases(
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(59)));
  }

  @Test
  void theReportComparesEachOnPhaseWithTheOffPhasesBesideIt() {
    // per 0.8 s counted: 100, 90, 110, 95 req/s: phase 1 against 105, phase 3 against 110
    String report = report(new int[] {80, 72, 88, 76}, new long[] {200, 200, 200, 200});
    assertTrue(report.contains("4 phases of 1.0 s, the first 0.2 s"), report);
    assertTrue(
        report.contains("off 105 req/s, on 93 req/s: -11.9 % (mean of 2 and 2 phases)")
            && report.contains("median -14.0 %, from -14.3 to -13.6 %"),
        report);
  }

  @Test
  void aPhaseWhoseSwitchFailedIsLeftOutOfTheComparison() {
    // phase 2 stayed on: the switch off failed
    String report = report(new int[] {80, 72, 40, 76}, new long[] {200, 200, -1, 200});
    assertTrue(report.contains("\n2      ?   "), report);
    assertTrue(
        report.contains("off 100 req/s, on 93 req/s: -7.5 % (mean of 1 and 2 phases)")
            && report.contains("median -10.0 %, from -10.0 to -10.0 %"),
        report);
  }

  /** The report of four phases of 1 s (0.2 s settle) with these requests and switch statuses. */
  private static String report(int[] counts, long[] statuses) {
    WebhookPhases p =
        new WebhookPhases(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(4));
    for (int phase = 0; phase < counts.length; phase++) {
      p.switched(phase, statuses[phase]);
      for (int i = 0; i < counts[phase]; i++) {
        p.record(phase, 1_000 + i);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    p.report(new PrintStream(bytes, true, StandardCharsets.UTF_8), "reply");
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theDriverSwitchesTheEndpointOffThenOnWithTheMarketplacesToken() throws Exception {
    Path manifest = dir.resolve("manifest.tsv");
    Manifest m = new Manifest();
    m.marketplaceToken = "mp-token";
    m.sellerTokens.put(1L, "seller-token");
    m.sellerTickets.put(1L, 1L);
    m.buyerTokens.put(1L, "buyer-token");
    m.tickets.add(
        new Manifest.Ticket(
            "00100000001",
            1,
            1,
            "ORD-1",
            "open",
            "seller",
            "delivery",
            java.time.Instant.parse("2026-11-02T09:00:00Z"),
            false,
            "question",
            null,
            "EUR",
            List.of(new Manifest.Unit(1, 1999))));
    m.write(manifest);
    List<String> patches = new CopyOnWriteArrayList<>();
    HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          if (ex.getRequestMethod().equals("PATCH")) {
            patches.add(
                ex.getRequestURI().getPath()
                    + " "
                    + ex.getRequestHeaders().getFirst("Authorization")
                    + " "
                    + (body.contains("ticket.message_created") ? "on" : "off"));
          }
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    stub.start();
    try {
      int rc =
          Main.commandLine()
              .execute(
                  "load",
                  "--base-url",
                  "http://127.0.0.1:" + stub.getAddress().getPort(),
                  "--manifest",
                  manifest.toString(),
                  "--scenario",
                  "lookup",
                  "--concurrency",
                  "2",
                  "--warmup",
                  "0s",
                  "--duration",
                  "2s",
                  "--webhook-phases",
                  "500ms",
                  "--webhook-settle",
                  "100ms",
                  "--webhook-endpoint",
                  "42");
      assertEquals(0, rc);
      String e = "/api/v1/webhook-endpoints/42 Bearer mp-token ";
      assertEquals(List.of(e + "off", e + "on", e + "off", e + "on"), patches);
    } finally {
      stub.stop(0);
    }
  }

  @Test
  void theCpuOfAWatchedProcessAndOfTheMachineIsRead() {
    Map<String, Long> ticks = WebhookPhases.cpu(Map.of("me", ProcessHandle.current().pid()));
    assertTrue(ticks.get("me") > 0 && ticks.get("busy") > 0, ticks.toString());
    assertTrue(ticks.containsKey("postgresql"), ticks.toString());
  }
}
