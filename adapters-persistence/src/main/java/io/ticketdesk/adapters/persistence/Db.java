package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.Transactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Runs statements on the handle bound to the current thread by {@link #inTransaction}, or on a
 * short-lived handle outside a transaction; translates failures into port exceptions.
 */
final class Db implements Transactions {
  private final Jdbi jdbi;
  private final ThreadLocal<Handle> current = new ThreadLocal<>();

  Db(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi is null");
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    requireNonNull(work, "work is null");
    if (current.get() != null) {
      return work.get();
    }
    Handle handle;
    try {
      handle = jdbi.open();
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
    current.set(handle);
    try (handle) {
      return handle.inTransaction(h -> work.get());
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    } finally {
      current.remove();
    }
  }

  /** Runs reads: on the current transaction's handle, or on a short-lived autocommit handle. */
  <T> T read(HandleCallback<T, RuntimeException> callback) {
    try {
      Handle handle = current.get();
      return handle != null ? callback.withHandle(handle) : jdbi.withHandle(callback);
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** Runs writes atomically: in the current transaction, or in a transaction of their own. */
  <T> T write(HandleCallback<T, RuntimeException> callback) {
    try {
      Handle handle = current.get();
      return handle != null ? callback.withHandle(handle) : jdbi.inTransaction(callback);
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** The next value of one of the schema's sequences (a constant name, never user input). */
  static long nextValue(Handle h, String sequence) {
    return h.createQuery("SELECT nextval('" + sequence + "')").mapTo(Long.class).one();
  }

  /**
   * Binds values to named parameters {@code :<name>0, :<name>1, …} and returns that list for an
   * {@code IN (…)} (the template engine is off, so lists are spelled out; page sizes are few, so
   * the statements stay few).
   */
  static String inList(String name, int size) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < size; i++) {
      sql.append(i == 0 ? ":" : ", :").append(name).append(i);
    }
    return sql.toString();
  }

  static <S extends SqlStatement<S>> S bindList(S statement, String name, List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      statement.bind(name + i, values.get(i));
    }
    return statement;
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
