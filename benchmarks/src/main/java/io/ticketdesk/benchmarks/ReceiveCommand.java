package io.ticketdesk.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
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
    Delivery handler =
        (id, body) -> {
          long now = System.currentTimeMillis();
          received.incrementAndGet();
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
        };
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress("127.0.0.1", port), 256);
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  Thread t = new Thread(() -> serve(s, handler), "receive-" + s.getPort());
                  t.setDaemon(true);
                  t.start();
                } catch (IOException e) {
                  return; // closed
                }
              }
            },
            "receive-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    System.out.println("receiving webhooks on http://127.0.0.1:" + port + "/");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (IOException e) {
                    // stopping anyway
                  }
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

  /** One delivery: its {@code webhook-id} header and its body. */
  interface Delivery {
    void accept(String id, byte[] body);
  }

  /**
   * One connection of the sender, kept alive: each request (its headers, then {@code
   * Content-Length} bytes of body) handed to {@code handler}, then answered {@code 204} at once. A
   * plain socket rather than an HTTP server library: the receiver shares the benchmark machine's
   * cores with the system it measures, and this is all a webhook receiver has to do.
   */
  static void serve(Socket socket, Delivery handler) {
    try (socket;
        InputStream in = new BufferedInputStream(socket.getInputStream(), 16_384);
        OutputStream out = socket.getOutputStream()) {
      socket.setTcpNoDelay(true);
      while (true) {
        String line = readLine(in);
        if (line == null) {
          return;
        }
        if (line.isEmpty()) {
          continue;
        }
        int length = 0;
        String id = null;
        boolean close = false;
        for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
          int colon = h.indexOf(':');
          if (colon < 0) {
            continue;
          }
          String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
          String value = h.substring(colon + 1).trim();
          switch (name) {
            case "content-length" -> length = Integer.parseInt(value);
            case "webhook-id" -> id = value;
            case "connection" -> close = value.equalsIgnoreCase("close");
            default -> {}
          }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
          return;
        }
        handler.accept(id, body); // first: its arrival time is the lag's end
        out.write(NO_CONTENT);
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the sender closed the connection, or sent what is not HTTP: this connection ends
    }
  }

  private static final byte[] NO_CONTENT =
      "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** A header line without its CRLF, or null at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
      }
      b.append((char) c);
    }
    return b.length() == 0 ? null : b.toString();
  }
}
