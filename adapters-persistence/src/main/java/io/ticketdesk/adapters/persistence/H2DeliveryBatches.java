package io.ticketdesk.adapters.persistence;

import io.ticketdesk.domain.WebhookAttempt;
import io.ticketdesk.domain.WebhookDelivery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * H2's batch statements of {@link JdbiWebhookDeliveries}: JDBC batches of one statement per
 * delivery (PostgreSQL's one-statement forms are in {@link PostgresDeliveryBatches}).
 */
final class H2DeliveryBatches {
  private H2DeliveryBatches() {}

  /** New deliveries (as they are: after an attempt too), leased under {@code token} if given. */
  static void insert(Handle h, List<WebhookDelivery> added, String token, Instant until) {
    var batch =
        h.prepareBatch(
            "INSERT INTO webhook_deliveries (delivery_id, endpoint_id, event_id, seller_id,"
                + " ticket_number, sequence, status, attempts, next_attempt_at, last_attempt_at,"
                + " last_status_code, last_error, last_duration_ms, created_at, lease_token,"
                + " lease_until) VALUES (:id, :endpoint, :event, :seller, :ticket, :sequence,"
                + " :status, :attempts, :next, :last, :code, :error, :duration, :createdAt,"
                + " :token, :until)");
    for (WebhookDelivery stored : added) {
      batch
          .bind("id", stored.id())
          .bind("endpoint", stored.endpointId())
          .bind("event", stored.eventId())
          .bind("seller", stored.sellerId().value())
          .bind("ticket", stored.ticketNumber().value())
          .bind("sequence", stored.sequence())
          .bind("status", stored.status().wire())
          .bind("attempts", stored.attempts())
          .bindByType("next", Db.utc(stored.nextAttemptAt()), OffsetDateTime.class)
          .bindByType("last", Db.utc(stored.lastAttemptAt()), OffsetDateTime.class)
          .bind("code", stored.lastStatusCode())
          .bind("error", stored.lastError())
          .bind("duration", stored.lastDurationMillis())
          .bindByType("createdAt", Db.utc(stored.createdAt()), OffsetDateTime.class)
          .bind("token", token)
          .bindByType("until", Db.utc(until), OffsetDateTime.class)
          .add();
    }
    batch.execute();
  }

  /**
   * The results, each only where the lease is still {@code token}'s, then the attempts of those
   * stored; returns them in order.
   */
  static List<WebhookDelivery> complete(Handle h, List<WebhookDelivery> after, String token) {
    PreparedBatch results =
        h.prepareBatch(
            "UPDATE webhook_deliveries SET status = :status, attempts = :attempts,"
                + " next_attempt_at = :next, last_attempt_at = :last,"
                + " last_status_code = :code, last_error = :error,"
                + " last_duration_ms = :duration, lease_token = NULL,"
                + " lease_until = NULL WHERE delivery_id = :id AND lease_token = :token");
    for (WebhookDelivery d : after) {
      results
          .bind("status", d.status().wire())
          .bind("attempts", d.attempts())
          .bindByType("next", Db.utc(d.nextAttemptAt()), OffsetDateTime.class)
          .bindByType("last", Db.utc(d.lastAttemptAt()), OffsetDateTime.class)
          .bind("code", d.lastStatusCode())
          .bind("error", d.lastError())
          .bind("duration", d.lastDurationMillis())
          .bind("id", d.id())
          .bind("token", token)
          .add();
    }
    int[] counts = results.execute();
    List<WebhookDelivery> stored = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 1) {
        stored.add(after.get(i));
      }
    }
    if (stored.isEmpty()) {
      return stored;
    }
    logAttempts(h, stored);
    return stored;
  }

  /** H2: the attempts of deliveries just stored, in the attempt log (a JDBC batch). */
  static void logAttempts(Handle h, List<WebhookDelivery> stored) {
    if (stored.isEmpty()) {
      return;
    }
    PreparedBatch log =
        h.prepareBatch(
            "INSERT INTO webhook_attempts (delivery_id, attempt, endpoint_id, event_id,"
                + " attempted_at, status_code, error, duration_ms, outcome) VALUES (:id,"
                + " :attempt, :endpoint, :event, :at, :code, :error, :duration, :outcome)");
    for (WebhookDelivery d : stored) {
      WebhookAttempt attempt = WebhookAttempt.of(d);
      log.bind("id", attempt.deliveryId())
          .bind("attempt", attempt.attempt())
          .bind("endpoint", attempt.endpointId())
          .bind("event", attempt.eventId())
          .bindByType("at", Db.utc(attempt.attemptedAt()), OffsetDateTime.class)
          .bind("code", attempt.statusCode())
          .bind("error", attempt.error())
          .bind("duration", attempt.durationMillis())
          .bind("outcome", attempt.outcome().wire())
          .add();
    }
    log.execute();
  }
}
