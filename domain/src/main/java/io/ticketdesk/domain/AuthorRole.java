package io.ticketdesk.domain;

/** Who wrote a chat message. */
public enum AuthorRole implements WireEnum {
  BUYER,
  SELLER,
  CUSTOMER_SERVICE,
  SYSTEM;

  /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
  public static AuthorRole of(String value) {
    return Validation.parseEnum(AuthorRole.class, value, "authorRole", AuthorRole::wire);
  }
}
