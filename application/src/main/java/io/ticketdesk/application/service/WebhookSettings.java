package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.domain.RetrySchedule;
import java.time.Duration;

/**
 * What an operator tunes about webhooks: whether {@code http://} and private, loopback and
 * link-local targets are allowed ({@code TICKETDESK_WEBHOOKS_ALLOW_INSECURE}; development and
 * tests), the retry schedule, how long a rotated secret stays valid, after how long of nothing but
 * failures an endpoint is disabled, how long a worker's lease on a delivery lasts, and how many
 * deliveries one worker claims at once.
 */
public record WebhookSettings(
    boolean allowInsecure,
    RetrySchedule retries,
    Duration secretGrace,
    Duration disableAfter,
    Duration lease,
    int batch) {
  public WebhookSettings {
    requireNonNull(retries, "retries is null");
    requireNonNull(secretGrace, "secretGrace is null");
    requireNonNull(disableAfter, "disableAfter is null");
    requireNonNull(lease, "lease is null");
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be positive");
    }
  }

  /** HTTPS to public addresses only, the default schedule, 24 h grace, 3 days, 2 min, 100. */
  public static WebhookSettings defaults() {
    return new WebhookSettings(
        false,
        RetrySchedule.DEFAULT,
        Duration.ofHours(24),
        Duration.ofDays(3),
        Duration.ofMinutes(2),
        100);
  }

  public WebhookSettings withAllowInsecure(boolean allow) {
    return new WebhookSettings(allow, retries, secretGrace, disableAfter, lease, batch);
  }

  public WebhookSettings withDisableAfter(Duration after) {
    return new WebhookSettings(allowInsecure, retries, secretGrace, after, lease, batch);
  }

  /** How long a worker's lease on a delivery lasts (a killed instance's run out after it). */
  public WebhookSettings withLease(Duration lease) {
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("the lease must be positive");
    }
    return new WebhookSettings(allowInsecure, retries, secretGrace, disableAfter, lease, batch);
  }

  public WebhookSettings withRetries(RetrySchedule schedule) {
    return new WebhookSettings(allowInsecure, schedule, secretGrace, disableAfter, lease, batch);
  }
}
