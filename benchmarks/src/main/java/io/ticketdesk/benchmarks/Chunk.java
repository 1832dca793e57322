package io.ticketdesk.benchmarks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A batch of generated rows per table, written together in foreign-key order. */
final class Chunk {
  final Map<Table, List<Object[]>> rows = new EnumMap<>(Table.class);
  final Map<Table, StringBuilder> copyText = new EnumMap<>(Table.class);
  int tickets;

  void add(Table table, Object... values) {
    if (values.length != table.columns.size()) {
      throw new IllegalArgumentException(table + ": " + values.length + " values");
    }
    rows.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
  }

  /** Renders the rows as PostgreSQL COPY text (tab-separated, {@code \N} for null). */
  void renderCopyText() {
    for (Map.Entry<Table, List<Object[]>> e : rows.entrySet()) {
      StringBuilder sb = new StringBuilder(e.getValue().size() * 96);
      for (Object[] row : e.getValue()) {
        for (int i = 0; i < row.length; i++) {
          if (i > 0) {
            sb.append('\t');
          }
          appendCopyValue(sb, row[i]);
        }
        sb.append('\n');
      }
      copyText.put(e.getKey(), sb);
    }
  }

  static void appendCopyValue(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("\\N");
    } else if (v instanceof Instant i) {
      sb.append(i.atOffset(ZoneOffset.UTC));
    } else if (v instanceof Boolean b) {
      sb.append(b ? 't' : 'f');
    } else if (v instanceof String s) {
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        switch (c) {
          case '\\' -> sb.append("\\\\");
          case '\t' -> sb.append("\\t");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          default -> sb.append(c);
        }
      }
    } else {
      sb.append(v);
    }
  }
}
