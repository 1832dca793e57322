package io.ticketdesk.domain;

/** The kinds of return option a seller may offer in the first response to a return request. */
public enum ReturnOptionType implements WireEnum {
  /** A prepaid return label made for the ticket by a carrier plugin, or uploaded as PDF. */
  PREPAID_LABEL,
  /** An https URL to download a prepaid return label. */
  LABEL_URL,
  /** The seller's registered return address; valid only for items worth at most 40 EUR. */
  SELLER_ADDRESS,
  /** A full refund of the unit(s), executed with the message; the buyer keeps the goods. */
  REFUND_WITHOUT_RETURN,
  /** A reference to a return label that is already in the package. */
  LABEL_IN_PACKAGE;

  /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
  public static ReturnOptionType of(String value) {
    return Validation.parseEnum(ReturnOptionType.class, value, "type", ReturnOptionType::wire);
  }
}
