package io.ticketdesk.domain;

/** The three statuses of the seller's view of a ticket. */
public enum TicketStatus implements WireEnum {
  OPEN,
  WAITING,
  CLOSED;

  /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
  public static TicketStatus of(String value) {
    return Validation.parseEnum(TicketStatus.class, value, "status", TicketStatus::wire);
  }
}
