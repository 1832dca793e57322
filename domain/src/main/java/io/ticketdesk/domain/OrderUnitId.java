package io.ticketdesk.domain;

/** Identifies one unit (one item) of an order; a positive 64-bit number. */
public record OrderUnitId(long value) {
  public OrderUnitId {
    if (value <= 0) {
      throw Validation.invalid("orderUnitId must be a positive number");
    }
  }

  public static OrderUnitId of(long value) {
    return new OrderUnitId(value);
  }
}
