package io.ticketdesk.domain;

/** Identifies one unit (one item) of an order; a positive 64-bit number. */
public record OrderUnitId(long value) {
  public OrderUnitId {
    Validation.id(value, "orderUnitId");
  }

  public static OrderUnitId of(long value) {
    return new OrderUnitId(value);
  }
}
