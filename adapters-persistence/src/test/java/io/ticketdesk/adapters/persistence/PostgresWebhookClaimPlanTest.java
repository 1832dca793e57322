package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ticketdesk.application.port.out.WebhookDeliveries;
import io.ticketdesk.domain.WebhookDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A claim leases at most its batch, in one pass, whatever plan PostgreSQL caches for it. The
 * statement is prepared while {@code webhook_deliveries} is empty (a new installation, or a queue
 * just drained) and its generic plan is kept ({@code plan_cache_mode = force_generic_plan}, what
 * the plan cache may choose on its own after five executions): the claim written as {@code UPDATE …
 * WHERE delivery_id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)} then re-ran its locking subquery
 * for every row of the table — measured at 1 M tickets as four workers each running one claim for
 * over 15 minutes, each leasing every pending delivery instead of its batch. The claim's locking
 * read is a materialized CTE, run once. (A burst of events then meets a plan cached while the queue
 * was empty; the statistics catch up only at the next ANALYZE, too late for the claims already
 * running.)
 */
class PostgresWebhookClaimPlanTest {
  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
  private static TestDatabase db;
  private static Database generic;

  @BeforeAll
  static void open() {
    db = TestDatabases.postgres();
    db.freshPorts();
    DatabaseConfig c = db.config();
    generic =
        Database.open(
            new DatabaseConfig(
                c.url() + "&prepareThreshold=1&options=-c%20plan_cache_mode%3Dforce_generic_plan",
                c.user(),
                c.password(),
                1),
            SellerScopedStatements::check);
    Jdbi jdbi = Jdbi.create(c.url(), c.user(), c.password());
    jdbi.setTemplateEngine(TemplateEngine.NOP);
    jdbi.useHandle(
        h -> {
          h.execute("ANALYZE webhook_deliveries"); // the statistics of an empty queue
        });
    // The workers poll the empty queue: the claim is prepared, its plan made for an empty table.
    for (int i = 0; i < 3; i++) {
      generic.webhookDeliveries().claim(NOW, NOW.plus(Duration.ofMinutes(1)), "idle", 50);
    }
    jdbi.useHandle(
        h -> {
          h.execute(
              "INSERT INTO webhook_endpoints (endpoint_id, url, event_types, status, signing_key,"
                  + " created_at, updated_at) VALUES (1, 'https://receiver.example/hooks', '*',"
                  + " 'active', 'whsec_test', now(), now())");
          h.execute(
              "INSERT INTO webhook_deliveries (delivery_id, endpoint_id, event_id, seller_id,"
                  + " ticket_number, sequence, status, attempts, next_attempt_at, created_at)"
                  + " SELECT n, 1, 'event-' || n, 1, '001' || lpad(n::text, 8, '0'), 1, 'pending', 0, TIMESTAMPTZ"
                  + " '2026-12-05 11:00:00+00' + n * INTERVAL '1 millisecond', now()"
                  + " FROM generate_series(1, 2000) AS n");
        });
  }

  @AfterAll
  static void close() {
    if (generic != null) {
      generic.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void a_claim_under_a_generic_plan_leases_its_batch_oldest_first_and_no_more() {
    WebhookDeliveries deliveries = generic.webhookDeliveries();
    Set<Long> leased = new HashSet<>();
    for (int i = 0; i < 8; i++) {
      var batch = deliveries.claim(NOW, NOW.plus(Duration.ofMinutes(1)), "worker-" + i, 50);
      assertEquals(50, batch.size(), "claim " + i + " leased " + batch.size() + " deliveries");
      assertEquals(50L * i + 1, batch.get(0).id(), "oldest due first");
      batch.stream().map(WebhookDelivery::id).forEach(leased::add);
    }
    assertEquals(400, leased.size());
  }
}
