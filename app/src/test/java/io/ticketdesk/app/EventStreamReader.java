package io.ticketdesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads {@code GET /api/v1/events/stream} as a browser's EventSource does: keeps the last id (also
 * of an event without data) and reconnects with {@code Last-Event-ID} whenever the stream ends or
 * breaks (e.g. its instance was killed), to {@link #base} as it is then.
 */
final class EventStreamReader implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String token;
  volatile String base;
  final List<String> events = new CopyOnWriteArrayList<>();
  final AtomicInteger connections = new AtomicInteger();
  private volatile String lastEventId;
  private volatile boolean closed;
  private volatile InputStream current;
  private final Thread thread;

  EventStreamReader(String base, String token, String lastEventId) {
    this.base = base;
    this.token = token;
    this.lastEventId = lastEventId;
    this.thread = new Thread(this::run, "event-stream-reader");
    thread.setDaemon(true);
    thread.start();
  }

  List<String> eventIds() {
    return List.copyOf(events);
  }

  private void run() {
    while (!closed) {
      try {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(URI.create(base + "/api/v1/events/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
          b.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> r =
            http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() == 200) {
          connections.incrementAndGet();
          current = r.body();
          read(new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8)));
        } else {
          r.body().close();
        }
      } catch (IOException e) {
        // the instance went away: reconnect
      } catch (InterruptedException e) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void read(BufferedReader in) throws IOException {
    String id = lastEventId;
    StringBuilder data = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        lastEventId = id;
        if (data.length() > 0) {
          events.add(JSON.readTree(data.toString()).get("eventId").asText());
          data.setLength(0);
        }
      } else if (line.startsWith("id:")) {
        id = line.substring(3).strip();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).strip());
      }
    }
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
