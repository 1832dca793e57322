package io.ticketdesk.plugin.host;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration keys the host reads for itself from every plugin's configuration, to override
 * that plugin's limits: {@code callTimeout} ({@code 500ms}, {@code 10s}, {@code 2m} or ISO-8601
 * such as {@code PT10S}), {@code maxConcurrentCalls} and {@code maxQueuedCalls}. They are not
 * passed on to the plugin.
 */
final class PluginLimits {

  static final String CALL_TIMEOUT = "callTimeout";
  static final String MAX_CONCURRENT_CALLS = "maxConcurrentCalls";
  static final String MAX_QUEUED_CALLS = "maxQueuedCalls";

  /** The keys the host keeps for itself. */
  static final Set<String> KEYS = Set.of(CALL_TIMEOUT, MAX_CONCURRENT_CALLS, MAX_QUEUED_CALLS);

  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");
  private static final int MAX_CALLS = 1024;

  private PluginLimits() {}

  /**
   * The limits {@code config} sets, the {@code defaults} for the rest.
   *
   * @throws IllegalArgumentException naming the key whose value is malformed
   */
  static Bulkhead.Limits of(Map<String, String> config, Bulkhead.Limits defaults) {
    int running = count(config, MAX_CONCURRENT_CALLS, defaults.maxConcurrentCalls(), 1);
    int queued = count(config, MAX_QUEUED_CALLS, defaults.maxQueuedCalls(), 0);
    Duration timeout =
        config.containsKey(CALL_TIMEOUT)
            ? duration(config.get(CALL_TIMEOUT))
            : defaults.callTimeout();
    return new Bulkhead.Limits(running, queued, timeout);
  }

  /** The plugin's own configuration: {@code config} without the host's keys. */
  static Map<String, String> without(Map<String, String> config) {
    Map<String, String> own = new LinkedHashMap<>(config);
    own.keySet().removeAll(KEYS);
    return own;
  }

  private static int count(Map<String, String> config, String key, int fallback, int min) {
    String value = config.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= MAX_CALLS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        key + " must be a whole number from " + min + " to " + MAX_CALLS + ", got '" + value + "'");
  }

  static Duration duration(String value) {
    Duration d = null;
    String v = value.strip();
    Matcher m = SIMPLE_DURATION.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
          };
    } else if (v.startsWith("PT")) {
      try {
        d = Duration.parse(v);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(
          CALL_TIMEOUT
              + " must be a positive duration such as 500ms, 10s or PT10S, got '"
              + value
              + "'");
    }
    return d;
  }
}
