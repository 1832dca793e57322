package io.ticketdesk.adapters.persistence;

import io.ticketdesk.domain.WebhookDelivery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL's batch statements of {@link JdbiWebhookDeliveries}: a batch of new deliveries, and a
 * batch of results with their attempt log, each one statement over {@code unnest} of one array per
 * column ({@link Db#column}) instead of a statement per delivery. H2 keeps its JDBC batches.
 */
final class PostgresDeliveryBatches {
  private PostgresDeliveryBatches() {}

  private static final String INSERT =
      "INSERT INTO webhook_deliveries (delivery_id, endpoint_id, event_id, seller_id,"
          + " ticket_number, sequence, status, attempts, next_attempt_at, last_attempt_at,"
          + " last_status_code, last_error, last_duration_ms, created_at, lease_token,"
          + " lease_until) SELECT v.*, :token, :until FROM unnest(:ids, :endpoints, :events,"
          + " :sellers, :tickets, :sequences, :statuses, :attempts, CAST(:nexts AS timestamptz[]),"
          + " CAST(:lasts AS timestamptz[]), :codes, :errors, :durations,"
          + " CAST(:created AS timestamptz[])) AS v";

  /**
   * PostgreSQL: the batch in one {@code INSERT … SELECT FROM unnest(…)}; with {@code logged}, the
   * same statement writes their attempts to the attempt log from the rows it inserted.
   */
  static void insert(
      Handle h, List<WebhookDelivery> added, String token, Instant until, boolean logged) {
    String sql =
        logged
            ? "WITH added AS ("
                + INSERT
                + " RETURNING delivery_id, endpoint_id, event_id, attempts, last_attempt_at,"
                + " last_status_code, last_error, last_duration_ms, status)"
                + " INSERT INTO webhook_attempts (delivery_id, attempt, endpoint_id, event_id,"
                + " attempted_at, status_code, error, duration_ms, outcome) SELECT delivery_id,"
                + " attempts, endpoint_id, event_id, last_attempt_at, last_status_code,"
                + " last_error, COALESCE(last_duration_ms, 0), status FROM added"
            : INSERT;
    h.createUpdate(sql)
        .bind("ids", Db.column("bigint", Long.class, added, WebhookDelivery::id))
        .bind("endpoints", Db.column("bigint", Long.class, added, WebhookDelivery::endpointId))
        .bind("events", Db.column("varchar", String.class, added, WebhookDelivery::eventId))
        .bind("sellers", Db.column("bigint", Long.class, added, d -> d.sellerId().value()))
        .bind("tickets", Db.column("varchar", String.class, added, d -> d.ticketNumber().value()))
        .bind("sequences", Db.column("bigint", Long.class, added, WebhookDelivery::sequence))
        .bind("statuses", Db.column("varchar", String.class, added, d -> d.status().wire()))
        .bind("attempts", Db.column("integer", Integer.class, added, WebhookDelivery::attempts))
        .bind("nexts", Db.column("varchar", String.class, added, d -> Db.iso(d.nextAttemptAt())))
        .bind("lasts", Db.column("varchar", String.class, added, d -> Db.iso(d.lastAttemptAt())))
        .bind("codes", Db.column("integer", Integer.class, added, WebhookDelivery::lastStatusCode))
        .bind("errors", Db.column("varchar", String.class, added, WebhookDelivery::lastError))
        .bind(
            "durations",
            Db.column("bigint", Long.class, added, WebhookDelivery::lastDurationMillis))
        .bind("created", Db.column("varchar", String.class, added, d -> Db.iso(d.createdAt())))
        .bind("token", token)
        .bindByType("until", Db.utc(until), OffsetDateTime.class)
        .execute();
  }

  private static final String COMPLETE =
      "WITH v AS (SELECT * FROM unnest(:ids, :statuses, :attempts, CAST(:nexts AS timestamptz[]),"
          + " CAST(:lasts AS timestamptz[]), :codes, :errors, :durations)"
          + " AS v(id, status, attempts, next_at, last_at, code, error, duration)),"
          + " done AS (UPDATE webhook_deliveries w SET status = v.status, attempts = v.attempts,"
          + " next_attempt_at = v.next_at, last_attempt_at = v.last_at, last_status_code = v.code,"
          + " last_error = v.error, last_duration_ms = v.duration, lease_token = NULL,"
          + " lease_until = NULL FROM v WHERE w.delivery_id = v.id AND w.lease_token = :token"
          + " RETURNING w.delivery_id, w.endpoint_id, w.event_id, w.attempts, w.last_attempt_at,"
          + " w.last_status_code, w.last_error, w.last_duration_ms, w.status)"
          + " INSERT INTO webhook_attempts (delivery_id, attempt, endpoint_id, event_id,"
          + " attempted_at, status_code, error, duration_ms, outcome) SELECT delivery_id, attempts,"
          + " endpoint_id, event_id, last_attempt_at, last_status_code, last_error,"
          + " COALESCE(last_duration_ms, 0), status FROM done RETURNING delivery_id";

  /**
   * The results of a batch and their attempt log in one statement (the attempt written from the row
   * the update returned: {@link io.ticketdesk.domain.WebhookAttempt#of} reads the same columns),
   * each only where the lease is still {@code token}'s; returns those stored, in order.
   */
  static List<WebhookDelivery> complete(Handle h, List<WebhookDelivery> after, String token) {
    Set<Long> stored =
        new HashSet<>(
            h.createQuery(COMPLETE)
                .bind("ids", Db.column("bigint", Long.class, after, WebhookDelivery::id))
                .bind("statuses", Db.column("varchar", String.class, after, d -> d.status().wire()))
                .bind(
                    "attempts",
                    Db.column("integer", Integer.class, after, WebhookDelivery::attempts))
                .bind(
                    "nexts",
                    Db.column("varchar", String.class, after, d -> Db.iso(d.nextAttemptAt())))
                .bind(
                    "lasts",
                    Db.column("varchar", String.class, after, d -> Db.iso(d.lastAttemptAt())))
                .bind(
                    "codes",
                    Db.column("integer", Integer.class, after, WebhookDelivery::lastStatusCode))
                .bind(
                    "errors", Db.column("varchar", String.class, after, WebhookDelivery::lastError))
                .bind(
                    "durations",
                    Db.column("bigint", Long.class, after, WebhookDelivery::lastDurationMillis))
                .bind("token", token)
                .mapTo(Long.class)
                .list());
    return after.stream().filter(d -> stored.contains(d.id())).toList();
  }
}
