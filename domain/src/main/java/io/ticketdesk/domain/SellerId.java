package io.ticketdesk.domain;

/** Identifies a seller on the marketplace. */
public record SellerId(long value) {
  public SellerId {
    if (value <= 0) {
      throw Validation.invalid("sellerId must be a positive number");
    }
  }

  public static SellerId of(long value) {
    return new SellerId(value);
  }
}
