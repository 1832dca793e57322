package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh, migrated test databases: H2 in memory, or a schema of its own in the PostgreSQL named by
 * {@code TICKETDESK_TEST_PG_URL}, {@code TICKETDESK_TEST_PG_USER} and {@code
 * TICKETDESK_TEST_PG_PASSWORD}. Without that URL the PostgreSQL tests are skipped with a warning;
 * with {@code TICKETDESK_TEST_PG_REQUIRED=true} they fail instead.
 */
public final class TestDatabases {
  public static final String PG_URL = "TICKETDESK_TEST_PG_URL";
  public static final String PG_USER = "TICKETDESK_TEST_PG_USER";
  public static final String PG_PASSWORD = "TICKETDESK_TEST_PG_PASSWORD";
  public static final String PG_REQUIRED = "TICKETDESK_TEST_PG_REQUIRED";

  private TestDatabases() {}

  /** A new in-memory H2 database in PostgreSQL mode, migrated. */
  public static TestDatabase h2() {
    return migrated(emptyH2());
  }

  /** A new in-memory H2 database in PostgreSQL mode, not migrated (for migration tests). */
  static TestDatabase emptyH2() {
    String name = "ticketdesk_" + uniqueSuffix();
    DatabaseConfig config =
        new DatabaseConfig(
            "jdbc:h2:mem:" + name + ";" + DatabaseConfig.H2_OPTIONS + ";DB_CLOSE_DELAY=-1",
            "sa",
            "",
            12);
    return new TestDatabase(
        Database.open(config, SellerScopedStatements::check), config, "SHUTDOWN");
  }

  /** A new schema in the test PostgreSQL, migrated; skips or fails the test when there is none. */
  public static TestDatabase postgres() {
    return migrated(emptyPostgres());
  }

  /** A new, empty schema in the test PostgreSQL (for migration tests); skips or fails as above. */
  static TestDatabase emptyPostgres() {
    String url = env(PG_URL);
    boolean required = "true".equalsIgnoreCase(env(PG_REQUIRED));
    if (url == null) {
      String message =
          PG_URL
              + " is not set: the PostgreSQL tests do not run. Set it (and "
              + PG_USER
              + ", "
              + PG_PASSWORD
              + ") to e.g. jdbc:postgresql://127.0.0.1:5432/ticketdesk_test";
      if (required) {
        fail(PG_REQUIRED + "=true but " + message);
      }
      warn(message);
      Assumptions.abort(message);
    }
    String user = orEmpty(env(PG_USER));
    String password = orEmpty(env(PG_PASSWORD));
    String schema = "test_" + uniqueSuffix();
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      String message = "PostgreSQL at " + url + " is not usable: " + e.getMessage();
      if (required) {
        fail(message, e);
      }
      warn(message + " — the PostgreSQL tests do not run.");
      Assumptions.abort(message);
    }
    String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    DatabaseConfig config = new DatabaseConfig(schemaUrl, user, password, 12);
    return new TestDatabase(
        Database.open(config, SellerScopedStatements::check),
        config,
        "DROP SCHEMA " + schema + " CASCADE");
  }

  private static TestDatabase migrated(TestDatabase test) {
    try {
      test.database().migrate();
    } catch (RuntimeException e) {
      test.close();
      throw e;
    }
    return test;
  }

  private static String uniqueSuffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
  }

  private static void warn(String message) {
    String bar = "!".repeat(100);
    System.err.println(bar + "\n!!! WARNING: " + message + "\n" + bar);
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
