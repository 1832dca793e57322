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
    "exchange_rates"
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
        database.exchangeRates());
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
