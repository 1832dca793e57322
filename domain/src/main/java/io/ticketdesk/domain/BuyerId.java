package io.ticketdesk.domain;

/** Identifies a buyer (marketplace customer). */
public record BuyerId(long value) {
  public BuyerId {
    Validation.id(value, "buyerId");
  }

  public static BuyerId of(long value) {
    return new BuyerId(value);
  }
}
