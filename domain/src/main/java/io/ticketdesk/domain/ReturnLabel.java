package io.ticketdesk.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A return label stored with a ticket: made by a carrier plugin or uploaded by the seller, as PDF
 * bytes or as an https download URL (exactly one of the two).
 */
public record ReturnLabel(
    long id,
    SellerId sellerId,
    TicketNumber ticketNumber,
    String carrier,
    String trackingNumber,
    byte[] pdf,
    String downloadUrl,
    Instant createdAt) {
  /** The largest PDF a seller may upload. */
  public static final int MAX_PDF_BYTES = 5 * 1024 * 1024;

  /** The carrier name of labels the seller uploaded. */
  public static final String UPLOADED = "uploaded";

  public ReturnLabel {
    Validation.required(sellerId, "sellerId");
    Validation.required(ticketNumber, "ticketNumber");
    Validation.requiredText(carrier, "carrier", 64);
    Validation.requiredText(trackingNumber, "trackingNumber", 64);
    Validation.required(createdAt, "createdAt");
    if ((pdf == null) == (downloadUrl == null)) {
      throw new IllegalArgumentException("a label has a PDF or a download URL, not both");
    }
    if (downloadUrl != null) {
      new ReturnOption(ReturnOptionType.LABEL_URL, null, downloadUrl, null);
    }
    pdf = pdf == null ? null : pdf.clone();
  }

  /** Checks an uploaded PDF: starts with {@code %PDF} and is at most 5 MiB. */
  public static void checkPdf(byte[] pdf) {
    Validation.required(pdf, "pdf");
    if (pdf.length > MAX_PDF_BYTES) {
      throw Validation.invalid("a label PDF is at most " + MAX_PDF_BYTES + " bytes (5 MiB)");
    }
    if (pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F') {
      throw Validation.invalid("the label is not a PDF (it must start with %PDF)");
    }
  }

  @Override
  public byte[] pdf() {
    return pdf == null ? null : pdf.clone();
  }

  public Optional<byte[]> pdfBytes() {
    return Optional.ofNullable(pdf());
  }

  public Optional<String> url() {
    return Optional.ofNullable(downloadUrl);
  }

  /** The same label under the id the store gave it. */
  public ReturnLabel withId(long newId) {
    return new ReturnLabel(
        newId, sellerId, ticketNumber, carrier, trackingNumber, pdf, downloadUrl, createdAt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReturnLabel l
        && id == l.id
        && sellerId.equals(l.sellerId)
        && ticketNumber.equals(l.ticketNumber)
        && carrier.equals(l.carrier)
        && trackingNumber.equals(l.trackingNumber)
        && Arrays.equals(pdf, l.pdf)
        && Objects.equals(downloadUrl, l.downloadUrl)
        && createdAt.equals(l.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, sellerId, ticketNumber, trackingNumber);
  }

  @Override
  public String toString() {
    return "ReturnLabel[id="
        + id
        + ", ticket="
        + ticketNumber.value()
        + ", carrier="
        + carrier
        + ", trackingNumber="
        + trackingNumber
        + (pdf != null ? ", pdf=" + pdf.length + " bytes" : ", downloadUrl=" + downloadUrl)
        + "]";
  }
}
