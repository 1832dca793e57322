package io.ticketdesk.domain;

/** Why a ticket was opened (the marketplace's reason list). */
public enum TicketReason implements WireEnum {
  PRODUCT_NOT_AS_DESCRIBED,
  PRODUCT_DEFECT,
  PRODUCT_NOT_DELIVERED,
  PRODUCT_RETURN,
  CONTACT_OTHER;

  /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
  public static TicketReason of(String value) {
    return Validation.parseEnum(TicketReason.class, value, "reason", TicketReason::wire);
  }
}
