package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests Jetty refuses before Javalin sees them (malformed request line, bad URI encoding,
 * illegal header characters, bad Host, ambiguous paths, oversized headers and URIs, unknown HTTP
 * versions, bad body framing) are answered as problem+json like every other error: the status,
 * {@code Content-Type: application/problem+json}, a body that validates against the Problem schema
 * with the same status, no stack trace, no long echo of the input; and the server keeps serving.
 * Sent as raw bytes, since a well-behaved HTTP client cannot send most of them.
 */
class JettyRefusalsAsProblemsTest {
  private static final String AUTH = "Authorization: Bearer " + TestApp.ADMIN + "\r\n";
  private static final String MARKER = "HOSTILEMARKER";

  private static TestApp app;
  private static int port;

  @BeforeAll
  static void start() {
    app = new TestApp();
    port = Integer.parseInt(app.api.base().substring(app.api.base().lastIndexOf(':') + 1));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** A raw answer: status, headers (lower-case names) and body. */
  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }
  }

  /**
   * Sends raw bytes and reads one answer: the headers, then Content-Length bytes of body (none for
   * HEAD), or until the server closes.
   */
  static Answer exchange(String request, boolean head) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head0 = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1) {
        head0.write(b);
        String s = head0.toString(StandardCharsets.ISO_8859_1);
        if (s.endsWith("\r\n\r\n")) {
          break;
        }
      }
      String[] lines = head0.toString(StandardCharsets.ISO_8859_1).split("\r\n");
      assertTrue(lines[0].startsWith("HTTP/1.1 "), "no status line: " + head0);
      int status = Integer.parseInt(lines[0].substring(9, 12));
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(
              lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).strip());
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      String length = headers.get("content-length");
      if (head) {
        return new Answer(status, headers, "");
      }
      try {
        if (length != null) {
          body.write(in.readNBytes(Integer.parseInt(length)));
        } else {
          in.transferTo(body);
        }
      } catch (SocketException | SocketTimeoutException e) {
        // the server may reset or keep the connection open; the body is what arrived
      }
      return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }
  }

  static Stream<Arguments> refusals() {
    String get = "GET /api/v1/tickets HTTP/1.1\r\nHost: localhost\r\n" + AUTH;
    String post =
        "POST /api/v1/sellers HTTP/1.1\r\nHost: localhost\r\n"
            + AUTH
            + "Content-Type: application/json\r\n";
    String malformed = "malformed-request";
    return Stream.of(
        Arguments.of("garbage request line", "GARBAGE\r\n\r\n", 400, malformed),
        Arguments.of(
            "extra token in the request line",
            "GET /api/v1/tickets HTTP/1.1 extra\r\nHost: localhost\r\n\r\n",
            400,
            malformed),
        Arguments.of(
            "bad percent-encoding in the path",
            "GET /api/v1/tickets/%zz" + MARKER + " HTTP/1.1\r\nHost: localhost\r\n" + AUTH + "\r\n",
            400,
            malformed),
        Arguments.of(
            "encoded control characters in the path",
            "GET /api/v1/tickets/001000%0B%00001 HTTP/1.1\r\nHost: localhost\r\n" + AUTH + "\r\n",
            400,
            malformed),
        Arguments.of(
            "encoded overlong UTF-8 in the path",
            "GET /api/v1/tickets/%C0%AE HTTP/1.1\r\nHost: localhost\r\n" + AUTH + "\r\n",
            400,
            malformed),
        Arguments.of(
            "ambiguous path parameter",
            "GET /api/v1/tickets/..;/x HTTP/1.1\r\nHost: localhost\r\n" + AUTH + "\r\n",
            400,
            malformed),
        Arguments.of(
            "path escaping the root",
            "GET /../../etc/passwd HTTP/1.1\r\nHost: localhost\r\n" + AUTH + "\r\n",
            400,
            malformed),
        Arguments.of(
            "backslash in the path",
            "GET /api/v1/tickets/a\\b HTTP/1.1\r\nHost: localhost\r\n" + AUTH + "\r\n",
            400,
            malformed),
        Arguments.of(
            "non-ASCII byte in the path",
            "GET /api/v1/\u00ff HTTP/1.1\r\nHost: localhost\r\n" + AUTH + "\r\n",
            400,
            malformed),
        Arguments.of(
            "control character in a header value",
            get + "X-Bad: a\u0001" + MARKER + "\r\n\r\n",
            400,
            malformed),
        Arguments.of("space in a header name", get + "Bad Header: x\r\n\r\n", 400, malformed),
        Arguments.of("header without a colon", get + "NoColon\r\n\r\n", 400, malformed),
        Arguments.of("folded header line", get + "X-Fold: a\r\n b\r\n\r\n", 400, malformed),
        Arguments.of(
            "invalid Host",
            "GET /api/v1/tickets HTTP/1.1\r\nHost: a b\r\n" + AUTH + "\r\n",
            400,
            malformed),
        Arguments.of(
            "Host with an impossible port",
            "GET /api/v1/tickets HTTP/1.1\r\nHost: localhost:99999\r\n" + AUTH + "\r\n",
            400,
            malformed),
        Arguments.of(
            "no Host in HTTP/1.1",
            "GET /api/v1/tickets HTTP/1.1\r\n" + AUTH + "\r\n",
            400,
            malformed),
        Arguments.of("two Hosts", get + "Host: other\r\n\r\n", 400, malformed),
        Arguments.of(
            "absolute URI naming another host",
            "GET http://elsewhere/api/v1/tickets HTTP/1.1\r\nHost: localhost\r\n" + AUTH + "\r\n",
            400,
            malformed),
        Arguments.of(
            "Content-Length that is not a number",
            post + "Content-Length: abc\r\n\r\n{}",
            400,
            malformed),
        Arguments.of(
            "two Content-Lengths",
            post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
            400,
            malformed),
        Arguments.of(
            "Content-Length and chunked",
            post + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}",
            400,
            malformed),
        Arguments.of(
            "unknown transfer coding", post + "Transfer-Encoding: gzip\r\n\r\n{}", 400, malformed),
        Arguments.of(
            "broken chunked body (refused while the app reads it)",
            post + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
            400,
            malformed),
        Arguments.of(
            "headers above the limit",
            get + "X-Padding: " + "x".repeat(9 * 1024) + "\r\n\r\n",
            431,
            "header-fields-too-large"),
        Arguments.of(
            "URI above the limit",
            "GET /api/v1/tickets/"
                + MARKER.repeat(700)
                + " HTTP/1.1\r\nHost: localhost\r\n"
                + AUTH
                + "\r\n",
            414,
            "uri-too-long"),
        Arguments.of(
            "unknown HTTP version",
            "GET /api/v1/tickets HTTP/1.2\r\nHost: localhost\r\n" + AUTH + "\r\n",
            505,
            "http-version-not-supported"),
        Arguments.of("HTTP/0.9", "GET /api/v1/tickets\r\n\r\n", 505, "http-version-not-supported"),
        Arguments.of(
            "HTTP/2 request line over HTTP/1",
            "GET /api/v1/tickets HTTP/2.0\r\nHost: localhost\r\n" + AUTH + "\r\n",
            426,
            "http-version-not-supported"),
        Arguments.of("unknown expectation", get + "Expect: something\r\n\r\n", 417, malformed),
        Arguments.of(
            "asking for HTML still gets a problem",
            "GET /api/v1/tickets/%zz HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + AUTH
                + "\r\n",
            400,
            malformed),
        Arguments.of(
            "accepting nothing usable still gets a problem",
            "GET /api/v1/tickets/%zz HTTP/1.1\r\nHost: localhost\r\nAccept: image/png\r\n"
                + "Accept-Charset: utf-16\r\n"
                + AUTH
                + "\r\n",
            400,
            malformed),
        Arguments.of(
            "a method Jetty's default page skips (DELETE)",
            "DELETE /api/v1/tickets/%zz HTTP/1.1\r\nHost: localhost\r\n" + AUTH + "\r\n",
            400,
            malformed),
        Arguments.of(
            "OPTIONS * (no resource)",
            "OPTIONS * HTTP/1.1\r\nHost: localhost\r\n" + AUTH + "\r\n",
            404,
            "not-found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void jettysRefusalIsAProblemAndTheServerKeepsServing(
      String name, String request, int status, String slug) throws Exception {
    String before = StoreFingerprint.of(app.store);
    Answer a = exchange(request, false);

    assertEquals(status, a.status(), name + ": " + a);
    assertTrue(
        a.header("Content-Type").startsWith("application/problem+json"),
        name + ": content type " + a.header("Content-Type"));
    assertEquals("close", a.header("Connection"), name + ": the server closes, and says so");
    JsonNode problem = ApiClient.MAPPER.readTree(a.body());
    assertEquals(status, problem.path("status").asInt(), a.body());
    assertEquals("https://ticketdesk.io/problems/" + slug, problem.path("type").asText());
    assertFalse(problem.path("title").asText().isBlank(), a.body());
    assertFalse(problem.path("detail").asText().isBlank(), a.body());
    assertEquals(List.of(), new ContractValidator().validateAgainst("Problem", a.body()), a.body());
    assertFalse(a.body().contains("Exception"), "exception: " + a.body());
    assertFalse(a.body().contains("\tat "), "stack trace: " + a.body());
    assertFalse(a.body().contains("<html"), "an HTML page: " + a.body());
    assertTrue(a.body().length() < 600, "too long: " + a.body());
    assertFalse(problem.path("detail").asText().contains(MARKER), "echoes the input: " + a.body());
    assertTrue(
        a.body().chars().allMatch(c -> c >= 0x20 && c < 0x7f), "odd characters: " + a.body());

    assertEquals(before, StoreFingerprint.of(app.store), "a refused request changed the store");
    assertEquals(200, app.api.get("/api/v1/tickets", TestApp.ADMIN).status());
  }

  /**
   * Finding of the fuzz test: after a URI Jetty refuses (here encoded control characters), Jetty
   * closed the connection without {@code Connection: close}; the HTTP client kept it for its next
   * request, and a POST sent on it got no answer at all (the client does not retry a POST).
   */
  @Test
  void aClientKeepsWorkingOnItsConnectionsAfterARefusedRequest() throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    for (int i = 0; i < 20; i++) {
      var refused =
          client.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(app.api.base() + "/api/v1/tickets/001000%0B%00001"))
                  .header("Authorization", "Bearer " + TestApp.ADMIN)
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(400, refused.statusCode(), refused.body());
      var next =
          client.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(app.api.base() + "/api/v1/tokens"))
                  .header("Authorization", "Bearer " + TestApp.ADMIN)
                  .header("Content-Type", "application/json")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\":\"nobody\"}"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(400, next.statusCode(), next.body());
    }
  }

  @Test
  void headGetsTheProblemHeadersWithoutABody() throws Exception {
    Answer a =
        exchange(
            "HEAD /api/v1/tickets/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            true);
    assertEquals(400, a.status(), a.toString());
    assertTrue(a.header("Content-Type").startsWith("application/problem+json"), a.toString());
    assertEquals(200, app.api.get("/health", null).status());
  }

  @Test
  void theDetailKeepsJettysReasonShortAndPlainAndHidesServerErrors() {
    assertEquals(
        "the request line, a header, the URI or the framing of the body is not valid HTTP"
            + " (Illegal character CNTL=0x1)",
        Problems.protocolDetail(400, "Illegal character CNTL=0x1"));
    // The bare status phrase adds nothing.
    assertEquals(
        "the request line, a header, the URI or the framing of the body is not valid HTTP",
        Problems.protocolDetail(400, "Bad Request"));
    String longReason = "x\u0000<\u00e9" + "y".repeat(500);
    String detail = Problems.protocolDetail(400, longReason);
    assertTrue(detail.length() < 200, detail);
    assertTrue(detail.chars().allMatch(c -> c >= 0x20 && c < 0x7f), detail);
    assertTrue(detail.endsWith("...)"), detail);
    assertFalse(
        Problems.protocolDetail(400, "java.lang.IllegalStateException: boom").contains("boom"));
    assertEquals(
        "an unexpected error occurred; it has been logged",
        Problems.protocolDetail(500, "NullPointerException at Foo.java:12"));
    assertEquals("malformed-request", Problems.slug(411));
    assertEquals("internal", Problems.slug(502));
    assertEquals("header-fields-too-large", Problems.slug(431));
  }
}
