package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Protective limits at the connection level: request headers above Jetty's 8 KiB are refused with a
 * 431 problem (no stack trace, the server keeps serving), and a client that trickles its body
 * slower than the idle timeout is disconnected while other clients are served.
 */
class HeaderAndSlowClientLimitsTest {

  private static int port(TestApp app) {
    return Integer.parseInt(app.api.base().substring(app.api.base().lastIndexOf(':') + 1));
  }

  /** Sends raw bytes and reads the whole answer until the server closes or 10 s pass. */
  private static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = in.read(buf)) != -1) {
          answer.write(buf, 0, n);
        }
      } catch (SocketException reset) {
        // the server may reset after answering
      } catch (java.net.SocketTimeoutException enough) {
        // keep-alive: we have what we need
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void headersAbove8KiBAre431WithoutAStackTraceAndTheServerKeepsServing() throws Exception {
    try (TestApp app = new TestApp()) {
      String big = "x".repeat(9 * 1024);
      String answer =
          exchange(
              port(app),
              "GET /api/v1/tickets HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + TestApp.ADMIN
                  + "\r\nX-Padding: "
                  + big
                  + "\r\nConnection: close\r\n\r\n");
      System.out.println("answer to a 9 KiB header: " + answer);
      assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
      assertFalse(answer.contains("\tat "), "stack trace: " + answer);
      assertFalse(answer.contains("Exception"), "exception: " + answer);
      // Jetty refuses the request before Javalin sees it; its error handler answers with a
      // problem like every other error (JettyErrorProblems, JettyRefusalsAsProblemsTest).
      assertTrue(answer.contains("Content-Type: application/problem+json"), answer);
      assertTrue(answer.contains("/problems/header-fields-too-large"), answer);
      assertEquals(200, app.api.get("/api/v1/tickets", TestApp.ADMIN).status());

      // Just below the limit is served normally.
      var ok =
          app.api.send(
              "GET",
              "/api/v1/tickets",
              TestApp.ADMIN,
              null,
              Map.of("X-Padding", "y".repeat(6 * 1024)));
      assertEquals(200, ok.status());
    }
  }

  @Test
  void aClientTricklingItsBodySlowerThanTheIdleTimeoutIsCutOffWhileOthersAreServed()
      throws Exception {
    try (TestApp app = new TestApp(d -> d, new HttpLimits(0, 0, Duration.ofMillis(700)))) {
      long seller = app.registerSeller("Slow GmbH", "de");
      String token = app.token("seller", seller, null);
      try (Socket slow = new Socket("127.0.0.1", port(app))) {
        slow.setSoTimeout(30_000);
        OutputStream out = slow.getOutputStream();
        out.write(
            ("POST /api/v1/sellers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestApp.ADMIN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        long start = System.nanoTime();
        AtomicBoolean stop = new AtomicBoolean();
        Thread trickler =
            new Thread(
                () -> {
                  // One byte every 2 s: each pause is longer than the 700 ms idle timeout.
                  while (!stop.get()) {
                    try {
                      Thread.sleep(2_000);
                      out.write(' ');
                      out.flush();
                    } catch (IOException | InterruptedException closed) {
                      return;
                    }
                  }
                });
        trickler.setDaemon(true);
        trickler.start();
        // Meanwhile other clients are served.
        for (int i = 0; i < 3; i++) {
          assertEquals(200, app.api.get("/api/v1/tickets", token).status());
          Thread.sleep(200);
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
          InputStream in = slow.getInputStream();
          int b;
          while ((b = in.read()) != -1) {
            answer.write(b);
          }
        } catch (SocketException reset) {
          // cut off with a reset
        } finally {
          stop.set(true);
          trickler.interrupt();
        }
        long waited = (System.nanoTime() - start) / 1_000_000;
        String text = answer.toString(StandardCharsets.ISO_8859_1);
        System.out.println("slow client cut off after " + waited + " ms; answer: " + text);
        assertTrue(waited < 25_000, "cut off only after " + waited + " ms");
        assertFalse(text.startsWith("HTTP/1.1 2"), text);
        assertFalse(text.startsWith("HTTP/1.1 5"), "a slow client is not a server error: " + text);
        assertFalse(text.contains("\tat "), text);
      }
      assertEquals(200, app.api.get("/health", null).status());
      assertEquals(2, app.api.get("/api/v1/tickets", TestApp.ADMIN).status() / 100);
    }
  }
}
