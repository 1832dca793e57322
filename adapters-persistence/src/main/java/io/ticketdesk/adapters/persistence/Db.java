package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.Transactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Query;

/**
 * Runs statements on the handle bound to the current thread by {@link #inTransaction}, or on a
 * short-lived handle outside a transaction; translates failures into port exceptions.
 */
final class Db implements Transactions {
  private final Jdbi jdbi;
  private final boolean h2;
  private final ThreadLocal<Handle> current = new ThreadLocal<>();

  /** The handle of the current thread's {@link #reading} scope (autocommit), if any. */
  private final ThreadLocal<Handle> reading = new ThreadLocal<>();

  /**
   * The buyers' names the current {@link #reading} scope read along with its tickets (seller and
   * order number → name): a ticket's lookup then needs no second statement for its buyer's name. An
   * order's buyer never changes, so a name read once in a request holds for the request.
   */
  private final ThreadLocal<Map<String, String>> buyerNames = new ThreadLocal<>();

  Db(Jdbi jdbi, String vendor) {
    this.jdbi = requireNonNull(jdbi, "jdbi is null");
    this.h2 = "h2".equals(vendor);
  }

  /**
   * A read of a seller's rows by a list of keys (a page's units, orders, outcomes). PostgreSQL:
   * {@code key = ANY(:keys)} with the keys as one array parameter, so the statement text is the
   * same for every page and is prepared once per connection; it probes the primary key per value.
   * H2: {@code key IN (:keys0, :keys1, …)}, the form it had before (an {@code unnest(:keys)} join
   * probed the key in H2's EXPLAIN but made the embedded server's lookups 4× slower in the
   * benchmark; {@code ANY} with an array reads all of the seller's rows). The H2 text names the
   * list as {@code <keys>}.
   */
  record KeyedRead(String postgresql, String h2) {}

