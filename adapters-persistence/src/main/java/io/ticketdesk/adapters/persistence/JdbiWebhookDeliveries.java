package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.WebhookDeliveries;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.WebhookAttempt;
import io.ticketdesk.domain.WebhookDelivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Deliveries in {@code webhook_deliveries}. A claim leases due rows only while they are pending and
 * their lease is free or ran out, so two instances never lease one delivery at once; on PostgreSQL
 * in one statement over candidates read {@code FOR UPDATE SKIP LOCKED}, so claimers do not wait for
 * each other. The fan-out cursor is one row taken {@code FOR UPDATE SKIP LOCKED}. No session state:
 * works through a transaction-pooling pooler.
 */
final class JdbiWebhookDeliveries implements WebhookDeliveries {
  private final Db db;

  JdbiWebhookDeliveries(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public OptionalLong lockFanOut() {
    return db.write(
        h ->
            h.createQuery(
                    "SELECT last_position FROM webhook_fanout WHERE fanout_id = 1"
                        + " FOR UPDATE SKIP LOCKED")
                .mapTo(Long.class)
                .findOne()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty()));
  }

  @Override
  public void advanceFanOut(long position) {
    db.write(
        h ->
            h.createUpdate("UPDATE webhook_fanout SET last_position = :p WHERE fanout_id = 1")
                .bind("p", position)
                .execute());
  }

  @Override
  public List<WebhookDelivery> add(List<WebhookDelivery> drafts) {
    return insert(drafts, null, null);
  }

