package io.ticketdesk.adapters.persistence;

import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Translates JDBC and JDBI failures into the exceptions of the outgoing ports. No message made here
 * carries a value bound to a statement or found in a row (user text, e-mail addresses, token
 * hashes): the databases put such values into their messages (H2 into the first line, PostgreSQL
 * into its detail), and these messages end up in logs.
 */
final class SqlErrors {
  static final String UNIQUE_VIOLATION = "23505";
  private static final int H2_CONCURRENT_UPDATE = 90131;
  private static final int H2_LOCK_TIMEOUT = 50200;
  private static final int H2_DEADLOCK = 40001;

  private SqlErrors() {}

  /** The port exception for {@code e}, or {@code e} itself when it is not a database failure. */
  static RuntimeException translate(RuntimeException e) {
    if (!(e instanceof JdbiException)) {
      return e;
    }
    return translate(e, withoutValues(e));
  }

  /**
   * A failure the ports do not name, as an exception that tells what failed (SQLState, vendor code,
   * the statement text with its placeholders) but not the values: no cause, the original's stack.
   */
  static RuntimeException withoutValues(RuntimeException e) {
    StringBuilder message = new StringBuilder("database statement failed");
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        message
            .append(" (SQLState ")
            .append(sql.getSQLState())
            .append(", vendor code ")
            .append(sql.getErrorCode())
            .append(')');
        break;
      }
    }
    if (e instanceof StatementException s && s.getStatementContext() != null) {
      String sql = s.getStatementContext().getRenderedSql();
      if (sql != null) {
        message.append(": ").append(oneLine(sql, 300));
      }
    }
    RuntimeException clean = new StatementFailedException(message.toString());
    clean.setStackTrace(e.getStackTrace());
    return clean;
  }

  /** A database failure without a port exception of its own; its message has no values. */
  static final class StatementFailedException extends RuntimeException {
    StatementFailedException(String message) {
      super(message);
    }
  }

  private static String oneLine(String sql, int max) {
    String line = sql.replaceAll("\\s+", " ").strip();
    return line.length() > max ? line.substring(0, max) + "…" : line;
  }

  static RuntimeException translate(Exception e, RuntimeException fallback) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        RuntimeException translated = translate(sql);
        if (translated != null) {
          return translated;
        }
      }
    }
    return fallback;
  }

  private static RuntimeException translate(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals(UNIQUE_VIOLATION)) {
      return new DuplicateKeyException("a row with the same key was stored concurrently");
    }
    if (state.startsWith("08")
        || e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException) {
      return new StoreUnavailableException(
          "database unavailable (SQLState " + state + ", vendor code " + e.getErrorCode() + ")",
          e); // a connection failure: no statement values in it, and its cause helps operators
    }
    if (state.equals("40001")
        || state.equals("40P01")
        || e.getErrorCode() == H2_CONCURRENT_UPDATE
        || e.getErrorCode() == H2_LOCK_TIMEOUT
        || e.getErrorCode() == H2_DEADLOCK) {
      return new ConcurrentUpdateException(
          "concurrent update lost (SQLState " + state + ", vendor code " + e.getErrorCode() + ")");
    }
    return null;
  }
}
