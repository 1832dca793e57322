package io.ticketdesk.domain;

import java.time.Instant;

/**
 * One attempt of a delivery, as its owner reads it: when, the answer's status code (or the error,
 * e.g. a timeout or a refused connection), how long it took, and where the delivery stood after it
 * ({@code DELIVERED}, {@code PENDING}: a retry is due, {@code FAILED}: given up).
 */
public record WebhookAttempt(
    long deliveryId,
    long endpointId,
    String eventId,
    int attempt,
    Instant attemptedAt,
    Integer statusCode,
    String error,
    long durationMillis,
    WebhookDelivery.Status outcome) {
  public WebhookAttempt {
    Validation.required(eventId, "eventId");
    Validation.required(attemptedAt, "attemptedAt");
    Validation.required(outcome, "outcome");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1");
    }
  }

  /** The attempt that brought the delivery to {@code after} (its latest attempt). */
  public static WebhookAttempt of(WebhookDelivery after) {
    if (after.attempts() < 1 || after.lastAttemptAt() == null) {
      throw new IllegalArgumentException("delivery " + after.id() + " has not been attempted");
    }
    return new WebhookAttempt(
        after.id(),
        after.endpointId(),
        after.eventId(),
        after.attempts(),
        after.lastAttemptAt(),
        after.lastStatusCode(),
        after.lastError(),
        after.lastDurationMillis() == null ? 0 : after.lastDurationMillis(),
        after.status());
  }
}
