package io.ticketdesk.plugin.api;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A return label made by a carrier: its tracking number and either the label as PDF bytes or an
 * https URL to download it (exactly one of the two).
 *
 * <p>The host checks the content before it hands a label on: the carrier is the provider's, the
 * tracking number is not blank, a PDF starts with {@code %PDF}, a URL is an absolute https URL, all
 * within {@link ReturnLabelLimits}.
 *
 * @param carrier the carrier that made it, as in {@link ReturnLabelProvider#carrier()}
 * @param trackingNumber the parcel's tracking number
 * @param pdf the printable label, or null when {@code downloadUrl} is given
 * @param downloadUrl where to download the label, or null when {@code pdf} is given
 * @since 1.0
 */
public record ReturnLabel(String carrier, String trackingNumber, byte[] pdf, String downloadUrl) {

  /**
   * Validates that exactly one of {@code pdf} and {@code downloadUrl} is given and copies the PDF.
   *
   * @since 1.0
   */
  public ReturnLabel {
    requireNonNull(carrier, "carrier is null");
    requireNonNull(trackingNumber, "trackingNumber is null");
    if ((pdf == null) == (downloadUrl == null)) {
      throw new IllegalArgumentException("exactly one of pdf and downloadUrl must be given");
    }
    pdf = pdf == null ? null : pdf.clone();
  }

  /**
   * A label delivered as PDF bytes.
   *
   * @since 1.0
   */
  public static ReturnLabel ofPdf(String carrier, String trackingNumber, byte[] pdf) {
    return new ReturnLabel(carrier, trackingNumber, requireNonNull(pdf, "pdf is null"), null);
  }

  /**
   * A label to be downloaded from an https URL.
   *
   * @since 1.0
   */
  public static ReturnLabel ofUrl(String carrier, String trackingNumber, String downloadUrl) {
    return new ReturnLabel(
        carrier, trackingNumber, null, requireNonNull(downloadUrl, "downloadUrl is null"));
  }

  /**
   * A copy of the PDF bytes, or null for a URL label.
   *
   * @since 1.0
   */
  @Override
  public byte[] pdf() {
    return pdf == null ? null : pdf.clone();
  }

  /**
   * The PDF bytes, if this label carries them.
   *
   * @since 1.0
   */
  public Optional<byte[]> pdfBytes() {
    return Optional.ofNullable(pdf());
  }

  /**
   * The download URL, if this label carries one.
   *
   * @since 1.0
   */
  public Optional<String> url() {
    return Optional.ofNullable(downloadUrl);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReturnLabel other
        && carrier.equals(other.carrier)
        && trackingNumber.equals(other.trackingNumber)
        && Arrays.equals(pdf, other.pdf)
        && Objects.equals(downloadUrl, other.downloadUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(carrier, trackingNumber, Arrays.hashCode(pdf), downloadUrl);
  }

  @Override
  public String toString() {
    return "ReturnLabel[carrier="
        + carrier
        + ", trackingNumber="
        + trackingNumber
        + (pdf != null ? ", pdf=" + pdf.length + " bytes" : ", downloadUrl=" + downloadUrl)
        + "]";
  }
}