  Query keyed(Handle h, KeyedRead read, String name, List<String> keys) {
    if (!h2) {
      return h.createQuery(read.postgresql()).bind(name, texts(keys));
    }
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      list.append(i == 0 ? ":" : ", :").append(name).append(i);
    }
    Query query = h.createQuery(read.h2().replace("<keys>", list));
    for (int i = 0; i < keys.size(); i++) {
      query.bind(name + i, arg(keys.get(i)));
    }
    return query;
  }

  /** Whether this is the embedded H2 database (else PostgreSQL). */
  boolean h2() {
    return h2;
  }

  @Override
  public boolean inProgress() {
    return current.get() != null;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    requireNonNull(work, "work is null");
    Handle joined = current.get();
    if (joined != null) {
      return nested(joined, work);
    }
    Handle shared = reading.get();
    if (shared != null) { // on the reading scope's connection; the scope closes it
      return transaction(shared, work);
    }
    try (Handle handle = open()) {
      return transaction(handle, work);
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** {@code work} in a transaction on {@code handle}, bound to this thread meanwhile. */
  private <T> T transaction(Handle handle, Supplier<T> work) {
    current.set(handle);
    written.get()[0] = false;
    try {
      return handle.inTransaction(h -> work.get());
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    } finally {
      current.remove();
    }
  }

  /**
   * The reads of {@code work} on one handle (one pooled connection, autocommit) instead of one
   * handle per read: a ticket's lookup reads the ticket, its buyer's name and, for a return
   * request, the policy's inputs. Writes inside still run in transactions ({@link #write}, {@link
   * #inTransaction}) on that connection. Inside a transaction or another scope: the work as it is.
   */
  @Override
  public <T> T reading(Supplier<T> work) {
    requireNonNull(work, "work is null");
    if (current.get() != null || reading.get() != null) {
      return work.get();
    }
    Handle handle = open();
    reading.set(handle);
    buyerNames.set(new HashMap<>());
    try (handle) {
      return work.get();
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    } finally {
      reading.remove();
      buyerNames.remove();
    }
  }

  /**
   * Remembers a buyer's name read with a ticket, inside a {@link #reading} scope (else nothing).
   */
  void rememberBuyerName(long seller, String order, String name) {
    Map<String, String> names = buyerNames.get();
    if (names != null && name != null) {
      names.put(seller + "/" + order, name);
    }
  }

  /** A buyer's name this {@link #reading} scope read with a ticket, or null. */
  String rememberedBuyerName(long seller, String order) {
    Map<String, String> names = buyerNames.get();
    return names == null ? null : names.get(seller + "/" + order);
  }

  private Handle open() {
    try {
      return jdbi.open();
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  /**
   * Work within a transaction that is already open (e.g. a use case within an HTTP request's unit
   * of work) runs under a savepoint: when it fails, what it wrote is undone and the outer
   * transaction stays usable (PostgreSQL refuses every statement after an error otherwise), so that
   * a use case can still retry a lost race and the request can still answer. Before the transaction
   * has written, it needs no savepoint for that ({@link #first}).
   */
  private <T> T nested(Handle handle, Supplier<T> work) {
    if (!written.get()[0]) {
      return first(handle, work);
    }
    int[] depth = nesting.get();
    String savepoint = "td_nested_" + (++depth[0]);
    try {
      handle.savepoint(savepoint);
      T result = work.get();
      handle.releaseSavepoint(savepoint);
      return result;
    } catch (RuntimeException e) {
      try {
        handle.rollbackToSavepoint(savepoint);
      } catch (RuntimeException rollback) {
        e.addSuppressed(rollback);
      }
      throw SqlErrors.translate(e);
    } finally {
      depth[0]--;
    }
  }

  private final ThreadLocal<int[]> nesting = ThreadLocal.withInitial(() -> new int[1]);

  /**
   * Whether the current thread's transaction has written (or locked: every locking read goes
   * through {@link #write}) yet. A write request's unit of work reads (its {@code Idempotency-Key})
   * and runs one use case, whose own transaction then writes first: it needs no savepoint (two
   * round trips per request), since undoing the whole transaction undoes exactly what it wrote.
   * Reads leave nothing to undo (read committed: each statement reads the latest commits).
   */
  private final ThreadLocal<boolean[]> written = ThreadLocal.withInitial(() -> new boolean[1]);

  /**
   * Nested work in a transaction that has not written yet: when it fails, the whole transaction is
   * rolled back, which undoes what the work wrote (and ends an aborted one) and nothing else, and
   * the next statement begins a new one, so the outer work goes on as after a savepoint's rollback.
   */
  private <T> T first(Handle handle, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      try {
        handle.getConnection().rollback();
        written.get()[0] = false;
      } catch (SQLException | RuntimeException rollback) {
        e.addSuppressed(rollback);
      }
      throw SqlErrors.translate(e);
    }
  }

  /**
   * Runs reads: on the current transaction's handle, the {@link #reading} scope's, or a short-lived
   * autocommit handle. Never a statement that writes or locks ({@code FOR UPDATE}): those go
   * through {@link #write}, which tells a nested unit of work that it needs a savepoint.
   */
  <T> T read(HandleCallback<T, RuntimeException> callback) {
    try {
      Handle handle = current.get();
      if (handle == null) {
        handle = reading.get();
      }
      return handle != null ? callback.withHandle(handle) : jdbi.withHandle(callback);
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** Runs writes atomically: in the current transaction, or in a transaction of their own. */
  <T> T write(HandleCallback<T, RuntimeException> callback) {
    try {
      Handle handle = current.get();
      if (handle != null) {
        written.get()[0] = true;
        return callback.withHandle(handle);
      }
      Handle shared = reading.get();
      return shared != null ? shared.inTransaction(callback) : jdbi.inTransaction(callback);
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** The next value of one of the schema's sequences (a constant name, never user input). */
  static long nextValue(Handle h, String sequence) {
    return h.createQuery("SELECT nextval('" + sequence + "')").mapTo(Long.class).one();
  }

  /** A list of keys as one array parameter, for a {@link KeyedRead}. */
  static Argument texts(List<String> values) {
    return array("varchar", values.toArray());
  }

  /** Values (nulls allowed) as one array parameter of SQL type {@code type} (PostgreSQL). */
  static Argument array(String type, Object[] values) {
    return (position, statement, ctx) ->
        statement.setArray(position, statement.getConnection().createArrayOf(type, values));
  }

  /**
   * One column of {@code rows} as one array parameter of SQL type {@code type}, nulls allowed
   * (PostgreSQL: a batch written or matched with {@code unnest(:a, :b, …)} in one statement).
   */
  static <T, E> Argument column(
      String type, Class<E> kind, List<T> rows, java.util.function.Function<T, E> value) {
    @SuppressWarnings("unchecked")
    E[] values = (E[]) java.lang.reflect.Array.newInstance(kind, rows.size());
    for (int i = 0; i < values.length; i++) {
      values[i] = value.apply(rows.get(i));
    }
    return array(type, values);
  }

  /** An instant as ISO-8601 text (for a {@code CAST(:x AS timestamptz[])} column), or null. */
  static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** Numbers as one {@code bigint} array parameter (PostgreSQL: {@code unnest(:x)}). */
  static Argument longs(long[] values) {
    Long[] array = new Long[values.length];
    for (int i = 0; i < values.length; i++) {
      array[i] = values[i];
    }
    return array("bigint", array);
  }

  /**
   * A parameter of the hot statements (lists and their batch reads, the ticket read, the writes of
   * every reply and refund), bound as it is: JDBI would look up an argument factory per parameter
   * and statement, which cost more server CPU per inbox page than its statements' JDBC work
   * (measured with JFR). Takes the types those statements bind, never null ({@link #text}, {@link
   * #int64} and {@link #time} take null).
   */
  static Argument arg(Object value) {
    if (value instanceof Long v) {
      return (position, statement, ctx) -> statement.setLong(position, v);
    }
    if (value instanceof Integer v) {
      return (position, statement, ctx) -> statement.setInt(position, v);
    }
    if (value instanceof String v) {
      return (position, statement, ctx) -> statement.setString(position, v);
    }
    if (value instanceof OffsetDateTime v) {
      return (position, statement, ctx) -> statement.setObject(position, v);
    }
    if (value instanceof Boolean v) {
      return (position, statement, ctx) -> statement.setBoolean(position, v);
    }
    throw new IllegalArgumentException("not a parameter type of the hot statements: " + value);
  }

  /** A text parameter that may be null, bound as {@link #arg} binds. */
  static Argument text(String value) {
    return value == null
        ? (position, statement, ctx) -> statement.setNull(position, Types.VARCHAR)
        : arg(value);
  }

  /** A number parameter that may be null, bound as {@link #arg} binds. */
  static Argument int64(Long value) {
    return value == null
        ? (position, statement, ctx) -> statement.setNull(position, Types.BIGINT)
        : arg(value);
  }

  /** An instant parameter that may be null (as UTC), bound as {@link #arg} binds. */
  static Argument time(Instant value) {
    return value == null
        ? (position, statement, ctx) -> statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE)
        : arg(utc(value));
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
