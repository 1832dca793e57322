package io.ticketdesk.app;

import io.ticketdesk.adapters.http.HttpLimits;
import io.ticketdesk.adapters.persistence.DatabaseConfig;
import io.ticketdesk.domain.ReturnOptionPolicy;
import io.ticketdesk.domain.Storefront;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Configuration shared by the commands: each flag falls back to a TICKETDESK_* variable. */
final class Settings {
  @Mixin NodeSettings node = new NodeSettings();

  @Option(
      names = "--db-url",
      defaultValue = "${env:TICKETDESK_DB_URL}",
      description =
          "JDBC URL (jdbc:postgresql://…); default: embedded H2 under the data directory."
              + " Env: TICKETDESK_DB_URL")
  String dbUrl;

  @Option(
      names = "--db-user",
      defaultValue = "${env:TICKETDESK_DB_USER}",
      description = "Database user. Env: TICKETDESK_DB_USER")
  String dbUser;

  @Option(
      names = "--db-password",
      defaultValue = "${env:TICKETDESK_DB_PASSWORD}",
      description = "Database password. Env: TICKETDESK_DB_PASSWORD")
  String dbPassword;

  @Option(
      names = "--db-pool-size",
      defaultValue = "${env:TICKETDESK_DB_POOL_SIZE:-10}",
      description =
          "Database connections per node (default ${DEFAULT-VALUE}). Env: TICKETDESK_DB_POOL_SIZE")
  int dbPoolSize;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:TICKETDESK_DATA_DIR:-./data}",
      description =
          "Directory for the embedded database and plugins (default ${DEFAULT-VALUE}). Env: TICKETDESK_DATA_DIR")
  Path dataDir;

  @Option(
      names = "--plugins-dir",
      defaultValue = "${env:TICKETDESK_PLUGINS_DIR}",
      description =
          "Directory of plugin jars (default: plugins in the data directory). Env: TICKETDESK_PLUGINS_DIR")
  Path pluginsDir;

  @Option(
      names = "--clock",
      defaultValue = "${env:TICKETDESK_CLOCK}",
      description =
          "Start the clock at this ISO instant (it then ticks), e.g. 2026-02-02T09:00:00Z. Env: TICKETDESK_CLOCK")
  String clock;

  @Option(
      names = "--holidays-add",
      defaultValue = "${env:TICKETDESK_HOLIDAYS_ADD}",
      split = ",",
      description =
          "Extra holidays per storefront, e.g. de:2026-12-24,cz:2026-12-31. Env: TICKETDESK_HOLIDAYS_ADD")
  Set<String> holidaysAdd;

  @Option(
      names = "--holidays-remove",
      defaultValue = "${env:TICKETDESK_HOLIDAYS_REMOVE}",
      split = ",",
      description =
          "Library holidays that do not count, e.g. de:2026-10-03. Env: TICKETDESK_HOLIDAYS_REMOVE")
  Set<String> holidaysRemove;

  @Option(
      names = "--admin-token",
      defaultValue = "${env:TICKETDESK_ADMIN_TOKEN}",
      description =
          "A marketplace token that is valid as given, for bootstrapping scripts. Env: TICKETDESK_ADMIN_TOKEN")
  String adminToken;

  @Option(
      names = "--rate-limit",
      defaultValue = "${env:TICKETDESK_RATE_LIMIT:-50}",
      description =
          "Requests per second per token on each node (default ${DEFAULT-VALUE}; 0 = off). Env: TICKETDESK_RATE_LIMIT")
  int rateLimit;

  @Option(
      names = "--rate-burst",
      defaultValue = "${env:TICKETDESK_RATE_BURST:-100}",
      description =
          "Requests a token may send at once before the rate applies (default ${DEFAULT-VALUE}). Env: TICKETDESK_RATE_BURST")
  int rateBurst;

  @Option(
      names = "--idle-timeout",
      defaultValue = "${env:TICKETDESK_IDLE_TIMEOUT:-30}",
      description =
          "Seconds after which an idle or slow client's connection is closed (default ${DEFAULT-VALUE}). Env: TICKETDESK_IDLE_TIMEOUT")
  int idleTimeoutSeconds;

  @Option(
      names = "--http-threads",
      defaultValue = "${env:TICKETDESK_HTTP_THREADS:-0}",
      description =
          "Most threads the HTTP server runs requests on (default ${DEFAULT-VALUE} = Jetty's 250; at least 8). On a small machine a few per core answer bursts with lower latency: further requests wait in line instead of sharing the CPU. Env: TICKETDESK_HTTP_THREADS")
  int httpThreads;

  HttpLimits httpLimits() {
    return new HttpLimits(
        rateLimit, rateBurst, java.time.Duration.ofSeconds(idleTimeoutSeconds), httpThreads);
  }

  @Option(
      names = "--plugin-timeout",
      defaultValue = "${env:TICKETDESK_PLUGIN_TIMEOUT:-10s}",
      description =
          "How long one plugin call may take, e.g. 10s or 500ms (default ${DEFAULT-VALUE}). Env: TICKETDESK_PLUGIN_TIMEOUT")
  String pluginTimeout;

  @Option(
      names = "--default-carrier",
      defaultValue = "${env:TICKETDESK_DEFAULT_CARRIER:-ticketdesk-pdf}",
      description =
          "The carrier that makes the prepaid labels of plugin text modules naming none (default ${DEFAULT-VALUE}). Env: TICKETDESK_DEFAULT_CARRIER")
  String defaultCarrier;

  /** The carrier for plugin defaults that offer a prepaid label without naming a carrier. */
  String defaultCarrier() {
    return defaultCarrier == null || defaultCarrier.isBlank()
        ? "ticketdesk-pdf"
        : defaultCarrier.strip();
  }

  @Option(
      names = "--policy-effective-from",
      defaultValue = "${env:TICKETDESK_POLICY_EFFECTIVE_FROM:-2026-01-01}",
      description =
          "First day of the return-option policy's transitional period (storefront time). Env: TICKETDESK_POLICY_EFFECTIVE_FROM")
  LocalDate policyEffectiveFrom;

  @Option(
      names = "--policy-enforced-from",
      defaultValue = "${env:TICKETDESK_POLICY_ENFORCED_FROM:-2026-02-01}",
      description =
          "First day the return-option policy is enforced (storefront time). Env: TICKETDESK_POLICY_ENFORCED_FROM")
  LocalDate policyEnforcedFrom;

  @Option(
      names = "--policy-cancellation-days",
      defaultValue = "${env:TICKETDESK_POLICY_CANCELLATION_DAYS}",
      split = ",",
      description =
          "Cancellation period per storefront in days after delivery (default 14), e.g. de:14,pl:30. Env: TICKETDESK_POLICY_CANCELLATION_DAYS")
  Set<String> policyCancellationDays;

  @Option(
      names = "--policy-rates",
      defaultValue = "${env:TICKETDESK_POLICY_RATES:-CZK:25,PLN:4.25}",
      split = ",",
      description =
          "Units of a currency per EUR for the 40 EUR limit of seller_address (default ${DEFAULT-VALUE}). Env: TICKETDESK_POLICY_RATES")
  Set<String> policyRates;

  Path dataDirectory() {
    return dataDir.toAbsolutePath().normalize();
  }

  Path pluginsDirectory() {
    return pluginsDir != null ? pluginsDir : dataDirectory().resolve("plugins");
  }

  boolean embedded() {
    return dbUrl == null || dbUrl.isBlank();
  }

  DatabaseConfig databaseConfig() {
    if (embedded()) {
      return DatabaseConfig.embedded(dataDirectory());
    }
    return new DatabaseConfig(dbUrl, dbUser, dbPassword, dbPoolSize);
  }

  String describeDatabase() {
    if (embedded()) {
      return "embedded H2 (PostgreSQL mode) in " + dataDirectory();
    }
    return dbUrl.replaceAll("password=[^&;]*", "password=***");
  }

  Clock clock() {
    if (clock == null || clock.isBlank()) {
      return Clock.systemUTC();
    }
    try {
      Instant start = Instant.parse(clock.strip());
      return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "TICKETDESK_CLOCK / --clock must be an ISO instant such as 2026-02-02T09:00:00Z, got '"
              + clock
              + "'");
    }
  }

  Map<Storefront, Set<LocalDate>> holidaysAdded() {
    return parseHolidays(holidaysAdd, "TICKETDESK_HOLIDAYS_ADD");
  }

  Map<Storefront, Set<LocalDate>> holidaysRemoved() {
    return parseHolidays(holidaysRemove, "TICKETDESK_HOLIDAYS_REMOVE");
  }

  private static Map<Storefront, Set<LocalDate>> parseHolidays(Set<String> values, String name) {
    Map<Storefront, Set<LocalDate>> result = new EnumMap<>(Storefront.class);
    if (values == null) {
      return result;
    }
    for (String v : values) {
      if (v.isBlank()) {
        continue;
      }
      String[] parts = v.strip().split(":", 2);
      try {
        Storefront sf = Storefront.of(parts[0]);
        LocalDate date = LocalDate.parse(parts[1]);
        result.computeIfAbsent(sf, k -> new HashSet<>()).add(date);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            name + " entries look like de:2026-12-24; cannot read '" + v + "'");
      }
    }
    return result;
  }

  Duration pluginTimeout() {
    return duration(
        pluginTimeout == null ? "10s" : pluginTimeout, "TICKETDESK_PLUGIN_TIMEOUT", "10s or 500ms");
  }

  @Option(
      names = "--webhooks-allow-insecure",
      defaultValue = "${env:TICKETDESK_WEBHOOKS_ALLOW_INSECURE:-false}",
      description =
          "Let webhook endpoints use http:// and loopback, private and link-local addresses (development and tests only; default ${DEFAULT-VALUE}). Env: TICKETDESK_WEBHOOKS_ALLOW_INSECURE")
  boolean webhooksAllowInsecure;

  @Option(
      names = "--webhook-workers",
      defaultValue = "${env:TICKETDESK_WEBHOOK_WORKERS:-4}",
      description =
          "Threads per instance that attempt webhook deliveries (0: this instance sends none; default ${DEFAULT-VALUE}). Env: TICKETDESK_WEBHOOK_WORKERS")
  int webhookWorkers;

  @Option(
      names = "--webhook-lease",
      defaultValue = "${env:TICKETDESK_WEBHOOK_LEASE:-2m}",
      description =
          "How long an instance holds a webhook delivery it attempts; a killed instance's deliveries go to another instance after it, e.g. 2m or 30s (default ${DEFAULT-VALUE}). Env: TICKETDESK_WEBHOOK_LEASE")
  String webhookLease;

  Duration webhookLease() {
    return duration(
        webhookLease == null || webhookLease.isBlank() ? "2m" : webhookLease,
        "TICKETDESK_WEBHOOK_LEASE",
        "2m or 30s");
  }

  @Option(
      names = "--deadline-warning",
      defaultValue = "${env:TICKETDESK_DEADLINE_WARNING:-8h}",
      description =
          "Working time before a ticket's 48-hour deadline at which ticket.deadline_approaching is sent, e.g. 8h or PT4H (default ${DEFAULT-VALUE}). Env: TICKETDESK_DEADLINE_WARNING")
  String deadlineWarning;

  Duration deadlineWarning() {
    return duration(
        deadlineWarning == null || deadlineWarning.isBlank() ? "8h" : deadlineWarning,
        "TICKETDESK_DEADLINE_WARNING",
        "8h or PT4H");
  }

  @Option(
      names = "--event-retention",
      defaultValue = "${env:TICKETDESK_EVENT_RETENTION:-P30D}",
      description =
          "How long events stay in the feed, e.g. P30D or 45d (default ${DEFAULT-VALUE}). Env: TICKETDESK_EVENT_RETENTION")
  String eventRetention;

  Duration eventRetention() {
    return duration(
        eventRetention == null || eventRetention.isBlank() ? "P30D" : eventRetention,
        "TICKETDESK_EVENT_RETENTION",
        "P30D or 45d");
  }

  @Option(
      names = "--idempotency-retention",
      defaultValue = "${env:TICKETDESK_IDEMPOTENCY_RETENTION:-PT24H}",
      description =
          "How long Idempotency-Keys are kept before they are purged, e.g. PT24H, 48h or 90m (default ${DEFAULT-VALUE}). Env: TICKETDESK_IDEMPOTENCY_RETENTION")
  String idempotencyRetention;

  Duration idempotencyRetention() {
    return duration(
        idempotencyRetention == null || idempotencyRetention.isBlank()
            ? "PT24H"
            : idempotencyRetention,
        "TICKETDESK_IDEMPOTENCY_RETENTION",
        "PT24H or 48h");
  }

  private static final Pattern SHORT_DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)?");

  /**
   * A positive duration: ISO-8601 ({@code PT24H}, {@code P2D}) or a number with a unit ({@code
   * 500ms}, {@code 10s}, {@code 90m}, {@code 24h}, {@code 2d}; without a unit, seconds).
   */
  static Duration duration(String value, String variable, String examples) {
    String v = value.strip().toLowerCase(java.util.Locale.ROOT);
    try {
      Duration d;
      Matcher m = SHORT_DURATION.matcher(v);
      if (v.startsWith("p")) {
        d = Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
      } else if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d =
            switch (m.group(2) == null ? "s" : m.group(2)) {
              case "ms" -> Duration.ofMillis(n);
              case "m" -> Duration.ofMinutes(n);
              case "h" -> Duration.ofHours(n);
              case "d" -> Duration.ofDays(n);
              default -> Duration.ofSeconds(n);
            };
      } else {
        throw new NumberFormatException(v);
      }
      if (d.isNegative() || d.isZero()) {
        throw new NumberFormatException(v);
      }
      return d;
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          variable + " must be a positive duration such as " + examples + ", got '" + value + "'");
    }
  }

  /**
   * Per-plugin configuration from the environment: {@code TICKETDESK_PLUGIN_<NAME>_<KEY>=value}
   * gives plugin {@code <name>} (lower case, {@code -} written as {@code _}) the key {@code <key>}
   * in camelCase ({@code BASE_URL} is {@code baseUrl}). As plugin names may contain {@code _},
   * every split of the variable is offered; a plugin reads only the keys under its own name.
   */
  static Map<String, Map<String, String>> pluginConfig(Map<String, String> env) {
    String prefix = "TICKETDESK_PLUGIN_";
    Map<String, Map<String, String>> config = new java.util.TreeMap<>();
    env.forEach(
        (k, v) -> {
          if (!k.startsWith(prefix) || k.equals("TICKETDESK_PLUGIN_TIMEOUT")) {
            return;
          }
          String rest = k.substring(prefix.length());
          for (int i = rest.indexOf('_');
              i > 0 && i < rest.length() - 1;
              i = rest.indexOf('_', i + 1)) {
            String plugin =
                rest.substring(0, i).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            config
                .computeIfAbsent(plugin, p -> new java.util.TreeMap<>())
                .put(camel(rest.substring(i + 1)), v);
          }
        });
    return config;
  }

  private static String camel(String upperSnake) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : upperSnake.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }

  ReturnOptionPolicy.Rules policyRules() {
    Map<Storefront, Integer> days = new EnumMap<>(Storefront.class);
    if (policyCancellationDays != null) {
      for (String v : policyCancellationDays) {
        if (v.isBlank()) {
          continue;
        }
        String[] parts = v.strip().split(":", 2);
        try {
          days.put(Storefront.of(parts[0]), Integer.parseInt(parts[1]));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              "TICKETDESK_POLICY_CANCELLATION_DAYS entries look like de:14; cannot read '"
                  + v
                  + "'");
        }
      }
    }
    Map<String, ReturnOptionPolicy.ExchangeRate> rates = new java.util.LinkedHashMap<>();
    if (policyRates != null) {
      for (String v : policyRates) {
        if (v.isBlank()) {
          continue;
        }
        String[] parts = v.strip().split(":", 2);
        try {
          rates.put(parts[0], ReturnOptionPolicy.ExchangeRate.parse(parts[0], parts[1]));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              "TICKETDESK_POLICY_RATES entries look like CZK:25 (units per EUR); cannot read '"
                  + v
                  + "'");
        }
      }
    }
    return new ReturnOptionPolicy.Rules(policyEffectiveFrom, policyEnforcedFrom, days, rates);
  }

  Optional<String> adminToken() {
    return Optional.ofNullable(adminToken).filter(s -> !s.isBlank());
  }
}
