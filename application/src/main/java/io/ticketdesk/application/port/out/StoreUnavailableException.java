package io.ticketdesk.application.port.out;

import io.ticketdesk.application.port.in.UnavailableException;

/**
 * Thrown by a store when the database cannot be reached; to the callers of the use cases it is an
 * {@link UnavailableException} (they may retry later).
 */
public class StoreUnavailableException extends UnavailableException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
