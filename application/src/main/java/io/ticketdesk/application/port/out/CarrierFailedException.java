package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import java.util.Map;

/** A carrier failed to make a label: it threw, did not answer in time, or answered garbage. */
public final class CarrierFailedException extends DomainException {
  private static final long serialVersionUID = 1L;

  public CarrierFailedException(String carrier, String failure, String reason) {
    super(
        ErrorCode.CARRIER_FAILED,
        "carrier " + carrier + " failed: " + reason,
        Map.of("carrier", carrier, "failure", failure));
  }
}
