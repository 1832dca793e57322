package io.ticketdesk.plugins.pdflabel;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** Makes A6 PDF return labels locally; supports every route between two ISO country codes. */
final class PdfReturnLabelProvider implements ReturnLabelProvider {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private final String carrier;
  private final TrackingNumbers trackingNumbers;

  PdfReturnLabelProvider(String carrier, TrackingNumbers trackingNumbers) {
    this.carrier = requireNonNull(carrier, "carrier is null");
    this.trackingNumbers = requireNonNull(trackingNumbers, "trackingNumbers is null");
  }

  @Override
  public String carrier() {
    return carrier;
  }

  @Override
  public boolean supports(String storefront, String fromCountry, String toCountry) {
    return COUNTRY.matcher(fromCountry).matches() && COUNTRY.matcher(toCountry).matches();
  }

  @Override
  public ReturnLabel createLabel(ReturnLabelRequest request) {
    requireNonNull(request, "request is null");
    String trackingNumber = trackingNumbers.next();
    try {
      return ReturnLabel.ofPdf(
          carrier, trackingNumber, LabelDocument.render(carrier, trackingNumber, request));
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the label PDF", e);
    }
  }
}
