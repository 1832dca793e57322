package io.ticketdesk.app;

import io.ticketdesk.adapters.http.HttpLimits;
import io.ticketdesk.adapters.persistence.DatabaseConfig;
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
import picocli.CommandLine.Option;

/** Configuration shared by the commands: each flag falls back to a TICKETDESK_* variable. */
final class Settings {
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

  HttpLimits httpLimits() {
    return new HttpLimits(rateLimit, rateBurst, java.time.Duration.ofSeconds(idleTimeoutSeconds));
  }

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

  Optional<String> adminToken() {
    return Optional.ofNullable(adminToken).filter(s -> !s.isBlank());
  }
}
