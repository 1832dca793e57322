package io.ticketdesk.application.port.in;

/**
 * A use case cannot be done now because something it relies on (e.g. the data store) is away;
 * nothing was changed and the caller may retry later.
 */
public class UnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
