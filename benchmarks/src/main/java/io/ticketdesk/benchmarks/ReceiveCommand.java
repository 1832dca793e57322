package io.ticketdesk.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A webhook receiver that keeps up: answers every delivery 204 at once and records its delivery lag
 * (arrival minus the event's {@code occurredAt}, the commit's time on the same machine's clock) and
 * duplicates; writes the percentiles when it is stopped (SIGTERM) or after {@code --for}.
 */
@Command(
    name = "receive",
    mixinStandardHelpOptions = true,
    description = "Receive webhook deliveries on a local port and report the delivery lag.")
final class ReceiveCommand implements Callable<Integer> {
  private static final Pattern OCCURRED = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");

  @Option(names = "--port", defaultValue = "7090")
  int port;

  @Option(names = "--out", description = "Where to write the summary (also printed).")
  Path out;

  @Option(
      names = "--skip-seconds",
      defaultValue = "0",
      description = "Deliveries in the first seconds (the warm-up) are not counted.")
  long skipSeconds;

  @Override
  public Integer call() throws Exception {
    Histogram lag = new Histogram(3_600_000L, 3);
    AtomicLong received = new AtomicLong();
    AtomicLong counted = new AtomicLong();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    AtomicLong duplicates = new AtomicLong();
    long start = System.currentTimeMillis();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    // No executor: each delivery is answered on the server's dispatcher thread, without handing it
    // to a pool thread. The receiver shares the benchmark machine's cores with the system it
    // measures, and a delivery is answered in microseconds, so one thread keeps up and costs least.
    server.setExecutor(null);
    server.createContext(
        "/",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          long now = System.currentTimeMillis();
          ex.sendResponseHeaders(204, -1);
          ex.close();
          received.incrementAndGet();
          String id = ex.getRequestHeaders().getFirst("webhook-id");
          if (id != null && !seen.add(id)) {
            duplicates.incrementAndGet();
          }
          Matcher m = OCCURRED.matcher(new String(body, StandardCharsets.UTF_8));
          if (m.find() && now - start >= skipSeconds * 1000) {
            long ms = Math.max(0, now - Instant.parse(m.group(1)).toEpochMilli());
            synchronized (lag) {
              lag.recordValue(Math.min(ms, lag.getHighestTrackableValue()));
            }
            counted.incrementAndGet();
          }
        });
    server.start();
    System.out.println("receiving webhooks on http://127.0.0.1:" + port + "/");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop(0);
                  String summary;
                  synchronized (lag) {
                    summary =
                        String.format(
                            "webhooks: received=%d counted=%d duplicates=%d lag_ms p50=%d p95=%d"
                                + " p99=%d max=%d%n",
                            received.get(),
                            counted.get(),
                            duplicates.get(),
                            lag.getValueAtPercentile(50),
                            lag.getValueAtPercentile(95),
                            lag.getValueAtPercentile(99),
                            lag.getMaxValue());
                  }
                  System.out.print(summary);
                  if (out != null) {
                    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
                      w.print(summary);
                    } catch (java.io.IOException e) {
                      System.err.println("cannot write " + out + ": " + e);
                    }
                  }
                }));
    Thread.currentThread().join(); // until SIGTERM
    return 0;
  }
}
