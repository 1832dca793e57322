package io.ticketdesk.domain;

/** Who bears the cost of a refund or cancellation. */
public enum CostBearer implements WireEnum {
  SELLER,
  MARKETPLACE;

  /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
  public static CostBearer of(String value) {
    return Validation.parseEnum(CostBearer.class, value, "bearer", CostBearer::wire);
  }
}
