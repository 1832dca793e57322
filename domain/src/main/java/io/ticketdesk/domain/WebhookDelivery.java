package io.ticketdesk.domain;

import java.time.Instant;

/**
 * One event on its way to one endpoint: pending until a 2xx answer (delivered) or until the retry
 * schedule gives up (failed); the last attempt's status code, error and duration for the owner.
 */
public record WebhookDelivery(
    long id,
    long endpointId,
    String eventId,
    SellerId sellerId,
    TicketNumber ticketNumber,
    long sequence,
    Status status,
    int attempts,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    Integer lastStatusCode,
    String lastError,
    Long lastDurationMillis,
    Instant createdAt) {

  /** Where a delivery stands. */
  public enum Status implements WireEnum {
    PENDING,
    DELIVERED,
    FAILED
  }

  public WebhookDelivery {
    Validation.required(eventId, "eventId");
    Validation.required(sellerId, "sellerId");
    Validation.required(ticketNumber, "ticketNumber");
    Validation.required(status, "status");
    Validation.required(createdAt, "createdAt");
    if (status == Status.PENDING && nextAttemptAt == null) {
      throw new IllegalArgumentException("a pending delivery has its next attempt");
    }
  }

  /** A new delivery of {@code event} to {@code endpoint}, due at {@code at}. */
  public static WebhookDelivery of(long endpoint, DomainEvent event, Instant at) {
    return new WebhookDelivery(
        0,
        endpoint,
        event.id(),
        event.sellerId(),
        event.ticketNumber(),
        event.sequence(),
        Status.PENDING,
        0,
        at,
        null,
        null,
        null,
        null,
        at);
  }

  /** The delivery given up after an attempt that cannot succeed (e.g. its event is gone). */
  public WebhookDelivery abandoned(AttemptResult r, Instant at) {
    return new WebhookDelivery(
        id,
        endpointId,
        eventId,
        sellerId,
        ticketNumber,
        sequence,
        Status.FAILED,
        attempts + 1,
        null,
        at,
        r.statusCode(),
        r.error(),
        r.durationMillis(),
        createdAt);
  }

  /** The delivery after an attempt that ended with {@code r}. */
  public WebhookDelivery after(AttemptResult r, RetrySchedule schedule, double jitter, Instant at) {
    int tried = attempts + 1;
    Status next;
    Instant due;
    if (r.succeeded()) {
      next = Status.DELIVERED;
      due = null;
    } else if (r.gone() || schedule.givesUp(createdAt, at)) {
      next = Status.FAILED;
      due = null;
    } else {
      next = Status.PENDING;
      due = at.plus(schedule.delay(tried, jitter));
    }
    return new WebhookDelivery(
        id,
        endpointId,
        eventId,
        sellerId,
        ticketNumber,
        sequence,
        next,
        tried,
        due,
        at,
        r.statusCode(),
        r.error(),
        r.durationMillis(),
        createdAt);
  }
}
