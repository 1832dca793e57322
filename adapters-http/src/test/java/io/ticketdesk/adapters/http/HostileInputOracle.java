package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.HostileInputFixture.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The oracle of {@link HostileInputFuzzTest}: sends one fuzzed request to the fixture's app and
 * asserts no 5xx, a documented answer, no change on a refusal and a bounded /metrics; plus the
 * helpers that turn fuzz input into query strings, path segments and header values.
 */
final class HostileInputOracle {
  /** Requests sent (a path-parameter or header input sends several). */
  static final AtomicLong INPUTS = new AtomicLong();

  private HostileInputOracle() {}

  /** At most this many request series in /metrics, however many odd requests arrive. */
  static final int MAX_METRIC_SERIES = 400;

  /** /metrics stays bounded: checked every 64 requests (a scrape per request would dominate). */
  static void checkMetricsBounded(HostileInputFixture f) {
    if (INPUTS.get() % 64 != 0) {
      return;
    }
    String metrics = f.app.api.get("/metrics", null).body();
    long series =
        metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).count();
    assertTrue(series <= MAX_METRIC_SERIES, series + " series in /metrics");
    assertTrue(metrics.length() < 512 * 1024, "/metrics has " + metrics.length() + " bytes");
  }

  /**
   * Sends raw request bytes (a request line and header lines the JDK client would not send:
   * malformed percent-encoding, invented methods, repeated headers); same oracle as {@link #check}
   * but for the contract, which a raw answer is not checked against beyond being a problem.
   */
  static void checkRaw(String head, byte[] body) {
    INPUTS.incrementAndGet();
    HostileInputFixture f = fixture();
    String before = f.app.fingerprint();
    RawHttp.Answer r = RawHttp.send(f.app.api.port, head, body, head.startsWith("HEAD "));
    boolean carrierDown = r.status() == 502 && r.body().contains("/problems/carrier-failed\"");
    if (r.status() >= 500 && !carrierDown) {
      fail(head + " answered " + r.status() + " " + r.body());
    }
    if (r.status() >= 400) {
      assertTrue(
          r.contentType().startsWith("application/problem+json"),
          r.status() + " is not a problem: " + r.contentType() + " for " + head);
      assertEquals(
          before, f.app.fingerprint(), head + " answered " + r.status() + " but changed the store");
    } else if (!head.startsWith("GET ") && !head.startsWith("HEAD ")) {
      f.changed = true;
    }
    checkMetricsBounded(f);
  }

  static void check(
      String method,
      String path,
      String token,
      String body,
      Map<String, String> headers,
      boolean resetOnSuccess) {
    check(
        method,
        path,
        token,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        headers,
        resetOnSuccess);
  }

  /**
   * Sends one request; asserts no 5xx, a documented answer, and no change on a refusal. {@code
   * resetOnSuccess}: a 2xx may change the fixture (close, refund, …), so rebuild it.
   */
  static void check(
      String method,
      String path,
      String token,
      byte[] body,
      Map<String, String> headers,
      boolean resetOnSuccess) {
    INPUTS.incrementAndGet();
    HostileInputFixture f = fixture();
    String before = f.app.fingerprint();
    // Every answer, Jetty's own refusals of malformed URIs included (JettyErrorProblems), must be
    // documented in openapi.yaml: ApiClient fails otherwise.
    ApiClient.Response r = f.app.api.sendBytes(method, path, token, body, headers);
    String input = body == null ? "no body" : "input " + text(body);
    boolean carrierDown = r.status() == 502 && r.body().contains("/problems/carrier-failed\"");
    if (r.status() >= 500 && !carrierDown) {
      fail(method + " " + path + " answered " + r.status() + " " + r.body() + " for " + input);
    }
    if (r.status() >= 400) {
      assertTrue(
          r.contentType().startsWith("application/problem+json"),
          r.status() + " is not a problem: " + r.contentType());
      assertTrue(!r.body().contains("\tat "), "stack trace: " + r.body());
      assertEquals(
          before,
          f.app.fingerprint(),
          method + " " + path + " answered " + r.status() + " but changed the store; " + input);
    } else if (resetOnSuccess) {
      f.changed = true;
    }
    checkMetricsBounded(f);
  }

  static String text(byte[] input) {
    return new String(input, StandardCharsets.UTF_8);
  }

  /** A query string from fuzz input: '&' and '=' stay, everything else is percent-encoded. */
  static String query(byte[] input) {
    String s = text(input);
    StringBuilder q = new StringBuilder();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '&' || c == '=') {
        q.append(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8)).append(c);
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    q.append(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8));
    return q.length() == 0 ? "" : "?" + q;
  }

  static String segment(byte[] input) {
    return URLEncoder.encode(text(input), StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Header values the HTTP client can send (visible ASCII and spaces), at most 200 chars. */
  static String headerValue(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c >= 0x20 && c < 0x7f && b.length() < 200) {
        b.append(c);
      }
    }
    return b.toString().strip();
  }

  /** The first line of the input (without the line break) and the rest. */
  static String[] firstLineAndRest(byte[] input) {
    String s = text(input);
    int nl = s.indexOf('\n');
    return nl < 0 ? new String[] {s, ""} : new String[] {s.substring(0, nl), s.substring(nl + 1)};
  }
}
