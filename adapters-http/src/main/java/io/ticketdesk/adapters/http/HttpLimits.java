package io.ticketdesk.adapters.http;

import java.time.Duration;

/**
 * Protective limits of the HTTP adapter: a per-token rate limit (token bucket: {@code
 * requestsPerSecond} sustained, {@code burst} at once; 0 switches it off) and the idle timeout
 * after which a slow or silent client's connection is closed.
 */
public record HttpLimits(int requestsPerSecond, int burst, Duration idleTimeout) {
  public HttpLimits {
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
