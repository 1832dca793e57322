package io.ticketdesk.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
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
    Receiver receiver = Receiver.start(new InetSocketAddress("127.0.0.1", port), handler, 0);
    System.out.println("receiving webhooks on http://127.0.0.1:" + port + "/");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  receiver.close();
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
   * The receiver's one thread: a {@link Selector} over the listening socket and every connection of
   * the sender, kept alive. A burst of deliveries over many connections is served in one wake-up,
   * without a thread switch per delivery: the receiver shares the benchmark machine's cores with
   * the system it measures, and answering 204 is all a webhook receiver has to do.
   */
  static final class Receiver implements Runnable, AutoCloseable {
    private static final byte[] NO_CONTENT =
        "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Delivery handler;
    private final int sendBuffer;
    private final Thread thread;
    private volatile boolean closed;

    private Receiver(
        Selector selector, ServerSocketChannel server, Delivery handler, int sendBuffer) {
      this.selector = selector;
      this.server = server;
      this.handler = handler;
      this.sendBuffer = sendBuffer;
      this.thread = new Thread(this, "receive");
      thread.setDaemon(true);
    }

    /**
     * Listens on {@code address} and serves on a thread of its own until closed; a positive {@code
     * sendBuffer} sets each connection's SO_SNDBUF (the tests' partial writes), 0 leaves the OS's.
     */
    static Receiver start(InetSocketAddress address, Delivery handler, int sendBuffer)
        throws IOException {
      ServerSocketChannel server = ServerSocketChannel.open();
      Selector selector = Selector.open();
      try {
        server.bind(address, 256);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
      } catch (IOException e) {
        server.close();
        selector.close();
        throw e;
      }
      Receiver receiver = new Receiver(selector, server, handler, sendBuffer);
      receiver.thread.start();
      return receiver;
    }

    int port() throws IOException {
      return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    @Override
    public void run() {
      try (selector;
          server) {
        while (!closed) {
          selector.select(this::ready);
        }
        for (SelectionKey key : selector.keys()) {
          key.channel().close();
        }
      } catch (IOException e) {
        System.err.println("receiver stopped: " + e);
      }
    }

    /** Stops accepting and ends every connection; waits (briefly) for the thread to finish. */
    @Override
    public void close() {
      closed = true;
      selector.wakeup();
      if (Thread.currentThread() != thread) {
        try {
          thread.join(1_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private void ready(SelectionKey key) {
      if (key.channel() == server) {
        accept();
        return;
      }
      SocketChannel channel = (SocketChannel) key.channel();
      Connection c = (Connection) key.attachment();
      try {
        if (key.isWritable()) {
          write(key, channel, c);
        } else if (key.isReadable()) {
          if (channel.read(c.parser.buffer()) < 0) {
            channel.close(); // the sender closed the connection
            return;
          }
          int handed = c.parser.parse(handler); // first: its arrival time is the lag's end
          if (handed > 0) {
            c.out = ByteBuffer.allocate(handed * NO_CONTENT.length);
            for (int i = 0; i < handed; i++) {
              c.out.put(NO_CONTENT);
            }
            c.out.flip();
            write(key, channel, c);
          }
        }
      } catch (IOException | RuntimeException e) {
        // the sender reset the connection, or sent what is not HTTP: this connection ends
        try {
          channel.close();
        } catch (IOException ignored) {
          // closed anyway
        }
      }
    }

    /** Writes what the socket takes; the rest waits for OP_WRITE, reading waits for the rest. */
    private static void write(SelectionKey key, SocketChannel channel, Connection c)
        throws IOException {
      channel.write(c.out);
      if (c.out.hasRemaining()) {
        key.interestOps(SelectionKey.OP_WRITE);
      } else if (c.parser.closing()) {
        channel.close();
      } else {
        c.out = null;
        key.interestOps(SelectionKey.OP_READ);
      }
    }

    private void accept() {
      try {
        for (SocketChannel s = server.accept(); s != null; s = server.accept()) {
          s.configureBlocking(false);
          s.setOption(StandardSocketOptions.TCP_NODELAY, true);
          if (sendBuffer > 0) {
            s.setOption(StandardSocketOptions.SO_SNDBUF, sendBuffer);
          }
          s.register(selector, SelectionKey.OP_READ, new Connection());
        }
      } catch (IOException e) {
        System.err.println("cannot accept: " + e); // e.g. out of file descriptors; try again
      }
    }

    /** One connection's unparsed bytes and unwritten answers. */
    private static final class Connection {
      final RequestParser parser = new RequestParser();
      ByteBuffer out;
    }
  }
}