  @Override
  public void leaseFanOut(String token, long after, long upTo, Instant until) {
    requireNonNull(token, "token is null");
    requireNonNull(until, "until is null");
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO webhook_fanout_leases (lease_token, after_position,"
                        + " up_to_position, lease_until) VALUES (:token, :after, :upTo, :until)")
                .bind("token", token)
                .bind("after", after)
                .bind("upTo", upTo)
                .bindByType("until", Db.utc(until), OffsetDateTime.class)
                .execute());
  }

  /**
   * The range whose lease ran out first in the feed. PostgreSQL: one statement over a candidate
   * read {@code FOR UPDATE SKIP LOCKED}; H2: the candidate with its range, then a conditional
   * update.
   */
  @Override
  public Optional<FanOutLease> claimFanOutLease(Instant now, Instant until, String token) {
    String expired =
        "SELECT lease_token, after_position, up_to_position FROM webhook_fanout_leases"
            + " WHERE lease_until < :now"
            + " ORDER BY after_position LIMIT 1";
    return db.write(
        h -> {
          if (!db.h2()) {
            return h.createQuery(
                    "WITH out AS MATERIALIZED ("
                        + expired
                        + " FOR UPDATE SKIP LOCKED) UPDATE webhook_fanout_leases l SET"
                        + " lease_token = :token, lease_until = :until FROM out"
                        + " WHERE l.lease_token = out.lease_token"
                        + " RETURNING l.after_position, l.up_to_position")
                .bindByType("now", Db.utc(now), OffsetDateTime.class)
                .bindByType("until", Db.utc(until), OffsetDateTime.class)
                .bind("token", token)
                .map((rs, ctx) -> new FanOutLease(rs.getLong(1), rs.getLong(2)))
                .findOne();
          }
          record Candidate(String token, FanOutLease range) {}
          Optional<Candidate> old =
              h.createQuery(expired)
                  .bindByType("now", Db.utc(now), OffsetDateTime.class)
                  .map(
                      (rs, ctx) ->
                          new Candidate(
                              rs.getString(1), new FanOutLease(rs.getLong(2), rs.getLong(3))))
                  .findOne();
          if (old.isEmpty()) {
            return Optional.<FanOutLease>empty();
          }
          int taken =
              h.createUpdate(
                      "UPDATE webhook_fanout_leases SET lease_token = :token, lease_until = :until"
                          + " WHERE lease_token = :old AND lease_until < :now")
                  .bind("token", token)
                  .bindByType("until", Db.utc(until), OffsetDateTime.class)
                  .bind("old", old.get().token())
                  .bindByType("now", Db.utc(now), OffsetDateTime.class)
                  .execute();
          return taken == 0 ? Optional.<FanOutLease>empty() : Optional.of(old.get().range());
        });
  }

  /**
   * Which of the endpoints are still there; PostgreSQL keeps them there until the transaction ends
   * ({@code FOR KEY SHARE}: a delete waits), so the deliveries' foreign keys hold.
   */
  private static final Db.KeyedRead ENDPOINTS_THERE =
      new Db.KeyedRead(
          "SELECT endpoint_id FROM webhook_endpoints WHERE endpoint_id = ANY(CAST(:ids AS"
              + " bigint[])) FOR KEY SHARE",
          "SELECT endpoint_id FROM webhook_endpoints WHERE endpoint_id IN (<keys>)");

  /**
   * Ends the lease, then stores the deliveries whose endpoint is still there with their attempts:
   * PostgreSQL in one statement ({@link PostgresDeliveryBatches#insert}), H2 in two JDBC batches.
   */
  @Override
  public List<WebhookDelivery> addAttempted(List<WebhookDelivery> attempted, String token) {
    requireNonNull(attempted, "attempted is null");
    requireNonNull(token, "token is null");
    return db.write(
        h -> {
          int ended =
              h.createUpdate("DELETE FROM webhook_fanout_leases WHERE lease_token = :token")
                  .bind("token", token)
                  .execute();
          if (ended == 0 || attempted.isEmpty()) {
            return List.<WebhookDelivery>of();
          }
          Set<Long> there =
              new HashSet<>(
                  db.keyed(
                          h,
                          ENDPOINTS_THERE,
                          "ids",
                          attempted.stream()
                              .map(d -> Long.toString(d.endpointId()))
                              .distinct()
                              .toList())
                      .mapTo(Long.class)
                      .list());
          List<WebhookDelivery> kept =
              attempted.stream().filter(d -> there.contains(d.endpointId())).toList();
          List<WebhookDelivery> added = insert(h, kept, null, null, true);
          if (db.h2()) {
            H2DeliveryBatches.logAttempts(h, added);
          }
          return added;
        });
  }

  private List<WebhookDelivery> insert(List<WebhookDelivery> drafts, String token, Instant until) {
    requireNonNull(drafts, "drafts is null");
    if (drafts.isEmpty()) {
      return List.of();
    }
    return db.write(h -> insert(h, drafts, token, until, false));
  }

  /**
   * The deliveries under new ids, as they are (after an attempt too); PostgreSQL logs their
   * attempts in the same statement when {@code logged}, H2 leaves that to {@link
   * H2DeliveryBatches#logAttempts}.
   */
  private List<WebhookDelivery> insert(
      Handle h, List<WebhookDelivery> drafts, String token, Instant until, boolean logged) {
    if (drafts.isEmpty()) {
      return List.of();
    }
    List<Long> ids = nextIds(h, drafts.size());
    List<WebhookDelivery> added = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      added.add(withId(drafts.get(i), ids.get(i)));
    }
    if (!db.h2()) {
      PostgresDeliveryBatches.insert(h, added, token, until, logged);
      return added;
    }
    H2DeliveryBatches.insert(h, added, token, until);
    return added;
  }

  /** {@code n} new delivery ids in one statement. */
  private List<Long> nextIds(Handle h, int n) {
    String sql =
        db.h2()
            ? "SELECT NEXT VALUE FOR webhook_delivery_id_seq FROM SYSTEM_RANGE(1, :n)"
            : "SELECT nextval('webhook_delivery_id_seq') FROM generate_series(1, :n)";
    return h.createQuery(sql).bind("n", n).mapTo(Long.class).list();
  }

  static final String DUE =
      "SELECT d.delivery_id FROM webhook_deliveries d WHERE d.status = 'pending'"
          + " AND d.next_attempt_at <= :now AND (d.lease_until IS NULL OR d.lease_until < :now)"
          + " AND d.endpoint_id IN (SELECT e.endpoint_id FROM webhook_endpoints e"
          + " WHERE e.status = 'active') ORDER BY d.next_attempt_at, d.delivery_id LIMIT :limit";

  private static final Comparator<WebhookDelivery> DUE_ORDER =
      Comparator.comparing(WebhookDelivery::nextAttemptAt).thenComparingLong(WebhookDelivery::id);

  /**
   * PostgreSQL: one statement leases the batch (the candidates locked {@code SKIP LOCKED}, so
   * concurrent claimers take different rows without waiting; a row changed meanwhile is checked
   * again by the lock). The locking read is a materialized CTE, so it runs once whatever plan is
   * cached: as {@code WHERE delivery_id IN (…)} a generic plan made while the queue was empty
   * re-ran it for every row and leased them all ({@code PostgresWebhookClaimPlanTest}). H2: the
   * candidates, then a conditional update per row.
   */
  @Override
  public List<WebhookDelivery> claim(Instant now, Instant until, String token, int limit) {
    if (!db.h2()) {
      return db.write(
          h ->
              h
                  .createQuery(
                      "WITH due AS MATERIALIZED ("
                          + DUE
                          + " FOR UPDATE OF d SKIP LOCKED) UPDATE webhook_deliveries w SET"
                          + " lease_token = :token, lease_until = :until FROM due"
                          + " WHERE w.delivery_id = due.delivery_id RETURNING w.*")
                  .bind("token", token)
                  .bindByType("until", Db.utc(until), OffsetDateTime.class)
                  .bindByType("now", Db.utc(now), OffsetDateTime.class)
                  .bind("limit", limit)
                  .map((rs, ctx) -> map(rs))
                  .list()
                  .stream()
                  .sorted(DUE_ORDER)
                  .toList());
    }
    return db.write(
        h -> {
          List<Long> ids =
              h.createQuery(DUE)
                  .bindByType("now", Db.utc(now), OffsetDateTime.class)
                  .bind("limit", limit)
                  .mapTo(Long.class)
                  .list();
          List<WebhookDelivery> claimed = new ArrayList<>();
          for (long id : ids) {
            int leased =
                h.createUpdate(
                        "UPDATE webhook_deliveries SET lease_token = :token, lease_until = :until"
                            + " WHERE delivery_id = :id AND status = 'pending'"
                            + " AND (lease_until IS NULL OR lease_until < :now)")
                    .bind("token", token)
                    .bindByType("until", Db.utc(until), OffsetDateTime.class)
                    .bindByType("now", Db.utc(now), OffsetDateTime.class)
                    .bind("id", id)
                    .execute();
            if (leased == 1) {
              claimed.add(
                  h.createQuery("SELECT * FROM webhook_deliveries WHERE delivery_id = :id")
                      .bind("id", id)
                      .map((rs, ctx) -> map(rs))
                      .one());
            }
          }
          return claimed;
        });
  }

  /**
   * In the caller's transaction, the results (each only if the lease is still {@code token}'s),
   * then the attempts of those stored. PostgreSQL: one statement for the batch, the attempt log
   * written from the rows it updated ({@link WebhookAttempt#of} reads the same columns); H2: two
   * JDBC batches.
   */
  @Override
  public List<WebhookDelivery> completeAll(List<WebhookDelivery> after, String token) {
    requireNonNull(after, "after is null");
    if (after.isEmpty()) {
      return List.of();
    }
    if (!db.h2()) {
      return db.write(h -> PostgresDeliveryBatches.complete(h, after, token));
    }
    return db.write(h -> H2DeliveryBatches.complete(h, after, token));
  }

  @Override
  public List<WebhookAttempt> attempts(long endpointId, int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM webhook_attempts WHERE endpoint_id = :endpoint ORDER BY"
                        + " attempted_at DESC, delivery_id DESC, attempt DESC LIMIT :limit")
                .bind("endpoint", endpointId)
                .bind("limit", limit)
                .map((rs, ctx) -> attempt(rs))
                .list());
  }

  @Override
  public List<WebhookDelivery> recent(long endpointId, int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM webhook_deliveries WHERE endpoint_id = :endpoint"
                        + " ORDER BY delivery_id DESC LIMIT :limit")
                .bind("endpoint", endpointId)
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public Optional<WebhookDelivery> find(long deliveryId) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM webhook_deliveries WHERE delivery_id = :id")
                .bind("id", deliveryId)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  private static WebhookDelivery withId(WebhookDelivery d, long id) {
    return new WebhookDelivery(
        id,
        d.endpointId(),
        d.eventId(),
        d.sellerId(),
        d.ticketNumber(),
        d.sequence(),
        d.status(),
        d.attempts(),
        d.nextAttemptAt(),
        d.lastAttemptAt(),
        d.lastStatusCode(),
        d.lastError(),
        d.lastDurationMillis(),
        d.createdAt());
  }

  private static WebhookAttempt attempt(ResultSet rs) throws SQLException {
    Long code = Db.nullableLong(rs, "status_code");
    return new WebhookAttempt(
        rs.getLong("delivery_id"),
        rs.getLong("endpoint_id"),
        rs.getString("event_id"),
        rs.getInt("attempt"),
        Db.instant(rs, "attempted_at"),
        code == null ? null : code.intValue(),
        rs.getString("error"),
        rs.getLong("duration_ms"),
        WebhookDelivery.Status.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)));
  }

  private static WebhookDelivery map(ResultSet rs) throws SQLException {
    Long code = Db.nullableLong(rs, "last_status_code");
    return new WebhookDelivery(
        rs.getLong("delivery_id"),
        rs.getLong("endpoint_id"),
        rs.getString("event_id"),
        SellerId.of(rs.getLong("seller_id")),
        TicketNumber.of(rs.getString("ticket_number")),
        rs.getLong("sequence"),
        WebhookDelivery.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        rs.getInt("attempts"),
        Db.instant(rs, "next_attempt_at"),
        Db.instant(rs, "last_attempt_at"),
        code == null ? null : code.intValue(),
        rs.getString("last_error"),
        Db.nullableLong(rs, "last_duration_ms"),
        Db.instant(rs, "created_at"));
  }
}
