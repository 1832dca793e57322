package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.testing.contract.StorePorts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A migrated database of its own for one test class; closing it throws it away. */
public final class TestDatabase implements AutoCloseable {
  private static final String[] TABLES = {
    "browser_sessions",
    "webhook_deliveries",
    "webhook_endpoints",
    "events",
    "message_return_options",
    "return_policy_outcomes",
    "return_labels",
    "idempotency_keys",
    "ledger_entries",
    "messages",
    "ticket_units",
    "tickets",
    "order_units",
    "orders",
    "access_tokens",
    "sellers",
    "system_state",
    "exchange_rates",
    "job_leases"
  };

  private final Database database;
  private final DatabaseConfig config;
  private final String dropSql;

  TestDatabase(Database database, DatabaseConfig config, String dropSql) {
    this.database = requireNonNull(database, "database is null");
    this.config = requireNonNull(config, "config is null");
    this.dropSql = requireNonNull(dropSql, "dropSql is null");
  }

  public Database database() {
    return database;
  }

  public DatabaseConfig config() {
    return config;
  }

  /** Deletes every row (sequences keep counting, as they do in production). */
  public void deleteAllRows() {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      for (String table : TABLES) {
        // A test of an older schema (a migration test) lacks the newer tables.
        try (var rs = c.getMetaData().getTables(null, c.getSchema(), table, null)) {
          if (rs.next()) {
            st.executeUpdate("DELETE FROM " + table);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot clean test database " + config.url(), e);
    }
  }

  /**
   * Every row of every table as text, in a fixed order: equal before and after a request that must
   * change nothing (the HTTP tests' store fingerprint on a database).
   */
  public String fingerprint() {
    StringBuilder out = new StringBuilder();
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      java.util.List<String> tables = new java.util.ArrayList<>();
      try (java.sql.ResultSet t =
          c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (t.next()) {
          String name = t.getString("TABLE_NAME");
          if (!name.equalsIgnoreCase("flyway_schema_history")) {
            tables.add(name);
          }
        }
      }
      java.util.Collections.sort(tables);
      for (String table : tables) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              Object value = rs.getObject(i);
              row.append(value instanceof byte[] b ? java.util.Arrays.hashCode(b) : value)
                  .append('|');
            }
            rows.add(row.toString());
          }
        }
        java.util.Collections.sort(rows);
        out.append(table).append(": ").append(rows.size()).append('\n');
        rows.forEach(r -> out.append(r).append('\n'));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read test database " + config.url(), e);
    }
    return out.toString();
  }

  /** The ports of the database, after deleting every row. */
  public StorePorts freshPorts() {
    deleteAllRows();
    return new StorePorts(
        database.sellers(),
        database.accessTokens(),
        database.orders(),
        database.tickets(),
        database.messages(),
        database.transactions(),
        database.systemState(),
        database.responseTimes(),
        database.textModules(),
        database.ledger(),
        database.idempotencyKeys(),
        database.returnLabels(),
        database.returnPolicyOutcomes(),
        database.exchangeRates(),
        database.outbox(),
        database.leases(),
        database.sessions(),
        database.webhookEndpoints(),
        database.webhookDeliveries());
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(config.url(), config.user(), config.password());
  }

  @Override
  public void close() {
    database.close();
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute(dropSql);
    } catch (SQLException e) {
      System.err.println("could not drop test database " + config.url() + ": " + e);
    }
  }
}
