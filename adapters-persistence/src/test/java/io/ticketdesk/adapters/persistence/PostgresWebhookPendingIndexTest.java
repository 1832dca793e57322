package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The claims read the pending deliveries off the partial index {@code
 * webhook_deliveries_pending_idx} (V28), which holds only those: the delivered ones, kept for their
 * owners' history and by far the most rows, are in no index the claims read, and a completion adds
 * no entry to it. Before V28 the claims read {@code webhook_deliveries_due_idx} (status,
 * next_attempt_at, delivery_id), which held every delivery.
 */
class PostgresWebhookPendingIndexTest {
  private static TestDatabase db;
  private static Jdbi jdbi;

  @BeforeAll
  static void fill() {
    db = TestDatabases.postgres();
    db.freshPorts();
    jdbi = Jdbi.create(db.config().url(), db.config().user(), db.config().password());
    jdbi.setTemplateEngine(TemplateEngine.NOP);
    // 60,000 deliveries of one endpoint, the last 200 pending: a queue that keeps up.
    jdbi.useHandle(
        h -> {
          h.execute(
              "INSERT INTO webhook_endpoints (endpoint_id, url, event_types, status, signing_key,"
                  + " created_at, updated_at) VALUES (1, 'https://receiver.example/hooks', '*',"
                  + " 'active', 'whsec_test', now(), now())");
          h.execute(
              "INSERT INTO webhook_deliveries (delivery_id, endpoint_id, event_id, seller_id,"
                  + " ticket_number, sequence, status, attempts, next_attempt_at, created_at)"
                  + " SELECT n, 1, 'event-' || n, 1, '001' || lpad(n::text, 8, '0'), 1,"
                  + " CASE WHEN n <= 59800 THEN 'delivered' ELSE 'pending' END, 0,"
                  + " CASE WHEN n > 59800 THEN TIMESTAMPTZ '2026-12-05 11:00:00+00' + n *"
                  + " INTERVAL '1 millisecond' END, now() FROM generate_series(1, 60000) AS n");
          h.execute("VACUUM (ANALYZE) webhook_deliveries");
        });
  }

  @AfterAll
  static void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void the_claims_read_the_pending_deliveries_off_their_partial_index() {
    List<String> lines =
        jdbi.withHandle(
            h ->
                h.createQuery("EXPLAIN (ANALYZE, COSTS OFF) " + JdbiWebhookDeliveries.DUE)
                    .bind("now", OffsetDateTime.of(2026, 12, 5, 12, 0, 0, 0, ZoneOffset.UTC))
                    .bind("limit", 50)
                    .mapTo(String.class)
                    .list());
    String plan = String.join("\n", lines);
    assertTrue(plan.contains("webhook_deliveries_pending_idx"), plan);
    assertTrue(!plan.contains("Seq Scan on webhook_deliveries"), plan);
  }
}
