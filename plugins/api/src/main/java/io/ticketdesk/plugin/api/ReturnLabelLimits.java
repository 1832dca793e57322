package io.ticketdesk.plugin.api;

import java.util.regex.Pattern;

/**
 * What the host accepts from a carrier: the one source of these limits for the host, the testkit
 * and plugin authors. A label outside them fails the call as an invalid result.
 *
 * @since 1.1
 */
public final class ReturnLabelLimits {

  /**
   * A carrier name: a letter or digit, then up to 63 letters, digits, {@code .}, {@code _} or
   * {@code -}.
   *
   * @since 1.1
   */
  public static final Pattern CARRIER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /**
   * The longest tracking number, in characters.
   *
   * @since 1.1
   */
  public static final int MAX_TRACKING_NUMBER_LENGTH = 64;

  /**
   * The largest PDF label, in bytes (10 MiB).
   *
   * @since 1.1
   */
  public static final int MAX_PDF_BYTES = 10 * 1024 * 1024;

  /**
   * The longest download URL, in characters.
   *
   * @since 1.1
   */
  public static final int MAX_URL_LENGTH = 2048;

  private ReturnLabelLimits() {}

  /**
   * Whether {@code carrier} is a valid carrier name ({@link #CARRIER_NAME}).
   *
   * @since 1.1
   */
  public static boolean isCarrierName(String carrier) {
    return carrier != null && CARRIER_NAME.matcher(carrier).matches();
  }

  /**
   * Whether {@code trackingNumber} is 1 to {@value #MAX_TRACKING_NUMBER_LENGTH} printable ASCII
   * characters without spaces (0x21-0x7E): it is printed, searched and encoded in barcodes.
   *
   * @since 1.1
   */
  public static boolean isTrackingNumber(String trackingNumber) {
    return trackingNumber != null
        && !trackingNumber.isEmpty()
        && trackingNumber.length() <= MAX_TRACKING_NUMBER_LENGTH
        && trackingNumber.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }
}
