package io.ticketdesk.domain;

/** Why the seller or customer service refunds part of an order unit. */
public enum RefundReason implements WireEnum {
  DELIVERY_DAMAGE,
  DELIVERY_DELAY,
  INCOMPLETE_DELIVERY,
  INCORRECT_DELIVERY,
  REFUND_POSTAGE_FEE,
  DEFECT,
  OTHER_REFUND,
  REFUND_RETURN_POSTAGE_FEE;

  /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
  public static RefundReason of(String value) {
    return Validation.parseEnum(RefundReason.class, value, "reason", RefundReason::wire);
  }
}
