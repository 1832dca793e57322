package io.ticketdesk.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A ticket's first response as the KPI judges it: the first deadline, and when and in how much
 * working time the seller answered ({@code answeredAt} and {@code workingTime} are null while it
 * has not).
 */
public record FirstResponse(
    Storefront storefront, Instant dueAt, Instant answeredAt, Duration workingTime) {
  public FirstResponse {
    Validation.required(storefront, "storefront");
    Validation.required(dueAt, "dueAt");
    if ((answeredAt == null) != (workingTime == null)) {
      throw new IllegalArgumentException("an answer has both its time and its working time");
    }
    if (workingTime != null && workingTime.isNegative()) {
      throw new IllegalArgumentException("working time cannot be negative");
    }
  }

  public boolean answered() {
    return answeredAt != null;
  }

  /** Answered by the first deadline. */
  public boolean onTime() {
    return answeredAt != null && !answeredAt.isAfter(dueAt);
  }

  /** Whether the KPI judges it at {@code now}: answered, or its deadline has passed. */
  public boolean judgedAt(Instant now) {
    return answered() || now.isAfter(dueAt);
  }

  /** Its deadline passed at {@code now} and the seller has not answered: late, like silence. */
  public boolean unansweredLateAt(Instant now) {
    return !answered() && now.isAfter(dueAt);
  }
}
