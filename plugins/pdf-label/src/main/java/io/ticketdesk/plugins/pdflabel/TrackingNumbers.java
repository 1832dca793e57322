package io.ticketdesk.plugins.pdflabel;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Makes tracking numbers of the form {@code PPyyMMddNNNNNNNNNNNNNN}: a two-letter prefix, the UTC
 * date and 14 random digits (collisions about one in 10^14 per day). Digits keep the Code 128
 * barcode short (code set C packs two digits per symbol).
 */
final class TrackingNumbers {

  static final String DEFAULT_PREFIX = "TD";
  private static final Pattern PREFIX = Pattern.compile("[A-Z]{2}");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);
  private static final long RANDOM_BOUND = 100_000_000_000_000L; // 10^14

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

  String next() {
    long digits = Math.floorMod(random.nextLong(), RANDOM_BOUND);
    return prefix + DATE.format(clock.instant()) + String.format("%014d", digits);
  }
}
