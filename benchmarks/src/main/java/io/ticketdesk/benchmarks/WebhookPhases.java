package io.ticketdesk.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Webhooks off and on by turns within one run of one server, so that a comparison of the two does
 * not rest on two runs whose JIT, PostgreSQL state and neighbours differ (on 2 shared cores two
 * identical runs differ by ±20 %, more than the webhooks' cost). The measured part is cut into
 * phases of equal length, off first; at each phase's start the endpoint is switched by {@code PATCH
 * /webhook-endpoints/{id}}: on, it takes every event type; off, only {@code return_label.created},
 * which no request of the load causes, so no delivery is made, as with no endpoint (the fan-out
 * reads the events either way). The first seconds of a phase ({@code settle}: deliveries of the
 * last phase still in flight) are not counted. Each phase also records the CPU seconds of the
 * watched processes, of PostgreSQL's and of the whole machine over its counted part.
 */
final class WebhookPhases {
  static final String ALL_TYPES =
      "\"ticket.opened\",\"ticket.message_created\",\"ticket.status_changed\","
          + "\"ticket.escalated\",\"ticket.handed_back\",\"ticket.reason_changed\","
          + "\"ticket.closed\",\"ticket.deadline_approaching\",\"ticket.overdue\","
          + "\"order_unit.refunded\",\"order_unit.cancelled\",\"return_policy.breached\","
          + "\"return_label.created\"";
  static final String NONE_OF_THE_LOAD = "\"return_label.created\"";
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private final long phaseNanos;
  private final long settleNanos;
  private final int count;
  private final List<Histogram> latencies = new ArrayList<>();
  private final List<Map<String, Long>> cpuFrom = new ArrayList<>();
  private final List<Map<String, Long>> cpuTo = new ArrayList<>();
  private final AtomicLongArray switchStatus;

  WebhookPhases(Duration phase, Duration settle, Duration measured) {
    if (settle.compareTo(phase) >= 0) {
      throw new IllegalArgumentException("the settle time must be shorter than a phase");
    }
    this.phaseNanos = phase.toNanos();
    this.settleNanos = settle.toNanos();
    this.count = (int) (measured.toNanos() / phaseNanos);
    if (count < 2) {
      throw new IllegalArgumentException("the measured duration holds fewer than two phases");
    }
    for (int i = 0; i < count; i++) {
      latencies.add(new ConcurrentHistogram(60_000_000L, 3));
      cpuFrom.add(Map.of());
      cpuTo.add(Map.of());
    }
    switchStatus = new AtomicLongArray(count);
  }

  int count() {
    return count;
  }

  /**
   * Phase 0 is off, 1 on, 2 off, … An odd number of phases begins and ends off, so that the on
   * phases lie, on average, at the same time into the run as the off ones, and a drift over the run
   * (an autovacuum of the tickets late in it, say) weighs on both alike.
   */
  static boolean on(int phase) {
    return phase % 2 == 1;
  }

  /**
   * The phase a request counts in, by its start and end relative to the measured part's start; -1
   * when it starts within a phase's settle time, ends in another phase or lies outside them all.
   */
  int phaseOf(long sinceStart, long endSinceStart) {
    if (sinceStart < 0) {
      return -1;
    }
    long phase = sinceStart / phaseNanos;
    long from = phase * phaseNanos;
    if (phase >= count || sinceStart - from < settleNanos || endSinceStart > from + phaseNanos) {
      return -1;
    }
    return (int) phase;
  }

  /** The status of the {@code PATCH} that switched the endpoint at the phase's start. */
  void switched(int phase, long status) {
    switchStatus.set(phase, status);
  }

  void record(int phase, long micros) {
    latencies.get(phase).recordValue(Math.min(micros, 60_000_000L));
  }

