package io.ticketdesk.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: exponential backoff with jitter, the first retry after
 * about 10 s (then ×3: 30 s, 90 s, 4.5 min, …, at most 6 h apart), for up to 3 days after the event
 * was first due; then the delivery has failed.
 */
public record RetrySchedule(Duration first, double factor, Duration cap, Duration giveUpAfter) {
  public static final RetrySchedule DEFAULT =
      new RetrySchedule(Duration.ofSeconds(10), 3.0, Duration.ofHours(6), Duration.ofDays(3));

  public RetrySchedule {
    Validation.required(first, "first");
    Validation.required(cap, "cap");
    Validation.required(giveUpAfter, "giveUpAfter");
    if (first.isNegative() || first.isZero() || factor < 1 || cap.compareTo(first) < 0) {
      throw new IllegalArgumentException("a retry schedule grows from a positive first delay");
    }
  }

  /**
   * The delay after {@code failures} failed attempts (1 for the first retry), spread by {@code
   * jitter} in [0, 1) to between 80 % and 120 %.
   */
  public Duration delay(int failures, double jitter) {
    double millis = first.toMillis() * Math.pow(factor, Math.max(0, failures - 1));
    millis = Math.min(millis, cap.toMillis());
    return Duration.ofMillis(Math.round(millis * (0.8 + 0.4 * jitter)));
  }

  /** Whether a delivery first due at {@code since} is given up at {@code now}. */
  public boolean givesUp(Instant since, Instant now) {
    return !now.isBefore(since.plus(giveUpAfter));
  }
}
