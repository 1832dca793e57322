package io.ticketdesk.application.port.out;

/** Thrown by a store when a unique key (order number, order unit id, …) is already taken. */
public class DuplicateKeyException extends RuntimeException {
  public DuplicateKeyException(String message) {
    super(message, null, false, false);
  }
}
