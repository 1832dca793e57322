package io.ticketdesk.domain;

/** Whose feedback a waiting ticket waits for. */
public enum WaitingOn implements WireEnum {
  BUYER,
  CUSTOMER_SERVICE;

  /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
  public static WaitingOn of(String value) {
    return Validation.parseEnum(WaitingOn.class, value, "waitingOn", WaitingOn::wire);
  }
}
