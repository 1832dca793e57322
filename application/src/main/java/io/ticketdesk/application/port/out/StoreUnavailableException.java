package io.ticketdesk.application.port.out;

/** Thrown by a store when the database cannot be reached; callers may retry later. */
public class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
