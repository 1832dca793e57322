package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import java.util.Map;

/**
 * A carrier failed to make a label: it threw or answered garbage ({@code carrier-failed}), had too
 * many calls in flight ({@code failure} {@code busy}: {@code carrier-busy}) or did not answer in
 * time ({@code timed_out}: {@code carrier-timed-out}).
 */
public final class CarrierFailedException extends DomainException {
  private static final long serialVersionUID = 1L;

  public CarrierFailedException(String carrier, String failure, String reason) {
    super(
        switch (failure) {
          case "busy" -> ErrorCode.CARRIER_BUSY;
          case "timed_out" -> ErrorCode.CARRIER_TIMED_OUT;
          default -> ErrorCode.CARRIER_FAILED;
        },
        "carrier " + carrier + " failed: " + reason,
        Map.of("carrier", carrier, "failure", failure));
  }
}
