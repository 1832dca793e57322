package io.ticketdesk.domain;

import java.time.Duration;
import java.time.Instant;

/** A seller's first answer on a ticket: when, in how much working time, and whether on time. */
public record FirstResponse(
    Storefront storefront, Instant at, Duration workingTime, boolean onTime) {
  public FirstResponse {
    Validation.required(storefront, "storefront");
    Validation.required(at, "at");
    Validation.required(workingTime, "workingTime");
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("working time cannot be negative");
    }
  }
}
