package io.ticketdesk.application.port.out;

/** Thrown by a store when a row changed since it was read (optimistic locking lost). */
public class ConcurrentUpdateException extends RuntimeException {
  public ConcurrentUpdateException(String message) {
    super(message, null, false, false);
  }
}
