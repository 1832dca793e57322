package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.IdempotencyKeys;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Idempotency keys in {@code idempotency_keys}; the primary key (seller, caller, key) decides a
 * race of first uses.
 */
final class JdbiIdempotencyKeys implements IdempotencyKeys {
  private final Db db;

  JdbiIdempotencyKeys(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public void add(Key key, Use use) {
    requireNonNull(key, "key is null");
    requireNonNull(use, "use is null");
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO idempotency_keys (seller_id, caller, idem_key, fingerprint, result,"
                        + " created_at) VALUES (:s, :c, :k, :f, :r, :at)")
                .bind("s", key.seller().value())
                .bind("c", key.caller())
                .bind("k", key.value())
                .bind("f", use.fingerprint())
                .bind("r", use.result())
                .bindByType("at", Db.utc(use.createdAt()), OffsetDateTime.class)
                .execute());
  }

  @Override
  public Optional<Use> find(Key key) {
    requireNonNull(key, "key is null");
    return db.read(
        h ->
            h.createQuery(
                    "SELECT fingerprint, result, created_at FROM idempotency_keys"
                        + " WHERE seller_id = :s AND caller = :c AND idem_key = :k")
                .bind("s", key.seller().value())
                .bind("c", key.caller())
                .bind("k", key.value())
                .map(
                    (rs, ctx) ->
                        new Use(
                            rs.getString("fingerprint"),
                            rs.getString("result"),
                            Db.instant(rs, "created_at")))
                .findOne());
  }

  /**
   * One bounded DELETE of the oldest expired keys (by the index on {@code created_at}); portable
   * between PostgreSQL and H2, which have no {@code DELETE … LIMIT} in common.
   */
  @Override
  public int purgeBefore(Instant cutoff, int limit) {
    requireNonNull(cutoff, "cutoff is null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    return db.write(
        h ->
            h.createUpdate(
                    "DELETE FROM idempotency_keys WHERE (seller_id, caller, idem_key) IN"
                        + " (SELECT seller_id, caller, idem_key FROM idempotency_keys"
                        + " WHERE created_at < :cutoff ORDER BY created_at LIMIT :limit)")
                .bindByType("cutoff", Db.utc(cutoff), OffsetDateTime.class)
                .bind("limit", limit)
                .execute());
  }
}
