package io.ticketdesk.plugin.host;

import static io.ticketdesk.plugin.api.ReturnLabelLimits.MAX_PDF_BYTES;
import static io.ticketdesk.plugin.api.ReturnLabelLimits.MAX_TRACKING_NUMBER_LENGTH;
import static io.ticketdesk.plugin.api.ReturnLabelLimits.MAX_URL_LENGTH;

import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelLimits;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** What the host accepts as a return label from a carrier plugin; anything else is garbage. */
final class ReturnLabelCheck {

  static final int MAX_TRACKING_NUMBER_LENGTH = 64;
  static final int MAX_PDF_BYTES = 10 * 1024 * 1024;
  static final int MAX_URL_LENGTH = 2048;

  private ReturnLabelCheck() {}

  /** The reason the label is not acceptable from {@code carrier}, or empty when it is. */
  static Optional<String> problem(ReturnLabel label, String carrier) {
    if (label == null) {
      return Optional.of("returned no label (null)");
    }
    if (!label.carrier().equals(carrier)) {
      return Optional.of("returned a label of another carrier: '" + label.carrier() + "'");
    }
    String tracking = label.trackingNumber();
    if (tracking.isBlank()) {
      return Optional.of("returned a label with an empty tracking number");
    }
    if (!ReturnLabelLimits.isTrackingNumber(tracking)) {
      return Optional.of(
          "returned a tracking number that is not 1-"
              + MAX_TRACKING_NUMBER_LENGTH
              + " printable ASCII characters without spaces");
    }
    if (label.downloadUrl() != null) {
      return urlProblem(label.downloadUrl());
    }
    byte[] pdf = label.pdf();
    if (pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F') {
      return Optional.of("returned a PDF that does not start with %PDF");
    }
    if (pdf.length > MAX_PDF_BYTES) {
      return Optional.of("returned a PDF larger than " + MAX_PDF_BYTES + " bytes");
    }
    return Optional.empty();
  }

  private static Optional<String> urlProblem(String url) {
    if (url.length() > MAX_URL_LENGTH) {
      return Optional.of("returned a download URL longer than " + MAX_URL_LENGTH + " characters");
    }
    try {
      URI uri = new URI(url);
      if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        return Optional.of("returned a download URL that is not an absolute https URL: " + url);
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("returned a download URL that is not a valid URI: " + url);
    }
  }
}
