package io.ticketdesk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load driver's own HTTP/1.1 client against the JDK's server: framing, bodies, keep-alive. */
class RawHttpClientTest {
  private HttpServer server;
  private final List<String> received = new ArrayList<>();
  private URI base;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          synchronized (received) {
            received.add(
                exchange.getRequestMethod()
                    + " "
                    + exchange.getRequestURI()
                    + " "
                    + exchange.getRequestHeaders().getFirst("Authorization")
                    + " "
                    + body);
          }
          String path = exchange.getRequestURI().getPath();
          byte[] bytes = "x".repeat(path.contains("big") ? 100_000 : 10).getBytes();
          int status = path.contains("created") ? 201 : path.contains("missing") ? 404 : 200;
          if (path.contains("close")) {
            exchange.getResponseHeaders().add("Connection", "close");
          }
          // length 0 = chunked in the JDK server
          exchange.sendResponseHeaders(status, path.contains("chunked") ? 0 : bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer t").build();
  }

  @Test
  void readsEveryFramingOnOneConnectionAndSendsBodies() throws Exception {
    try (RawHttpClient client = new RawHttpClient(base)) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, client.send(get("/plain?i=" + i)));
        assertEquals(200, client.send(get("/chunked-big")));
        assertEquals(404, client.send(get("/missing")));
        assertEquals(200, client.send(get("/close")));
        assertEquals(
            201,
            client.send(
                HttpRequest.newBuilder(base.resolve("/created"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Grüße\"}"))
                    .build()));
      }
    }
    assertEquals(15, received.size());
    assertEquals("GET /plain?i=0 Bearer t ", received.get(0));
    assertEquals("POST /created null {\"text\":\"Grüße\"}", received.get(4));
  }
}
