package io.ticketdesk.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Server-Sent Events client as a browser's EventSource is: reads {@code id:}, {@code data:} and
 * comment lines as the SSE specification parses them, and when the server ends the stream,
 * reconnects with {@code Last-Event-ID} (the last id received, also from an event without data).
 */
final class SseReader implements AutoCloseable {
  /** A dispatched event: its id and its data parsed as JSON. */
  record Event(String id, JsonNode data) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String url;
  private final String token;
  final List<Event> events = new CopyOnWriteArrayList<>();
  final List<String> comments = new CopyOnWriteArrayList<>();
  final AtomicInteger connections = new AtomicInteger();
  final List<Integer> failures = new CopyOnWriteArrayList<>();
  private volatile String lastEventId;
  private volatile boolean closed;
  private volatile InputStream current;
  private final Thread thread;

  /** Starts reading {@code url} with the bearer token, from {@code lastEventId} (or null). */
  SseReader(String url, String token, String lastEventId) {
    this.url = url;
    this.token = token;
    this.lastEventId = lastEventId;
    this.thread = new Thread(this::run, "sse-reader");
    thread.setDaemon(true);
    thread.start();
  }

  String lastEventId() {
    return lastEventId;
  }

  private void run() {
    while (!closed) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
      b.header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
      if (lastEventId != null) {
        b.header("Last-Event-ID", lastEventId);
      }
      try {
        HttpResponse<InputStream> r =
            http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
          r.body().close();
          failures.add(r.statusCode());
          Thread.sleep(100);
          continue;
        }
        connections.incrementAndGet();
        current = r.body();
        read(new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8)));
        Thread.sleep(20); // the stream ended: reconnect, as an EventSource does
      } catch (IOException e) {
        // the stream broke: reconnect
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void read(BufferedReader in) throws IOException {
    String idBuffer = lastEventId;
    StringBuilder data = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        lastEventId = idBuffer;
        if (data.length() > 0) {
          String text = data.substring(0, data.length() - 1);
          events.add(new Event(idBuffer, ApiClient.Response.parse(text)));
          data.setLength(0);
        }
      } else if (line.startsWith(":")) {
        comments.add(line.substring(1).strip());
      } else if (line.startsWith("id:")) {
        idBuffer = line.substring(3).strip();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).strip()).append('\n');
      }
    }
  }

  /** Waits until {@code n} events have arrived (or fails after {@code timeout}); returns them. */
  List<Event> await(int n, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (events.size() < n) {
      if (System.nanoTime() > end) {
        throw new AssertionError("got " + events.size() + " of " + n + " events: " + events);
      }
      Thread.sleep(20);
    }
    return new ArrayList<>(events);
  }

  /** The event ids received. */
  List<String> eventIds() {
    return events.stream().map(e -> e.data().get("eventId").asText()).toList();
  }

  @Override
  public void close() {
    closed = true;
    InputStream in = current;
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    thread.interrupt();
  }
}
