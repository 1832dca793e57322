package io.ticketdesk.benchmarks;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A closed-loop HTTP load driver: N workers, each sends its next request when the last returns. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = "Drive the running server with closed-loop HTTP load and print percentiles.")
final class LoadCommand implements Callable<Integer> {
  @Option(names = "--base-url", defaultValue = "http://localhost:7070")
  String baseUrl;

  @Option(names = "--manifest", defaultValue = "bench-manifest.tsv")
  Path manifest;

  @Option(names = "--concurrency", defaultValue = "16")
  int concurrency;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      description = "Measured time per scenario, e.g. 60s, 2m.")
  String duration;

  @Option(names = "--warmup", defaultValue = "15s", description = "Unmeasured time first.")
  String warmup;

  @Option(
      names = "--scenario",
      defaultValue = "all",
      split = ",",
      description = "all, lookup, search, inbox, filter, reply, refund")
  List<String> scenarios;

  @Option(
      names = "--client",
      defaultValue = "raw",
      description =
          "raw (default: one blocking HTTP/1.1 connection per worker, little CPU taken from a"
              + " co-located server) or jdk (java.net.http.HttpClient).")
  Client clientKind;

  /** The HTTP client of the workers. */
  enum Client {
    RAW,
    JDK
  }

  @Option(names = "--seed", defaultValue = "7")
  long seed;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description =
          "Requests per second over all workers (0: as fast as they go). Each worker paces its"
              + " sends to rate/concurrency a second, so the CPU per request can be compared at"
              + " one load below saturation, where the run-to-run noise of a saturated machine"
              + " does not decide.")
  int rate;

  @Option(names = "--out", description = "Also write the results as TSV (read by floor).")
  Path out;

  @Option(
      names = "--webhook-phases",
      description =
          "Switch the webhook endpoint --webhook-endpoint (the marketplace's) off and on by turns"
              + " in phases of this length over the measured part, and compare them (one"
              + " scenario only).")
  String webhookPhases;

  @Option(names = "--webhook-endpoint", description = "The endpoint --webhook-phases switches.")
  long webhookEndpoint;

  @Option(
      names = "--webhook-settle",
      defaultValue = "5s",
      description = "The first part of each phase, not counted (the last phase's deliveries).")
  String webhookSettle;

  @Option(
      names = "--watch",
      split = ",",
      description = "name=pid: processes whose CPU per request --webhook-phases reports.")
  Map<String, Long> watch = new java.util.LinkedHashMap<>();

  private WebhookPhases phases;

  /** The figures of one scenario. */
  record Result(
      String scenario,
      long requests,
      long errors,
      double seconds,
      Histogram histogram,
      Map<Integer, Long> unexpected) {
    double throughput() {
      return requests / seconds;
    }

    double ms(double percentile) {
      return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  @Override
  public Integer call() throws Exception {
    Manifest m = Manifest.read(manifest);
    List<Scenario> list = Scenario.parse(scenarios);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    if (webhookPhases != null && list.size() != 1) {
      throw new IllegalArgumentException("--webhook-phases measures one scenario");
    }
    phases =
        webhookPhases == null
            ? null
            : new WebhookPhases(parse(webhookPhases), parse(webhookSettle), parse(duration));
    List<Result> results = new ArrayList<>();
    for (Scenario scenario : list) {
      System.err.printf(
          "%s: %d workers, warm-up %s, measuring %s …%n",
          scenario.wire(), concurrency, warmup, duration);
      Result r = run(client, m, scenario);
      results.add(r);
      System.err.printf(
          "%s: %,.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d %s%n",
          scenario.wire(), r.throughput(), r.ms(50), r.ms(99), r.errors(), r.unexpected());
    }
    System.out.println();
    System.out.printf(
        "API, %d concurrent clients (%s HTTP client), %s measured after %s warm-up, base %s%n",
        concurrency,
        clientKind.name().toLowerCase(java.util.Locale.ROOT),
        duration,
        warmup,
        baseUrl);
    System.out.printf(
        "%-8s %10s %9s %9s %9s %9s %9s %8s%n",
        "scenario", "req/s", "p50 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms", "errors");
    for (Result r : results) {
      System.out.printf(
          "%-8s %10.0f %9.2f %9.2f %9.2f %9.2f %9.2f %8d%n",
          r.scenario(),
          r.throughput(),
          r.ms(50),
          r.ms(95),
          r.ms(99),
          r.ms(99.9),
          r.histogram().getMaxValue() / 1000.0,
          r.errors());
    }
    if (out != null) {
      write(out, results);
    }
    if (phases != null) {
      phases.report(System.out, list.get(0).wire());
    }
    return results.stream().anyMatch(r -> r.requests() == 0) ? 1 : 0;
  }

  static void write(Path file, List<Result> results) throws java.io.IOException {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      w.println("scenario\treq_per_s\tp50_ms\tp95_ms\tp99_ms\tmax_ms\terrors\trequests");
      for (Result r : results) {
        w.printf(
            java.util.Locale.ROOT,
            "%s\t%.1f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d%n",
            r.scenario(),
            r.throughput(),
            r.ms(50),
            r.ms(95),
            r.ms(99),
            r.histogram().getMaxValue() / 1000.0,
            r.errors(),
            r.requests());
      }
    }
  }

  Result run(HttpClient client, Manifest m, Scenario scenario) throws InterruptedException {
    List<Manifest.Ticket> targets = scenario.targets(m);
    if (targets.isEmpty()) {
      throw new IllegalStateException("no targets for " + scenario.wire() + " in the manifest");
    }
    if (scenario == Scenario.REPLY && targets.stream().anyMatch(t -> t.reason() == null)) {
      System.err.printf(
          "reply: the manifest (format %d) does not record the tickets' reasons: the seller's"
              + " replies offer no return option, and first responses to return requests will be"
              + " refused (422 return-option-required); generate the data set again%n",
          m.format());
    }
    long warmupNanos = parse(warmup).toNanos();
    long durationNanos = parse(duration).toNanos();
    long start = System.nanoTime();
    long measureFrom = start + warmupNanos;
    long measureTo = measureFrom + durationNanos;
    Histogram total = new Histogram(60_000_000L, 3);
    AtomicLong errors = new AtomicLong();
    Map<Integer, Long> unexpected = new TreeMap<>();
    List<Thread> workers = new ArrayList<>();
    List<Histogram> histograms = new ArrayList<>();
    SplittableRandom root = new SplittableRandom(seed ^ scenario.ordinal());
    long intervalNanos = rate > 0 ? 1_000_000_000L * concurrency / rate : 0;
    if (phases != null) {
      watch.putIfAbsent("driver", ProcessHandle.current().pid());
      phases.start(measureFrom, baseUrl, m.marketplaceToken, webhookEndpoint, watch);
    }
    for (int w = 0; w < concurrency; w++) {
      Histogram h = new Histogram(60_000_000L, 3);
      histograms.add(h);
      SplittableRandom random = root.split();
      Thread t =
          new Thread(
              () -> {
                RawHttpClient raw =
                    clientKind == Client.JDK ? null : new RawHttpClient(URI.create(baseUrl));
                long next = System.nanoTime();
                while (true) {
                  if (intervalNanos > 0) {
                    next += intervalNanos; // behind schedule: send at once, no catching up later
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                      java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    } else {
                      next = System.nanoTime();
                    }
                  }
                  Manifest.Ticket target = targets.get(random.nextInt(targets.size()));
                  HttpRequest request = scenario.request(baseUrl, m, target, random);
                  long t0 = System.nanoTime();
                  if (t0 >= measureTo) {
                    if (raw != null) {
                      raw.close();
                    }
                    return;
                  }
                  int status;
                  try {
                    status =
                        raw != null
                            ? raw.send(request)
                            : client
                                .send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                  } catch (Exception e) {
                    status = -1;
                  }
                  long t1 = System.nanoTime();
                  if (t0 >= measureFrom && t1 <= measureTo) {
                    h.recordValue(Math.max(1, (t1 - t0) / 1000));
                    int phase =
                        phases == null ? -1 : phases.phaseOf(t0 - measureFrom, t1 - measureFrom);
                    if (phase >= 0 && status == scenario.expectedStatus) {
                      phases.record(phase, Math.max(1, (t1 - t0) / 1000));
                    }
                    if (status != scenario.expectedStatus) {
                      errors.incrementAndGet();
                      synchronized (unexpected) {
                        unexpected.merge(status, 1L, Long::sum);
                      }
                    }
                  }
                }
              },
              "load-" + scenario.wire() + "-" + w);
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      t.join();
    }
    for (Histogram h : histograms) {
      total.add(h);
    }
    return new Result(
        scenario.wire(),
        total.getTotalCount(),
        errors.get(),
        durationNanos / 1e9,
        total,
        unexpected);
  }

  /** {@code 60s}, {@code 2m}, {@code 500ms} or ISO-8601 ({@code PT1M}). */
  static Duration parse(String text) {
    String s = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (s.startsWith("pt")) {
      return Duration.parse(s);
    } else if (s.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
    } else if (s.endsWith("s")) {
      return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
    } else if (s.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
    }
    return Duration.ofSeconds(Long.parseLong(s));
  }
}
