package io.ticketdesk.plugin.host;

import static java.util.Objects.requireNonNull;

/** No loaded plugin provides a carrier of that name. */
public final class UnknownCarrierException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String carrier;

  UnknownCarrierException(String carrier) {
    super("no carrier named '" + carrier + "' is loaded");
    this.carrier = requireNonNull(carrier, "carrier is null");
  }

  /** The carrier name that was asked for. */
  public String carrier() {
    return carrier;
  }
}
