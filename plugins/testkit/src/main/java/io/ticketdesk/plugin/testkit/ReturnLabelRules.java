package io.ticketdesk.plugin.testkit;

import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelLimits;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the plugin host accepts from a carrier, as plain checks that return the problems found (an
 * empty list means "acceptable"). {@link ReturnLabelProviderContract} asserts on them; a plugin's
 * own tests may call them directly.
 *
 * <p>The limits are the SPI's {@link ReturnLabelLimits}, the ones the host applies; a label that
 * passes here is not rejected by the host as garbage.
 *
 * @since 1.0
 */
public final class ReturnLabelRules {

  /**
   * A carrier name the host accepts: a letter or digit, then up to 63 letters, digits, {@code .},
   * {@code _} or {@code -}.
   *
   * @since 1.0
   */
  public static final Pattern CARRIER_NAME = ReturnLabelLimits.CARRIER_NAME;

  /**
   * The longest tracking number the host accepts.
   *
   * @since 1.0
   */
  public static final int MAX_TRACKING_NUMBER_LENGTH = ReturnLabelLimits.MAX_TRACKING_NUMBER_LENGTH;

  /**
   * The largest PDF label the host accepts, in bytes (10 MiB).
   *
   * @since 1.0
   */
  public static final int MAX_PDF_BYTES = ReturnLabelLimits.MAX_PDF_BYTES;

  /**
   * The longest download URL the host accepts.
   *
   * @since 1.0
   */
  public static final int MAX_URL_LENGTH = ReturnLabelLimits.MAX_URL_LENGTH;

  private static final Pattern PDF_HEADER = Pattern.compile("%PDF-\\d\\.\\d");
  private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d{1,12})\\s+%%EOF");

  /** PDF readers look for the end-of-file marker in the last 1024 bytes (ISO 32000-1, 7.5.5). */
  private static final int TRAILER_WINDOW = 1024;

  private ReturnLabelRules() {}

  /**
   * Problems with a carrier name, or an empty list.
   *
   * @since 1.0
   */
  public static List<String> carrierNameProblems(String carrier) {
    if (carrier == null) {
      return List.of("carrier() returned null");
    }
    if (!CARRIER_NAME.matcher(carrier).matches()) {
      return List.of(
          "carrier name '"
              + carrier
              + "' does not match "
              + CARRIER_NAME.pattern()
              + " (non-blank, no spaces, at most 64 characters)");
    }
    return List.of();
  }

  /**
   * Problems with a tracking number, or an empty list: it must be 1 to 64 printable ASCII
   * characters without spaces (it is printed, searched and encoded in barcodes).
   *
   * @since 1.0
   */
  public static List<String> trackingNumberProblems(String trackingNumber) {
    if (trackingNumber == null || trackingNumber.isBlank()) {
      return List.of("the tracking number is blank");
    }
    if (trackingNumber.length() > MAX_TRACKING_NUMBER_LENGTH) {
      return List.of(
          "the tracking number is longer than " + MAX_TRACKING_NUMBER_LENGTH + " characters");
    }
    if (!trackingNumber.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return List.of(
          "the tracking number '"
              + trackingNumber
              + "' is not printable ASCII without spaces (0x21-0x7E only)");
    }
    return List.of();
  }

  /**
   * Problems with a label made by {@code carrier}, or an empty list: right carrier, valid tracking
   * number, and exactly one of a PDF or an https URL that pass {@link #pdfProblems} or {@link
   * #urlProblems}.
   *
   * @since 1.0
   */
  public static List<String> labelProblems(ReturnLabel label, String carrier) {
    if (label == null) {
      return List.of("createLabel returned null");
    }
    List<String> problems = new ArrayList<>();
    if (!label.carrier().equals(carrier)) {
      problems.add(
          "the label names carrier '"
              + label.carrier()
              + "', but the provider is '"
              + carrier
              + "'");
    }
    problems.addAll(trackingNumberProblems(label.trackingNumber()));
    // ReturnLabel's constructor already enforces "exactly one"; checked again for clarity.
    if ((label.pdf() == null) == (label.downloadUrl() == null)) {
      problems.add("the label must carry exactly one of a PDF and a download URL");
    } else if (label.pdf() != null) {
      problems.addAll(pdfProblems(label.pdf()));
    } else {
      problems.addAll(urlProblems(label.downloadUrl()));
    }
    return problems;
  }

  /**
   * Problems with a PDF label, or an empty list: it starts with a {@code %PDF-x.y} header, is at
   * most 10 MiB, and ends with a {@code startxref} offset that lies inside the file followed by
   * {@code %%EOF}, so that a PDF reader can find its cross-reference table.
   *
   * @since 1.0
   */
  public static List<String> pdfProblems(byte[] pdf) {
    if (pdf == null || pdf.length < 8) {
      return List.of("the PDF is empty or too short to be a PDF");
    }
    List<String> problems = new ArrayList<>();
    String head = new String(pdf, 0, 8, StandardCharsets.ISO_8859_1);
    if (!PDF_HEADER.matcher(head).matches()) {
      problems.add("the PDF does not start with a %PDF-x.y header");
    }
    if (pdf.length > MAX_PDF_BYTES) {
      problems.add("the PDF is larger than " + MAX_PDF_BYTES + " bytes: " + pdf.length);
    }
    int from = Math.max(0, pdf.length - TRAILER_WINDOW);
    String tail = new String(pdf, from, pdf.length - from, StandardCharsets.ISO_8859_1);
    Matcher trailer = STARTXREF.matcher(tail);
    long offset = -1;
    while (trailer.find()) {
      offset = Long.parseLong(trailer.group(1));
    }
    if (offset < 0) {
      problems.add("the PDF does not end with 'startxref <offset> %%EOF' in its last 1024 bytes");
    } else if (offset == 0 || offset >= pdf.length) {
      problems.add(
          "the PDF's startxref offset " + offset + " lies outside the file (" + pdf.length + ")");
    }
    return problems;
  }

  /**
   * Problems with a download URL, or an empty list: an absolute https URL with a host, at most 2048
   * characters.
   *
   * @since 1.0
   */
  public static List<String> urlProblems(String url) {
    if (url == null) {
      return List.of("the download URL is null");
    }
    if (url.length() > MAX_URL_LENGTH) {
      return List.of("the download URL is longer than " + MAX_URL_LENGTH + " characters");
    }
    try {
      URI uri = new URI(url);
      if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        return List.of("the download URL is not an absolute https URL: " + url);
      }
      return List.of();
    } catch (URISyntaxException e) {
      return List.of("the download URL is not a valid URI: " + url);
    }
  }
}
