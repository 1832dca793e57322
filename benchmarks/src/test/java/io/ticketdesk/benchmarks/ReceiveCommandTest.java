package io.ticketdesk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark's webhook receiver: one selector thread answers each delivery of every kept-alive
 * connection 204, however the requests are split across reads or pipelined, and hands each on once.
 */
@Timeout(30)
class ReceiveCommandTest {
  private static final byte[] NO_CONTENT =
      "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final List<String> got = new CopyOnWriteArrayList<>();
  private final Set<String> threads = ConcurrentHashMap.newKeySet();
  private ReceiveCommand.Receiver receiver;

  @BeforeEach
  void start() throws IOException {
    receiver =
        ReceiveCommand.Receiver.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), this::handle, 0);
  }

  private void handle(String id, byte[] body) {
    threads.add(Thread.currentThread().getName());
    if ("evt_slow".equals(id)) {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    got.add(id + " " + new String(body, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void severalRequestsOnOneKeptAliveConnectionAreEachAnsweredAndHandedOn() throws Exception {
    try (Socket s = connect()) {
      for (int i = 1; i <= 3; i++) {
        s.getOutputStream().write(request("evt_" + i, "{\"n\":" + i + "}", ""));
        assertAnswered(s, 1);
      }
    }
    assertEquals(List.of("evt_1 {\"n\":1}", "evt_2 {\"n\":2}", "evt_3 {\"n\":3}"), got);
  }

  @Test
  void theAnswerIsWrittenOnlyAfterTheHandlerHasReturned() throws Exception {
    try (Socket s = connect()) {
      long sent = System.nanoTime();
      s.getOutputStream().write(request("evt_slow", "{}", ""));
      assertAnswered(s, 1);
      long waited = (System.nanoTime() - sent) / 1_000_000;
      assertTrue(waited >= 290, "answered " + waited + " ms after sending, the handler took 300");
    }
    assertEquals(List.of("evt_slow {}"), got);
  }

  @Test
  void theJdkHttpClientReadsTheAnswerAs204() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int i = 1; i <= 2; i++) {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/hook"))
                  .timeout(Duration.ofSeconds(5))
                  .header("webhook-id", "evt_" + i)
                  .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(204, r.statusCode());
    }
    assertEquals(List.of("evt_1 {\"n\":1}", "evt_2 {\"n\":2}"), got);
  }

  @Test
  void aRequestSplitByteByByteIsHandedOnOnceWhenComplete() throws Exception {
    byte[] split =
        ("POST /hook HTTP/1.1\r\nHost: x\r\nWEBHOOK-ID: evt_split\r\nCONTENT-length: 13\r\n\r\n"
                + "{\"split\":\"y\"}")
            .getBytes(StandardCharsets.US_ASCII);
    try (Socket s = connect()) {
      OutputStream out = s.getOutputStream();
      for (byte b : split) {
        out.write(b);
        out.flush();
        Thread.sleep(1); // each byte its own segment, most of them their own read
      }
      assertAnswered(s, 1);
      out.write(request("evt_after", "{}", "")); // the parser starts afresh after it
      assertAnswered(s, 1);
    }
    assertEquals(List.of("evt_split {\"split\":\"y\"}", "evt_after {}"), got);
  }

  @Test
  void aBodyLargerThanTheReadBufferIsHandedOnWhole() throws Exception {
    String big = "{\"pad\":\"" + "x".repeat(100_000) + "\"}";
    try (Socket s = connect()) {
      s.getOutputStream().write(request("evt_big", big, ""));
      assertAnswered(s, 1);
    }
    assertEquals(List.of("evt_big " + big), got);
  }

  @Test
  void twoPipelinedRequestsInOneWriteAreBothAnsweredInOrder() throws Exception {
    try (Socket s = connect()) {
      s.getOutputStream().write(concat(request("evt_a", "{1}", ""), request("evt_b", "{2}", "")));
      assertAnswered(s, 2);
    }
    assertEquals(List.of("evt_a {1}", "evt_b {2}"), got);
  }

  @Test
  void connectionCloseClosesTheConnectionAfterItsAnswer() throws Exception {
    try (Socket s = connect()) {
      s.getOutputStream()
          .write(
              concat(
                  request("evt_close", "{}", "CONNECTION: Close\r\n"),
                  request("evt_ignored", "{}", "")));
      assertAnswered(s, 1);
      assertEquals(-1, s.getInputStream().read(), "closed after the answer");
    }
    assertEquals(List.of("evt_close {}"), got);
  }

  @Test
  void aRequestWithoutWebhookIdIsHandedOnWithNull() throws Exception {
    try (Socket s = connect()) {
      s.getOutputStream()
          .write(
              "POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
      assertAnswered(s, 1);
    }
    assertEquals(List.of("null {}"), got);
  }

  @Test
  void manyConcurrentConnectionsAreAllAnsweredAndEachRequestHandedOnOnceByOneThread()
      throws Exception {
    int connections = 64;
    int requests = 20;
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        int connection = c;
        done.add(
            pool.submit(
                () -> {
                  try (Socket s = connect()) {
                    for (int r = 0; r < requests; r++) {
                      s.getOutputStream().write(request("c" + connection + "-r" + r, "{}", ""));
                      assertAnswered(s, 1);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Set<String> expected = new HashSet<>();
    for (int c = 0; c < connections; c++) {
      for (int r = 0; r < requests; r++) {
        expected.add("c" + c + "-r" + r + " {}");
      }
    }
    assertEquals(connections * requests, got.size(), "each request handed on exactly once");
    assertEquals(expected, new HashSet<>(got));
    assertEquals(Set.of("receive"), threads, "one thread serves every connection");
  }

  @Test
  void answersTheSocketCannotTakeAtOnceAreWrittenWhenItDrains() throws Exception {
    receiver.close();
    receiver = // a small send buffer: the answers to one read of pipelined requests overrun it
        ReceiveCommand.Receiver.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), this::handle, 4096);
    int requests = 10_000;
    byte[] one = request("evt", "{}", "");
    byte[] all = new byte[one.length * requests];
    for (int i = 0; i < requests; i++) {
      System.arraycopy(one, 0, all, i * one.length, one.length);
    }
    try (Socket s = new Socket()) {
      s.setReceiveBufferSize(4096); // before connecting: a small window the answers overrun
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.port()));
      s.setSoTimeout(10_000);
      Thread writer =
          new Thread(
              () -> {
                try {
                  s.getOutputStream().write(all); // without reading a single answer meanwhile
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      writer.start();
      Thread.sleep(200);
      assertAnswered(s, requests);
      writer.join(10_000);
    }
    assertEquals(requests, got.size());
  }

  @Test
  void garbageClosesOnlyItsOwnConnection() throws Exception {
    List<String> garbage =
        List.of(
            "\u0000\u0001\u0002 not http at all\r\n\r\n",
            "GET / SPDY/3\r\n\r\n",
            "POST / HTTP/1.1\r\nno colon here\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: lots\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    try (Socket good = connect()) {
      good.getOutputStream().write(request("evt_before", "{}", ""));
      assertAnswered(good, 1);
      for (String g : garbage) {
        try (Socket bad = connect()) {
          bad.getOutputStream().write(g.getBytes(StandardCharsets.ISO_8859_1));
          assertClosedWithoutAnswer(bad, g);
        }
      }
      good.getOutputStream().write(request("evt_after", "{}", ""));
      assertAnswered(good, 1);
    }
    assertEquals(List.of("evt_before {}", "evt_after {}"), got);
  }

  @Test
  void aClientClosingMidRequestEndsOnlyItsConnection() throws Exception {
    try (Socket half = connect()) {
      half.getOutputStream()
          .write(
              "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n{\"a"
                  .getBytes(StandardCharsets.US_ASCII));
    }
    try (Socket s = connect()) {
      s.getOutputStream().write(request("evt_next", "{}", ""));
      assertAnswered(s, 1);
    }
    assertEquals(List.of("evt_next {}"), got);
  }

  private Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), receiver.port());
    s.setTcpNoDelay(true);
    s.setSoTimeout(5_000);
    return s;
  }

  private static byte[] request(String id, String body, String extraHeaders) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "webhook-id: "
            + id
            + "\r\nContent-Length: "
            + b.length
            + "\r\n"
            + extraHeaders
            + "\r\n";
    return concat(head.getBytes(StandardCharsets.US_ASCII), b);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** Reads exactly {@code n} answers, each {@code HTTP/1.1 204 No Content} and nothing else. */
  private static void assertAnswered(Socket s, int n) throws IOException {
    byte[] expected = new byte[n * NO_CONTENT.length];
    for (int i = 0; i < n; i++) {
      System.arraycopy(NO_CONTENT, 0, expected, i * NO_CONTENT.length, NO_CONTENT.length);
    }
    assertArrayEquals(expected, s.getInputStream().readNBytes(expected.length));
    assertEquals(0, s.getInputStream().available(), "nothing more than the answers");
  }

  private static void assertClosedWithoutAnswer(Socket s, String sent) throws IOException {
    InputStream in = s.getInputStream();
    try {
      assertEquals(-1, in.read(), "closed without an answer: " + sent);
    } catch (SocketException reset) {
      assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
    }
  }
}
