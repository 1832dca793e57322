package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow plugin harms only itself. The real fat jar loads the example carrier (healthy) and a
 * carrier whose every call sleeps 60 s; the healthy carrier's label requests are measured alone,
 * then while 90 clients keep calling the sleeping one, first honouring Retry-After, then retrying
 * at once. Prints the figures recorded in docs/plugins.md; asserts outcomes, not timings: every
 * healthy label is made, and the sleeping plugin's callers get 503 carrier-busy or 504
 * carrier-timed-out, the busy ones before its timeout.
 *
 * <p>Run alone: {@code ./mvnw -B -q -pl app -am verify -Dit.test=PluginIsolationIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
class PluginIsolationIT {
  private static final int FLOODERS = 90;
  private static final int WARM_UP = 100;
  private static final int MEASURED = 400;
  private static final Duration SLEEPY_TIMEOUT = Duration.ofSeconds(10);

  private static final String SLEEPY =
      """
      package sleepy;
      import io.ticketdesk.plugin.api.*;
      import java.util.List;
      public final class SleepyPlugin implements TicketdeskPlugin {
        public String name() { return "sleepy"; }
        public String apiVersion() { return API_VERSION; }
        public List<ReturnLabelProvider> returnLabelProviders(PluginContext context) {
          return List.of(new ReturnLabelProvider() {
            public String carrier() { return "sleepy-post"; }
            public boolean supports(String s, String f, String t) { return true; }
            public ReturnLabel createLabel(ReturnLabelRequest r) {
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
              }
              return ReturnLabel.ofUrl(carrier(), "SL1", "https://sleepy.example/l.pdf");
            }
          });
        }
      }
      """;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dataDir;

  @Test
  void aSaturatedSleepingPluginLeavesTheHealthyPluginsLatencyAlone() throws Exception {
    Path plugins = Files.createDirectories(dataDir.resolve("plugins"));
    Files.copy(PluginFixture.examplePluginJar(), plugins.resolve("example-carrier.jar"));
    PluginFixture.compilePlugin(
        dataDir.resolve("build"), "sleepy.SleepyPlugin", SLEEPY, plugins.resolve("sleepy.jar"));
    Map<String, String> env =
        Map.of(
            "TICKETDESK_DATA_DIR",
            dataDir.toString(),
            "TICKETDESK_ADMIN_TOKEN",
            PluginFixture.ADMIN,
            "TICKETDESK_CLOCK",
            "2026-02-10T09:00:00Z",
            "TICKETDESK_RATE_LIMIT",
            "0",
            "TICKETDESK_PLUGIN_TIMEOUT",
            SLEEPY_TIMEOUT.toSeconds() + "s",
            "TICKETDESK_PLUGIN_EXAMPLE_CARRIER_LABEL_BASE_URL",
            "https://labels.example.org/r/");
    try (RunningJar jar = new RunningJar(env)) {
      PluginFixture.Ticket ticket = PluginFixture.Ticket.open(jar);
      HttpRequest healthy = label(jar, ticket, "example-post");
      HttpRequest sleepy = label(jar, ticket, "sleepy-post");

      measure(healthy, WARM_UP);
      long[] alone = measure(healthy, MEASURED);

      Flood polite = Flood.start(sleepy, true);
      Thread.sleep(2_000); // every slot of the sleeping plugin taken, the rest refused
      long[] withPolite = measure(healthy, MEASURED);
      polite.stop();
      Flood eager = Flood.start(sleepy, false);
      Thread.sleep(2_000);
      long[] withEager = measure(healthy, MEASURED);
      eager.stop();

      System.out.printf(
          "PluginIsolationIT: healthy plugin label requests (%d sequential, after %d warm-up)%n"
              + "  alone:                                 %s%n"
              + "  %d clients on the sleeping plugin, honouring Retry-After: %s%n"
              + "    sleeping plugin's answers: %s%n"
              + "  %d clients on the sleeping plugin, retrying at once:      %s%n"
              + "    sleeping plugin's answers: %s%n",
          MEASURED,
          WARM_UP,
          figures(alone),
          FLOODERS,
          figures(withPolite),
          polite,
          FLOODERS,
          figures(withEager),
          eager);

      for (Flood flood : List.of(polite, eager)) {
        assertEquals(List.of(), List.copyOf(flood.unexpected), "only busy and timed_out");
        assertTrue(flood.busy.size() >= FLOODERS / 2, "most callers were refused: " + flood);
        assertTrue(
            flood.busy.stream().allMatch(ms -> ms < SLEEPY_TIMEOUT.toMillis()),
            "busy is answered without waiting for the timeout: " + flood);
      }
      jar.call("GET", "/health", null, null, 200);
    }
  }

  /** {@value #FLOODERS} clients calling the sleeping plugin until stopped. */
  private static final class Flood {
    final AtomicBoolean running = new AtomicBoolean(true);
    final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Long> busy = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    final List<Thread> clients = new ArrayList<>();

    /**
     * With {@code polite}, a client waits Retry-After seconds after a 503 before it calls again.
     */
    static Flood start(HttpRequest request, boolean polite) {
      Flood flood = new Flood();
      for (int i = 0; i < FLOODERS; i++) {
        Thread t = new Thread(() -> flood.call(request, polite));
        t.start();
        flood.clients.add(t);
      }
      return flood;
    }

    private void call(HttpRequest request, boolean polite) {
      try {
        while (running.get()) {
          long start = System.nanoTime();
          HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
          long millis = (System.nanoTime() - start) / 1_000_000;
          statuses.computeIfAbsent(r.statusCode(), s -> new LongAdder()).increment();
          var retryAfter = r.headers().firstValue("Retry-After");
          if (r.statusCode() == 503
              && r.body().contains("/problems/carrier-busy\"")
              && retryAfter.isPresent()) {
            busy.add(millis);
            if (polite) {
              long until = System.nanoTime() + Long.parseLong(retryAfter.get()) * 1_000_000_000L;
              while (running.get() && System.nanoTime() < until) {
                Thread.sleep(50);
              }
            }
          } else if (!(r.statusCode() == 504
              && r.body().contains("/problems/carrier-timed-out\""))) {
            unexpected.add(r.statusCode() + " " + r.body());
          }
        }
      } catch (Exception e) {
        unexpected.add(e.toString());
      }
    }

    void stop() throws InterruptedException {
      running.set(false);
      for (Thread t : clients) {
        t.join(SLEEPY_TIMEOUT.toMillis() + 10_000);
      }
    }

    @Override
    public String toString() {
      long[] ms = busy.stream().mapToLong(Long::longValue).sorted().toArray();
      return statuses
          + (ms.length == 0
              ? ""
              : String.format(
                  "; carrier-busy answered in p50 %d ms, p99 %d ms, max %d ms",
                  ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.99) - 1], ms[ms.length - 1]));
    }
  }

  private static String figures(long[] sortedMicros) {
    return String.format(
        "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
        pct(sortedMicros, 50), pct(sortedMicros, 99), pct(sortedMicros, 100));
  }

  private static HttpRequest label(RunningJar jar, PluginFixture.Ticket ticket, String carrier) {
    return HttpRequest.newBuilder(URI.create(jar.base + ticket.labels()))
        .header("Authorization", "Bearer " + ticket.sellerToken())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"carrier\":\"" + carrier + "\"}"))
        .timeout(Duration.ofSeconds(60))
        .build();
  }

  /**
   * Latencies in microseconds of {@code n} sequential requests, each of which must make a label.
   */
  private static long[] measure(HttpRequest request, int n) throws Exception {
    long[] micros = new long[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      micros[i] = (System.nanoTime() - start) / 1_000;
      assertEquals(201, r.statusCode(), r.body());
    }
    Arrays.sort(micros);
    return micros;
  }

  private static double pct(long[] sortedMicros, int percentile) {
    int index = (int) Math.ceil(sortedMicros.length * percentile / 100.0) - 1;
    return sortedMicros[Math.max(0, index)] / 1000.0;
  }
}
