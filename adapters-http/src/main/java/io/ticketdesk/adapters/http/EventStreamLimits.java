package io.ticketdesk.adapters.http;

import java.time.Duration;

/**
 * Limits of the live event streams ({@code GET /api/v1/events/stream}) on one instance: at most
 * {@code perToken} open streams per bearer token or browser session (beyond: 429 {@code
 * too-many-streams}) and {@code total} on the instance (beyond: 503 {@code streams-exhausted}); a
 * comment line every {@code heartbeat} when nothing happened (below the idle timeout, so that idle
 * connections and proxies keep the stream); each stream ends after {@code lifetime} (the client
 * reconnects with {@code Last-Event-ID} and is authenticated again: a revoked token or ended
 * session streams no longer than that); the instance reads new events every {@code poll}.
 */
public record EventStreamLimits(
    int perToken, int total, Duration heartbeat, Duration lifetime, Duration poll) {
  public EventStreamLimits {
    if (perToken < 1 || total < 1) {
      throw new IllegalArgumentException("perToken and total must be at least 1");
    }
    for (Duration d : new Duration[] {heartbeat, lifetime, poll}) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("heartbeat, lifetime and poll must be positive");
      }
    }
  }

  /**
   * 5 streams per token, 200 per instance, a heartbeat every 15 s, 5 minutes, read every 250 ms.
   */
  public static EventStreamLimits defaults() {
    return new EventStreamLimits(
        5, 200, Duration.ofSeconds(15), Duration.ofMinutes(5), Duration.ofMillis(250));
  }

  public EventStreamLimits withLifetime(Duration lifetime) {
    return new EventStreamLimits(perToken, total, heartbeat, lifetime, poll);
  }

  public EventStreamLimits withStreams(int perToken, int total) {
    return new EventStreamLimits(perToken, total, heartbeat, lifetime, poll);
  }

  public EventStreamLimits withHeartbeat(Duration heartbeat) {
    return new EventStreamLimits(perToken, total, heartbeat, lifetime, poll);
  }
}
