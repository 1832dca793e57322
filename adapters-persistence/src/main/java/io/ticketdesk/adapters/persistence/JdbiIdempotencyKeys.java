package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.domain.SellerId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Idempotency keys in {@code idempotency_keys}; the primary key decides a race of first uses. */
final class JdbiIdempotencyKeys implements IdempotencyKeys {
  private final Db db;

  JdbiIdempotencyKeys(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public void add(SellerId seller, String key, Use use) {
    requireNonNull(seller, "seller is null");
    requireNonNull(key, "key is null");
    requireNonNull(use, "use is null");
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO idempotency_keys (seller_id, idem_key, fingerprint, entry_id,"
                        + " created_at) VALUES (:s, :k, :f, :e, :at)")
                .bind("s", seller.value())
                .bind("k", key)
                .bind("f", use.fingerprint())
                .bind("e", use.entryId())
                .bindByType("at", Db.utc(use.createdAt()), OffsetDateTime.class)
                .execute());
  }

  @Override
  public Optional<Use> find(SellerId seller, String key) {
    requireNonNull(seller, "seller is null");
    requireNonNull(key, "key is null");
    return db.read(
        h ->
            h.createQuery(
                    "SELECT fingerprint, entry_id, created_at FROM idempotency_keys"
                        + " WHERE seller_id = :s AND idem_key = :k")
                .bind("s", seller.value())
                .bind("k", key)
                .map(
                    (rs, ctx) ->
                        new Use(
                            rs.getString("fingerprint"),
                            rs.getLong("entry_id"),
                            Db.instant(rs, "created_at")))
                .findOne());
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    requireNonNull(cutoff, "cutoff is null");
    return db.write(
        h ->
            h.createUpdate("DELETE FROM idempotency_keys WHERE created_at < :cutoff")
                .bindByType("cutoff", Db.utc(cutoff), OffsetDateTime.class)
                .execute());
  }
}
