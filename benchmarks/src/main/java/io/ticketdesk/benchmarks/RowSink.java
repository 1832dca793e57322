package io.ticketdesk.benchmarks;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Writes chunks of rows, one transaction per chunk, tables in foreign-key order. */
interface RowSink extends AutoCloseable {
  /** Work that can run on the generating thread (rendering COPY text). */
  default void prepare(Chunk chunk) {}

  void write(Chunk chunk) throws Exception;

  @Override
  void close() throws SQLException;

  static RowSink forConnection(Connection connection, String vendor) throws SQLException {
    return "postgresql".equals(vendor) ? new PgCopy(connection) : new JdbcBatches(connection);
  }

  /** PostgreSQL: {@code COPY … FROM STDIN} through PgJDBC's {@link CopyManager}. */
  final class PgCopy implements RowSink {
    private final Connection connection;
    private final CopyManager copy;

    PgCopy(Connection connection) throws SQLException {
      this.connection = connection;
      this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
      connection.setAutoCommit(false);
    }

    @Override
    public void prepare(Chunk chunk) {
      chunk.renderCopyText();
    }

    @Override
    public void write(Chunk chunk) throws Exception {
      if (chunk.copyText.isEmpty()) {
        chunk.renderCopyText();
      }
      for (Table table : Table.values()) {
        StringBuilder text = chunk.copyText.get(table);
        if (text == null || text.length() == 0) {
          continue;
        }
        copy.copyIn(
            "COPY " + table.sqlName + " (" + table.columnList() + ") FROM STDIN",
            new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
      }
      connection.commit();
    }

    @Override
    public void close() throws SQLException {
      connection.setAutoCommit(true);
    }
  }

  /** H2 (or any JDBC database): prepared-statement batches of the same INSERT columns. */
  final class JdbcBatches implements RowSink {
    private final Connection connection;
    private final Map<Table, PreparedStatement> statements = new EnumMap<>(Table.class);

    JdbcBatches(Connection connection) throws SQLException {
      this.connection = connection;
      connection.setAutoCommit(false);
    }

    @Override
    public void write(Chunk chunk) throws SQLException {
      for (Table table : Table.values()) {
        List<Object[]> rows = chunk.rows.get(table);
        if (rows == null || rows.isEmpty()) {
          continue;
        }
        PreparedStatement ps = statements.get(table);
        if (ps == null) {
          ps = connection.prepareStatement(table.insertSql());
          statements.put(table, ps);
        }
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            ps.setObject(i + 1, v instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : v);
          }
          ps.addBatch();
        }
        ps.executeBatch();
      }
      connection.commit();
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement ps : statements.values()) {
        ps.close();
      }
      connection.setAutoCommit(true);
    }
  }
}