  /**
   * A thread that switches the endpoint at each phase's start (from {@code measureFrom}, a {@link
   * System#nanoTime()}) and samples the CPU after its settle time and just before its end.
   */
  Thread start(
      long measureFrom, String baseUrl, String token, long endpoint, Map<String, Long> watched) {
    Thread t =
        new Thread(
            () -> {
              for (int i = 0; i < count; i++) {
                long from = measureFrom + i * phaseNanos;
                sleepUntil(from);
                switched(i, patch(baseUrl, token, endpoint, on(i)));
                sleepUntil(from + settleNanos);
                cpuFrom.set(i, cpu(watched));
                sleepUntil(from + phaseNanos - 200_000_000L);
                cpuTo.set(i, cpu(watched));
              }
            },
            "webhook-phases");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void sleepUntil(long nanoTime) {
    long wait;
    while ((wait = nanoTime - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  /**
   * The status of the switch's {@code PATCH}, -1 when three tries failed. Each try on a new
   * connection: a connection kept from the last switch, a phase ago, may have been closed by the
   * server's idle timeout just as it is reused.
   */
  private static long patch(String baseUrl, String token, long endpoint, boolean on) {
    String body = "{\"events\":[" + (on ? ALL_TYPES : NONE_OF_THE_LOAD) + "]}";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/webhook-endpoints/" + endpoint))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(10))
            .build();
    for (int attempt = 0; attempt < 3; attempt++) {
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      try {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException e) {
        System.err.println("webhook-phases: switching the endpoint failed: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }
    return -1;
  }

  /**
   * CPU ticks (user + system) by name: each watched process, "postgresql" (every process named
   * postgres; one that exited within the phase, an autovacuum worker, is missed) and "busy" (the
   * machine: user, nice, system, irq, softirq).
   */
  static Map<String, Long> cpu(Map<String, Long> watched) {
    Map<String, Long> ticks = new LinkedHashMap<>();
    watched.forEach((name, pid) -> ticks.put(name, processTicks(Path.of("/proc", "" + pid))));
    long pg = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        if (p.getFileName().toString().chars().allMatch(Character::isDigit)
            && "postgres".equals(read(p.resolve("comm")).strip())) {
          pg += processTicks(p);
        }
      }
    } catch (IOException e) {
      pg = -1;
    }
    ticks.put("postgresql", pg);
    String[] cpu = read(Path.of("/proc/stat")).lines().findFirst().orElse("").split("\\s+");
    ticks.put(
        "busy",
        cpu.length > 7
            ? Long.parseLong(cpu[1])
                + Long.parseLong(cpu[2])
                + Long.parseLong(cpu[3])
                + Long.parseLong(cpu[6])
                + Long.parseLong(cpu[7])
            : -1);
    return ticks;
  }

  private static long processTicks(Path proc) {
    String stat = read(proc.resolve("stat"));
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return 0;
    }
    String[] f = stat.substring(close + 2).split(" "); // f[0] is field 3 (state)
    return f.length > 12 ? Long.parseLong(f[11]) + Long.parseLong(f[12]) : 0;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** The phases, then off against on: throughput, and CPU per request of each process. */
  void report(PrintStream out, String scenario) {
    double counted = (phaseNanos - settleNanos - 200_000_000L) / 1e9;
    out.printf(
        Locale.ROOT,
        "%nwebhooks off and on by turns, %s: %d phases of %.1f s, the first %.1f s of each not"
            + " counted%n",
        scenario,
        count,
        phaseNanos / 1e9,
        settleNanos / 1e9);
    List<String> names = new ArrayList<>(cpuTo.get(0).keySet());
    StringBuilder head = new StringBuilder();
    names.forEach(n -> head.append(String.format(Locale.ROOT, " %12s", n + " ms")));
    out.printf(
        Locale.ROOT,
        "%-6s %-4s %6s %9s %8s%s%n",
        "phase",
        "hook",
        "switch",
        "req/s",
        "p99 ms",
        head);
    double[] requests = new double[2];
    int[] phases = new int[2];
    double[][] cpuMs = new double[2][names.size()];
    List<Double> changes = new ArrayList<>();
    double[] rates = new double[count];
    boolean[] valid = new boolean[count];
    for (int i = 0; i < count; i++) {
      rates[i] = latencies.get(i).getTotalCount() / ((phaseNanos - settleNanos) / 1e9);
      valid[i] = switchStatus.get(i) / 100 == 2;
    }
    for (int i = 0; i < count; i++) {
      Histogram h = latencies.get(i);
      double rate = h.getTotalCount() / ((phaseNanos - settleNanos) / 1e9);
      int side = on(i) ? 1 : 0;
      boolean switched = switchStatus.get(i) / 100 == 2;
      if (switched) { // a phase whose switch failed kept the last phase's state: left out
        requests[side] += rate;
        phases[side]++;
        double beside = 0; // the off phases before and after it that were switched
        int n = 0;
        for (int j : new int[] {i - 1, i + 1}) {
          if (on(i) && j >= 0 && j < count && valid[j]) {
            beside += rates[j];
            n++;
          }
        }
        if (n > 0) {
          changes.add(rate / (beside / n) - 1);
        }
      }
      StringBuilder cpu = new StringBuilder();
      for (int n = 0; n < names.size(); n++) {
        long ticks =
            cpuTo.get(i).getOrDefault(names.get(n), 0L)
                - cpuFrom.get(i).getOrDefault(names.get(n), 0L);
        double perRequest =
            h.getTotalCount() == 0 ? 0 : ticks * 1000.0 / TICKS_PER_SECOND / (rate * counted);
        if (switched) {
          cpuMs[side][n] += perRequest;
        }
        cpu.append(String.format(Locale.ROOT, " %12.3f", perRequest));
      }
      out.printf(
          Locale.ROOT,
          "%-6d %-4s %6d %9.0f %8.2f%s%n",
          i,
          !switched ? "?" : on(i) ? "on" : "off",
          switchStatus.get(i),
          rate,
          h.getValueAtPercentile(99) / 1000.0,
          cpu);
    }
    if (phases[0] == 0 || phases[1] == 0 || changes.isEmpty()) {
      out.println("no comparison: too few phases were switched");
      return;
    }
    double off = requests[0] / phases[0];
    double on = requests[1] / phases[1];
    List<Double> sorted = new ArrayList<>(changes);
    sorted.sort(Double::compare);
    double median =
        sorted.size() % 2 == 1
            ? sorted.get(sorted.size() / 2)
            : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    out.printf(
        Locale.ROOT,
        "off %.0f req/s, on %.0f req/s: %+.1f %% (mean of %d and %d phases); each on phase against"
            + " the off phases beside it: median %+.1f %%, from %+.1f to %+.1f %%%n",
        off,
        on,
        (on / off - 1) * 100,
        phases[0],
        phases[1],
        median * 100,
        sorted.get(0) * 100,
        sorted.get(sorted.size() - 1) * 100);
    StringBuilder cpu = new StringBuilder("CPU per request, off → on (ms):");
    for (int n = 0; n < names.size(); n++) {
      cpu.append(
          String.format(
              Locale.ROOT,
              " %s %.3f → %.3f;",
              names.get(n),
              cpuMs[0][n] / phases[0],
              cpuMs[1][n] / phases[1]));
    }
    out.println(cpu.substring(0, cpu.length() - 1));
  }
}
