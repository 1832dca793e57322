package io.ticketdesk.domain;

/** Why an order unit is cancelled. */
public enum CancellationReason implements WireEnum {
  BUYER_CANCELLED,
  SHIPPING_ADDRESS_UNDELIVERABLE,
  WRONG_CATALOG_DATA,
  GENERAL_ADJUSTMENT,
  MERCHANDISE_NOT_RECEIVED,
  NO_INVENTORY,
  DELAYED_INVENTORY,
  WRONG_PRICE,
  NO_REACTION_BUYER,
  UNDELIVERABLE_REGION;

  /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
  public static CancellationReason of(String value) {
    return Validation.parseEnum(
        CancellationReason.class, value, "reason", CancellationReason::wire);
  }
}
