package io.ticketdesk.domain;

/** The state of an order unit. */
public enum UnitState implements WireEnum {
  OPEN,
  SENT,
  RECEIVED,
  CANCELLED,
  RETURNED;

  /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
  public static UnitState of(String value) {
    return Validation.parseEnum(UnitState.class, value, "state", UnitState::wire);
  }
}
