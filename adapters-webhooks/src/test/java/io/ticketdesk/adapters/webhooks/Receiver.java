package io.ticketdesk.adapters.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on a random local port (JDK HttpServer) that verifies every delivery as the
 * Standard Webhooks specification says, independently of Ticketdesk's code: the secret's key is the
 * base64 after {@code whsec_}; the signed content is {@code id.timestamp.body}; the header holds
 * space-separated {@code v1,<base64>} signatures, one of which must match (constant-time compare);
 * the timestamp must be within 5 minutes. It answers the scripted statuses first, then 200.
 */
final class Receiver implements AutoCloseable {
  /** One request as received, with whether its signature verified under the secrets given. */
  record Received(
      String id, long timestamp, String signatures, String body, boolean verified, int status) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
  private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> failures =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile int failEach;
  private volatile long downUntil = Long.MIN_VALUE;
  private final java.util.Map<String, Integer> failEvent =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile List<String> secrets = List.of();

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          String id = exchange.getRequestHeaders().getFirst("webhook-id");
          String ts = exchange.getRequestHeaders().getFirst("webhook-timestamp");
          String sig = exchange.getRequestHeaders().getFirst("webhook-signature");
          long timestamp = ts == null ? 0 : Long.parseLong(ts);
          Integer status = script.poll();
          if (status == null && System.nanoTime() < downUntil) {
            status = 503;
          }
          Integer failThis = id == null ? null : failEvent.get(id);
          if (status == null && failThis != null) {
            int n =
                failures
                    .computeIfAbsent(id, k -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
            status = n <= failThis ? 503 : 200;
          }
          if (status == null && id != null && failEach > 0) {
            int n =
                failures
                    .computeIfAbsent(id, k -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
            status = n <= failEach ? 503 : 200;
          }
          int answered = status == null ? 200 : status;
          received.add(new Received(id, timestamp, sig, body, verify(id, ts, sig, body), answered));
          exchange.sendResponseHeaders(answered, -1);
          exchange.close();
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  /** The secrets ({@code whsec_…}) a signature may be made with. */
  void trust(String... whsec) {
    secrets = List.of(whsec);
  }

  /** The next answers' statuses, in order (then 200). */
  void answer(Integer... statuses) {
    script.addAll(List.of(statuses));
  }

  /** Answers 503 to everything for {@code outage}, then recovers. */
  void outage(java.time.Duration outage) {
    downUntil = System.nanoTime() + outage.toNanos();
  }

  /** Every event's first {@code n} deliveries are answered 503, then 200. */
  void failEachEventFirst(int n) {
    failEach = n;
  }

  /** The event's first {@code n} deliveries are answered 503, then 200. */
  void failEvent(String eventId, int n) {
    failEvent.put(eventId, n);
  }

  /** How often each webhook-id was received. */
  java.util.Map<String, Long> counts() {
    return received.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                Received::id, java.util.stream.Collectors.counting()));
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  private boolean verify(String id, String ts, String header, String body) {
    if (id == null || ts == null || header == null) {
      return false;
    }
    long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts));
    if (age > 300) {
      return false;
    }
    byte[] content = (id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8);
    for (String secret : secrets) {
      byte[] expected =
          hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())), content);
      for (String part : header.split(" ")) {
        String[] versioned = part.split(",", 2);
        if (versioned.length == 2
            && versioned[0].equals("v1")
            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(versioned[1]))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the signature header verifies under exactly this secret. */
  static boolean signedWith(Received r, String secret) {
    byte[] content =
        (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8);
    byte[] expected =
        hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())), content);
    for (String part : r.signatures().split(" ")) {
      if (part.startsWith("v1,")
          && MessageDigest.isEqual(expected, Base64.getDecoder().decode(part.substring(3)))) {
        return true;
      }
    }
    return false;
  }

  private static byte[] hmac(byte[] key, byte[] content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
