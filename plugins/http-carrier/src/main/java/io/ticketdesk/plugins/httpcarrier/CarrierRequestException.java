package io.ticketdesk.plugins.httpcarrier;

/** The carrier service could not be reached or did not answer with a usable label. */
public final class CarrierRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CarrierRequestException(String message) {
    super(message);
  }

  CarrierRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
