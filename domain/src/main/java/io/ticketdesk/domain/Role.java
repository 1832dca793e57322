package io.ticketdesk.domain;

/** The role a caller acts in. */
public enum Role implements WireEnum {
  MARKETPLACE,
  SELLER,
  BUYER,
  CUSTOMER_SERVICE;

  /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
  public static Role of(String value) {
    return Validation.parseEnum(Role.class, value, "role", Role::wire);
  }
}
