package io.ticketdesk.domain;

/** Identifies a seller on the marketplace. */
public record SellerId(long value) {
  public SellerId {
    Validation.id(value, "sellerId");
  }

  public static SellerId of(long value) {
    return new SellerId(value);
  }
}
