package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/** A schema of its own in the test PostgreSQL (TICKETDESK_TEST_PG_*), dropped on close. */
final class PgTestDatabase implements AutoCloseable {
  final String url;
  final String schema;

  private PgTestDatabase(String url, String schema) {
    this.url = url;
    this.schema = schema;
  }

  /** Creates a schema, or skips the test (fails it when PostgreSQL is required). */
  static PgTestDatabase create(String prefix) throws SQLException {
    String url = System.getenv("TICKETDESK_TEST_PG_URL");
    boolean required = "true".equalsIgnoreCase(System.getenv("TICKETDESK_TEST_PG_REQUIRED"));
    if (url == null || url.isBlank()) {
      if (required) {
        fail("TICKETDESK_TEST_PG_REQUIRED=true but TICKETDESK_TEST_PG_URL is not set");
      }
      System.err.println(
          "\n*** SKIPPING a PostgreSQL reliability test: TICKETDESK_TEST_PG_URL is not set ***\n");
      Assumptions.abort("PostgreSQL not configured");
    }
    String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = connect(url);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    return new PgTestDatabase(url, schema);
  }

  static String user() {
    return env("TICKETDESK_TEST_PG_USER");
  }

  static String password() {
    return env("TICKETDESK_TEST_PG_PASSWORD");
  }

  /** The JDBC URL of the schema, optionally through another host and port (a proxy). */
  String jdbcUrl(String hostPort) {
    String u = hostPort == null ? url : url.replaceFirst("//[^/]+/", "//" + hostPort + "/");
    return u + (u.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Host and port of the PostgreSQL server in the URL (default port 5432). */
  String[] hostAndPort() {
    String authority = url.replaceFirst("^jdbc:postgresql://", "").split("/", 2)[0];
    int colon = authority.lastIndexOf(':');
    return colon < 0
        ? new String[] {authority, "5432"}
        : new String[] {authority.substring(0, colon), authority.substring(colon + 1)};
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, user(), password());
  }

  private static String env(String name) {
    String v = System.getenv(name);
    return v == null ? "" : v;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = connect(url);
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
