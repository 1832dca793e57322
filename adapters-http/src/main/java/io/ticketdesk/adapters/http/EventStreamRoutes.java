package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.ticketdesk.application.port.in.StreamEventsUseCase;
import io.ticketdesk.application.port.in.StreamEventsUseCase.StreamedEvent;
import io.ticketdesk.application.port.in.StreamEventsUseCase.Subscription;
import io.ticketdesk.domain.SellerId;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live event stream ({@code GET /api/v1/events/stream}, Server-Sent Events): each event as
 * {@code id: <feed cursor>} and {@code data: <the event as the feed lists it>}, heartbeats as
 * comments, resumed after the cursor of {@code Last-Event-ID} (or {@code after}). Each open stream
 * is written by a thread of its own (a slow client holds up no other), and one reader per instance
 * hands them the new events.
 */
final class EventStreamRoutes implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventStreamRoutes.class);
  private static final Set<String> PARAMS = Set.of("after", "sellerId");

  /** How long a client waits before it reconnects after the stream ended (the retry field). */
  static final long RETRY_MILLIS = 2_000;

  private final StreamEventsUseCase streams;
  private final EventStreamLimits limits;
  private final Map<String, AtomicInteger> perToken = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final Set<Subscription> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService writers;
  private final ScheduledExecutorService reader;
  private volatile boolean stopped;

  EventStreamRoutes(StreamEventsUseCase streams, EventStreamLimits limits) {
    this.streams = requireNonNull(streams, "streams is null");
    this.limits = requireNonNull(limits, "limits is null");
    AtomicInteger n = new AtomicInteger();
    this.writers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "event-stream-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.reader =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "event-stream-reader");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts the instance's reader. */
  void start() {
    long every = limits.poll().toMillis();
    reader.scheduleWithFixedDelay(this::read, every, every, TimeUnit.MILLISECONDS);
  }

  private void read() {
    try {
      for (int i = 0; i < 20 && streams.poll() > 0; i++) {
        // a full batch: read on at once
      }
    } catch (RuntimeException e) {
      LOG.warn("event streams: reading new events failed; retrying", e);
    }
  }

  void stream(Context ctx) {
    var actor = Authentication.actor(ctx);
    QueryParams p = QueryParams.of(ctx, PARAMS);
    Long sellerId = p.longValue("sellerId");
    SellerId seller =
        sellerId == null ? null : Requests.build("sellerId", () -> SellerId.of(sellerId));
    String lastEventId = Requests.single(ctx, "Last-Event-ID");
    String after = lastEventId == null || lastEventId.isBlank() ? p.text("after") : lastEventId;
    String key = key(ctx);
    reserve(ctx, key);
    Subscription sub;
    try {
      sub = streams.subscribe(actor, after, seller);
    } catch (RuntimeException e) {
      release(key);
      throw e;
    }
    open.add(sub);
    HttpServletResponse res = ctx.res();
    res.setStatus(200);
    res.setCharacterEncoding("UTF-8");
    res.setContentType("text/event-stream");
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("X-Accel-Buffering", "no");
    CompletableFuture<Void> done = new CompletableFuture<>();
    ctx.future(() -> done);
    writers.execute(() -> run(sub, res, key, done));
  }

  private void run(
      Subscription sub, HttpServletResponse res, String key, CompletableFuture<Void> done) {
    try {
      ServletOutputStream out = res.getOutputStream();
      write(out, "retry: " + RETRY_MILLIS + "\nid: " + sub.cursor() + "\n\n");
      long end = System.nanoTime() + limits.lifetime().toNanos();
      long beat = limits.heartbeat().toNanos();
      long lastWrite = System.nanoTime();
      while (!stopped) {
        long now = System.nanoTime();
        if (now >= end) {
          break;
        }
        if (now - lastWrite >= beat) {
          write(out, ": heartbeat\n\n");
          lastWrite = now;
        }
        long wait = Math.min(end - now, lastWrite + beat - now);
        List<StreamedEvent> events = sub.next(Duration.ofNanos(Math.max(1, wait)));
        if (!events.isEmpty()) {
          StringBuilder frame = new StringBuilder();
          for (StreamedEvent e : events) {
            frame
                .append("id: ")
                .append(e.cursor())
                .append("\ndata: ")
                .append(Json.MAPPER.writeValueAsString(EventRoutes.EventJson.of(e.event())))
                .append("\n\n");
          }
          write(out, frame.toString());
          lastWrite = System.nanoTime();
        }
      }
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("event stream failed", e);
    } finally {
      sub.close();
      open.remove(sub);
      release(key);
      done.complete(null);
    }
  }

  private static void write(ServletOutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The caller's token (or browser session), whose open streams are counted. */
  private static String key(Context ctx) {
    String session = Authentication.sessionId(ctx);
    if (session != null) {
      return "session " + session;
    }
    String header = Requests.single(ctx, "Authorization");
    return "token " + (header == null ? "" : header.strip());
  }

  private void reserve(Context ctx, String key) {
    if (total.incrementAndGet() > limits.total()) {
      total.decrementAndGet();
      ctx.header("Retry-After", "5");
      throw new HttpProblem(
          503,
          "streams-exhausted",
          "this instance serves "
              + limits.total()
              + " event streams already; retry after 5 s or read GET /api/v1/events",
          Map.of("retryAfterSeconds", 5));
    }
    AtomicInteger mine = perToken.computeIfAbsent(key, k -> new AtomicInteger());
    if (mine.incrementAndGet() > limits.perToken()) {
      release(key);
      ctx.header("Retry-After", "5");
      throw new HttpProblem(
          429,
          "too-many-streams",
          "at most "
              + limits.perToken()
              + " event streams may be open at once with this token; close one first",
          Map.of("retryAfterSeconds", 5, "maxStreams", limits.perToken()));
    }
  }

  private void release(String key) {
    total.decrementAndGet();
    perToken.computeIfPresent(key, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  /** Ends every open stream and the reader. */
  @Override
  public void close() {
    stopped = true;
    reader.shutdownNow();
    open.forEach(Subscription::close);
    writers.shutdown();
    try {
      writers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
