package io.ticketdesk.adapters.http;

import io.ticketdesk.application.port.out.CarrierFailedException;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carriers for the HTTP tests: one that makes a PDF label, one that always fails; two unlisted ones
 * answer as a flooded ({@code busy}) and a hanging ({@code timing-out}) plugin would.
 */
final class FakeCarriers implements Carriers {
  static final byte[] PDF = "%PDF-1.4\n% test label\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  final AtomicInteger labelsMade = new AtomicInteger();

  /** Every call to make a label, made or failed. */
  final AtomicInteger calls = new AtomicInteger();

  @Override
  public List<Carrier> list() {
    return List.of(
        new Carrier("test-pdf", "test-plugin", "1.0"), new Carrier("broken", "test-plugin", "1.0"));
  }

  @Override
  public MadeLabel createLabel(String carrier, LabelRequest request) {
    calls.incrementAndGet();
    return switch (carrier) {
      case "test-pdf" ->
          new MadeLabel(
              carrier,
              "TD" + request.ticketNumber().value() + labelsMade.incrementAndGet(),
              PDF,
              null);
      case "broken" -> throw new CarrierFailedException(carrier, "threw", "the carrier is down");
      case "busy" ->
          throw new CarrierFailedException(
              carrier, "busy", "too many label requests in flight; try again");
      case "timing-out" ->
          throw new CarrierFailedException(
              carrier, "timed_out", "the carrier plugin did not answer within 10000 ms");
      default ->
          throw new DomainException(
              ErrorCode.VALIDATION,
              "unknown carrier '" + carrier + "'",
              Map.of("field", "carrier", "validValues", List.of("test-pdf", "broken")));
    };
  }
}
