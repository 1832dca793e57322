package io.ticketdesk.domain;

/** An enum whose values travel as snake_case text (on the wire and in the database). */
public interface WireEnum {
  /** The snake_case wire value. */
  default String wire() {
    return Validation.snake((Enum<?>) this);
  }
}
