package io.ticketdesk.adapters.persistence;

import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.JdbiException;

/** Translates JDBC and JDBI failures into the exceptions of the outgoing ports. */
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
    return translate(e, e);
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
      return new DuplicateKeyException("duplicate key: " + firstLine(e.getMessage()));
    }
    if (state.startsWith("08")
        || e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException) {
      return new StoreUnavailableException("database unavailable: " + firstLine(e.getMessage()), e);
    }
    if (state.equals("40001")
        || state.equals("40P01")
        || e.getErrorCode() == H2_CONCURRENT_UPDATE
        || e.getErrorCode() == H2_LOCK_TIMEOUT
        || e.getErrorCode() == H2_DEADLOCK) {
      return new ConcurrentUpdateException("concurrent update lost: " + firstLine(e.getMessage()));
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
