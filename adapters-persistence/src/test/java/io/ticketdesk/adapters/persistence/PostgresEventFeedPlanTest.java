package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sequencer keeps up with a backlog on PostgreSQL: its read of the unplaced events uses the
 * partial index {@code events_to_place_idx} (V27) with the planner's own choices and statistics
 * that have seen the backlog. Before V27 the planner read every event instead (0.6-0.9 s per batch
 * at 1.6 M events, so a backlog never drained; docs/benchmarks.md). And the once-keys' unique index
 * holds only the events that have one (V29).
 */
class PostgresEventFeedPlanTest {
  private static TestDatabase db;
  private static Jdbi jdbi;

  @BeforeAll
  static void fill() {
    db = TestDatabases.postgres();
    db.freshPorts();
    jdbi = Jdbi.create(db.config().url(), db.config().user(), db.config().password());
    jdbi.setTemplateEngine(TemplateEngine.NOP);
    // 60,000 events of 50 sellers, the last 20,000 not yet placed: a backlog, as ANALYZE sees it.
    jdbi.useHandle(
        h -> {
          h.execute(
              "INSERT INTO events (seller_id, event_no, event_id, ticket_number, sequence,"
                  + " order_number, event_type, occurred_at, internal, data, position) SELECT"
                  + " 1 + n % 50, n, 'event-' || n, 'T' || n, 1, 'O-' || n, 'ticket.opened',"
                  + " now(), false, '{}', CASE WHEN n <= 40000 THEN n END"
                  + " FROM generate_series(1, 60000) AS n");
          // And 100 placed deadline alerts with their once-keys.
          h.execute(
              "INSERT INTO events (seller_id, event_no, event_id, ticket_number, sequence,"
                  + " order_number, event_type, occurred_at, internal, data, position, once_key)"
                  + " SELECT 1 + n % 50, 100000 + n, 'alert-' || n, 'A' || n, 1, 'O-' || n,"
                  + " 'ticket.overdue', now(), false, '{}', 100000 + n, 'overdue:' || n"
                  + " FROM generate_series(1, 100) AS n");
          h.execute("VACUUM (ANALYZE) events");
        });
  }

  @AfterAll
  static void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void the_sequencer_reads_a_backlog_of_unplaced_events_off_its_partial_index() {
    List<String> lines =
        jdbi.withHandle(
            h ->
                h.createQuery("EXPLAIN (ANALYZE, COSTS OFF) " + JdbiOutbox.UNPLACED)
                    .bind("limit", 1_000)
                    .mapTo(String.class)
                    .list());
    String plan = String.join("\n", lines);
    assertTrue(plan.contains("Index Scan using events_to_place_idx on events"), plan);
    assertTrue(!plan.contains("Seq Scan"), plan);
    assertTrue(!plan.contains("Sort"), plan);
  }

  @Test
  void the_once_keys_of_a_seller_are_read_off_the_unique_index_of_the_events_that_have_one() {
    List<String> lines =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "EXPLAIN (COSTS OFF) SELECT once_key FROM events WHERE seller_id = 1 AND"
                            + " once_key = ANY(ARRAY['overdue:50', 'overdue:100'])")
                    .mapTo(String.class)
                    .list());
    String plan = String.join("\n", lines);
    assertTrue(plan.contains("using events_once_key_set_uq on events"), plan);
    long size =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT pg_relation_size('events_once_key_set_uq')")
                    .mapTo(Long.class)
                    .one());
    assertTrue(size <= 2 * 8192, "only the 100 events with a once-key: " + size + " bytes");
  }
}
