package io.ticketdesk.domain;

/** Why a ticket is closed, as customer service states it: 1 to 1,000 characters, not blank. */
public record ClosingReason(String value) {
  public static final int MAX_LENGTH = 1_000;

  public ClosingReason {
    Validation.required(value, "reason");
    if (value.isBlank()) {
      throw Validation.invalid("reason must not be empty or blank");
    }
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw Validation.invalid("reason must be at most " + MAX_LENGTH + " characters");
    }
  }

  public static ClosingReason of(String value) {
    return new ClosingReason(value);
  }
}
