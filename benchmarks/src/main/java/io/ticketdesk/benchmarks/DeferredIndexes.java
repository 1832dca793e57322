package io.ticketdesk.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL's advice for populating a database: load the generated tables without their secondary
 * indexes and foreign keys, then build each index once over the loaded rows and validate each
 * foreign key with one query, instead of maintaining every index and checking every reference row
 * by row during {@code COPY}. Primary keys and unique constraints stay in place (they keep the
 * generator honest). {@link #restore} recreates exactly the definitions it dropped and checks that
 * the schema ends as the migrations left it.
 */
final class DeferredIndexes {
  private final List<String[]> indexes; // {table, name, definition}
  private final List<String[]> foreignKeys; // {table, name, definition}

  private DeferredIndexes(List<String[]> indexes, List<String[]> foreignKeys) {
    this.indexes = indexes;
    this.foreignKeys = foreignKeys;
  }

  static DeferredIndexes dropFrom(Connection c) throws SQLException {
    DeferredIndexes d = read(c);
    try (Statement st = c.createStatement()) {
      for (String[] fk : d.foreignKeys) {
        st.execute("ALTER TABLE " + fk[0] + " DROP CONSTRAINT " + fk[1]);
      }
      for (String[] ix : d.indexes) {
        st.execute("DROP INDEX " + ix[1]);
      }
    }
    System.err.printf(
        "deferred %d indexes and %d foreign keys until the rows are loaded%n",
        d.indexes.size(), d.foreignKeys.size());
    return d;
  }

  /** The generated tables' secondary indexes and foreign keys as they are now. */
  private static DeferredIndexes read(Connection c) throws SQLException {
    String tables =
        Arrays.stream(Table.values())
            .map(t -> "'" + t.sqlName + "'")
            .collect(Collectors.joining(", "));
    List<String[]> foreignKeys =
        rows(
            c,
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE contype = 'f' AND connamespace = current_schema()::regnamespace"
                + " AND conrelid::regclass::text IN ("
                + tables
                + ") ORDER BY 1, 2");
    List<String[]> indexes =
        rows(
            c,
            "SELECT t.relname, x.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                + " JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid"
                + " WHERE t.relnamespace = current_schema()::regnamespace AND t.relname IN ("
                + tables
                + ") AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid ="
                + " i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))"
                + " ORDER BY 1, 2");
    return new DeferredIndexes(indexes, foreignKeys);
  }

  void restore(Connection c) throws SQLException {
    long started = System.nanoTime();
    try (Statement st = c.createStatement()) {
      st.execute("SET maintenance_work_mem = '1GB'");
      for (String[] ix : indexes) {
        long t = System.nanoTime();
        st.execute(ix[2]);
        System.err.printf("  %s: %.1f s%n", ix[1], (System.nanoTime() - t) / 1e9);
      }
      for (String[] fk : foreignKeys) {
        long t = System.nanoTime();
        st.execute("ALTER TABLE " + fk[0] + " ADD CONSTRAINT " + fk[1] + " " + fk[2]);
        System.err.printf("  %s: %.1f s%n", fk[1], (System.nanoTime() - t) / 1e9);
      }
      st.execute("RESET maintenance_work_mem");
    }
    DeferredIndexes now = read(c);
    if (!same(indexes, now.indexes) || !same(foreignKeys, now.foreignKeys)) {
      throw new IllegalStateException("the schema's indexes or foreign keys differ after the load");
    }
    System.err.printf(
        "built %d indexes and validated %d foreign keys in %.1f s%n",
        indexes.size(), foreignKeys.size(), (System.nanoTime() - started) / 1e9);
  }

  private static boolean same(List<String[]> a, List<String[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<String[]> rows(Connection c, String sql) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    return rows;
  }
}
