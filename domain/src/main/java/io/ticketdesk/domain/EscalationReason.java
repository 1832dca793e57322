package io.ticketdesk.domain;

/** Why the seller hands a ticket to the marketplace's customer service. */
public enum EscalationReason implements WireEnum {
  CANNOT_HELP_FURTHER,
  NOT_DIRECTED_AT_SELLER,
  INVOICE_FICTITIOUS_SUPPLIER,
  PAYMENT_OR_PAYOUT,
  CARD_OR_COUPON,
  CUSTOMER_ACCOUNT;

  /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
  public static EscalationReason of(String value) {
    return Validation.parseEnum(EscalationReason.class, value, "reason", EscalationReason::wire);
  }
}
