package io.ticketdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on a random loopback port (the JDK's HTTP server): verifies each delivery's
 * Standard Webhooks signature with the endpoint's secret, logs it, and answers 204 — or 503 while
 * it is "down".
 */
final class WebhookReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A delivery received and verified: its webhook-id and body, and when it arrived. */
  record Delivery(String id, JsonNode body, long receivedMillis) {}

  private final HttpServer server;
  final List<Delivery> log = new CopyOnWriteArrayList<>();
  final Map<String, AtomicInteger> receivedById = new ConcurrentHashMap<>();
  final Set<String> refusedWhileDown = ConcurrentHashMap.newKeySet();
  final List<String> badSignatures = new CopyOnWriteArrayList<>();
  volatile boolean down;
  volatile String secret;

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/hook", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String id = ex.getRequestHeaders().getFirst("webhook-id");
    try {
      if (down) {
        refusedWhileDown.add(String.valueOf(id));
        ex.sendResponseHeaders(503, -1);
        return;
      }
      String text = new String(body, StandardCharsets.UTF_8);
      if (!verified(
          id,
          ex.getRequestHeaders().getFirst("webhook-timestamp"),
          text,
          ex.getRequestHeaders().getFirst("webhook-signature"))) {
        badSignatures.add(id);
        ex.sendResponseHeaders(400, -1);
        return;
      }
      log.add(new Delivery(id, JSON.readTree(text), System.currentTimeMillis()));
      receivedById.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      ex.sendResponseHeaders(204, -1);
    } finally {
      ex.close();
    }
  }

  private boolean verified(String id, String timestamp, String body, String header) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      byte[] expected =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      for (String signature : header.split(" ")) {
        if (signature.startsWith("v1,")
            && MessageDigest.isEqual(
                expected, Base64.getDecoder().decode(signature.substring(3)))) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
