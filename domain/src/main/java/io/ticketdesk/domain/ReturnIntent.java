package io.ticketdesk.domain;

/** What the buyer wants from a return: a refund, or repair, replacement or missing parts. */
public enum ReturnIntent implements WireEnum {
  REFUND,
  REPAIR,
  REPLACEMENT,
  MISSING_PARTS;

  /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
  public static ReturnIntent of(String value) {
    return Validation.parseEnum(ReturnIntent.class, value, "returnIntent", ReturnIntent::wire);
  }
}
