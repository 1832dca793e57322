package io.ticketdesk.plugins.pdflabel;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Makes tracking numbers of the form {@code PPyyMMddNNNNNNNNNNNNNC}: a two-letter prefix, the UTC
 * date, 13 random digits and a GS1 mod-10 check digit {@code C} over the 19 digits before it (the
 * check digit of GTINs and SSCCs: weights 3 and 1 alternating from the rightmost data digit). It
 * detects every single-digit error and most swaps of neighbouring digits, so a mistyped number is
 * refused instead of finding another parcel.
 *
 * <p>Why not the UPU S10 format ({@code TD12345678 5 DE}, mod 11)? Its serial has 8 digits; a
 * stateless generator on several nodes must draw serials at random, and 10^8 random serials collide
 * with 50 % probability after about 12,000 labels. 13 random digits per UTC day collide that likely
 * only after about 3.7 million labels on one day. Digits also keep the Code 128 barcode short (code
 * set C packs two digits per symbol).
 */
final class TrackingNumbers {

  static final String DEFAULT_PREFIX = "TD";
  private static final Pattern PREFIX = Pattern.compile("[A-Z]{2}");
  private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}\\d{20}");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);
  private static final long RANDOM_BOUND = 10_000_000_000_000L; // 10^13

  private final String prefix;
  private final Clock clock;
  private final Random random;

  TrackingNumbers(String prefix, Clock clock) {
    this(prefix, clock, new SecureRandom());
  }

  TrackingNumbers(String prefix, Clock clock, Random random) {
    requireNonNull(prefix, "prefix is null");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("trackingPrefix must be two capital letters: " + prefix);
    }
    this.prefix = prefix;
    this.clock = requireNonNull(clock, "clock is null");
    this.random = requireNonNull(random, "random is null");
  }

  /** A new tracking number; safe to call concurrently. */
  String next() {
    long serial = Math.floorMod(random.nextLong(), RANDOM_BOUND); // Random is thread-safe
    String digits = DATE.format(clock.instant()) + String.format("%013d", serial);
    return prefix + digits + gs1CheckDigit(digits);
  }

  /** Whether {@code trackingNumber} has this scheme's format and a correct check digit. */
  static boolean isValid(String trackingNumber) {
    if (trackingNumber == null || !FORMAT.matcher(trackingNumber).matches()) {
      return false;
    }
    String digits = trackingNumber.substring(2);
    return gs1CheckDigit(digits.substring(0, digits.length() - 1))
        == digits.charAt(digits.length() - 1) - '0';
  }

  /**
   * The GS1 mod-10 check digit of a string of digits: from the rightmost digit leftwards, multiply
   * by 3, 1, 3, 1, …, sum, and take what is missing to the next multiple of 10.
   */
  static int gs1CheckDigit(String digits) {
    requireNonNull(digits, "digits is null");
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not a string of digits: '" + digits + "'");
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      sum += i % 2 == 0 ? 3 * digit : digit;
    }
    return (10 - sum % 10) % 10;
  }
}
