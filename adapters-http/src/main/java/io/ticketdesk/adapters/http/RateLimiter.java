package io.ticketdesk.adapters.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per bearer token on this node: {@code rate} requests per second sustained and
 * {@code burst} at once; over the limit a request is 429 {@code rate-limited} with Retry-After.
 */
final class RateLimiter {
  private static final int MAX_BUCKETS = 100_000;
  private static final long NANOS = 1_000_000_000L;

  private final int rate;
  private final int burst;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int rate, int burst, LongSupplier nanoTime) {
    this.rate = rate;
    this.burst = burst;
    this.nanoTime = nanoTime;
  }

  /** Before every authenticated API route (after authentication). */
  void check(Context ctx) {
    if (rate == 0) {
      return;
    }
    String token = ctx.header("Authorization");
    if (token == null) {
      return;
    }
    if (buckets.size() > MAX_BUCKETS) {
      buckets.clear();
    }
    long waitNanos =
        buckets
            .computeIfAbsent(token, k -> new Bucket(burst, nanoTime.getAsLong()))
            .take(rate, burst, nanoTime.getAsLong());
    if (waitNanos > 0) {
      long seconds = Math.max(1, (waitNanos + NANOS - 1) / NANOS);
      ctx.header("Retry-After", String.valueOf(seconds));
      throw new HttpProblem(
          429,
          "rate-limited",
          "more than "
              + rate
              + " requests per second (bursts of "
              + burst
              + ") with this token; retry after "
              + seconds
              + " s",
          Map.of("retryAfterSeconds", seconds));
    }
  }

  /** Tokens (in billionths, to stay in integers) and the time of the last refill. */
  private static final class Bucket {
    private long nanoTokens;
    private long last;

    Bucket(int burst, long now) {
      this.nanoTokens = burst * NANOS;
      this.last = now;
    }

    /** Takes one token; answers 0, or how long until one is available. */
    synchronized long take(int rate, int burst, long now) {
      long elapsed = Math.max(0, now - last);
      last = now;
      long refill = elapsed > Long.MAX_VALUE / rate ? Long.MAX_VALUE : elapsed * rate;
      nanoTokens = Math.min((long) burst * NANOS, saturatedAdd(nanoTokens, refill));
      if (nanoTokens >= NANOS) {
        nanoTokens -= NANOS;
        return 0;
      }
      return (NANOS - nanoTokens + rate - 1) / rate;
    }

    private static long saturatedAdd(long a, long b) {
      long r = a + b;
      return r < 0 ? Long.MAX_VALUE : r;
    }
  }
}
