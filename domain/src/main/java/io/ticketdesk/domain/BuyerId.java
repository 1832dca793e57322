package io.ticketdesk.domain;

/** Identifies a buyer (marketplace customer). */
public record BuyerId(long value) {
  public BuyerId {
    if (value <= 0) {
      throw Validation.invalid("buyerId must be a positive number");
    }
  }

  public static BuyerId of(long value) {
    return new BuyerId(value);
  }
}
