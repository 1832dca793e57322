package io.ticketdesk.adapters.http;

import java.time.Duration;

/**
 * Protective limits of the HTTP adapter: a per-token rate limit (token bucket: {@code
 * requestsPerSecond} sustained, {@code burst} at once; 0 switches it off), the idle timeout after
 * which a slow or silent client's connection is closed, and the most threads the server runs
 * requests on ({@code threads}; 0 = Jetty's default of 250). A small machine answers a burst with
 * lower latency when the requests beyond a few per core wait in line rather than share the CPU in
 * time slices (measured in docs/benchmarks.md).
 */
public record HttpLimits(int requestsPerSecond, int burst, Duration idleTimeout, int threads) {
  /**
   * Jetty's acceptor and selector take threads of the pool: fewer would leave none for requests.
   */
  public static final int MIN_THREADS = 8;

  public HttpLimits(int requestsPerSecond, int burst, Duration idleTimeout) {
    this(requestsPerSecond, burst, idleTimeout, 0);
  }

  public HttpLimits {
    if (threads != 0 && threads < MIN_THREADS) {
      throw new IllegalArgumentException(
          "threads must be 0 (Jetty's default) or at least " + MIN_THREADS + ", was " + threads);
    }
    if (requestsPerSecond < 0 || burst < 0) {
      throw new IllegalArgumentException("rate limits must not be negative");
    }
    if (requestsPerSecond > 0 && burst < 1) {
      throw new IllegalArgumentException("a rate limit needs a burst of at least 1");
    }
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive");
    }
  }

  /** 50 requests per second per token with bursts of 100; idle connections close after 30 s. */
  public static HttpLimits defaults() {
    return new HttpLimits(50, 100, Duration.ofSeconds(30));
  }
}
