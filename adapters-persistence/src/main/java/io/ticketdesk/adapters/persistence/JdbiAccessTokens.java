package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.AccessTokens;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.SellerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Access tokens in the {@code access_tokens} table, keyed by the token's hash. */
final class JdbiAccessTokens implements AccessTokens {
  private final Db db;

  JdbiAccessTokens(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public void add(String tokenHash, Actor actor, String label, Instant createdAt) {
    requireNonNull(tokenHash, "tokenHash is null");
    requireNonNull(actor, "actor is null");
    requireNonNull(createdAt, "createdAt is null");
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO access_tokens (token_hash, role, seller_id, buyer_id, label,"
                        + " created_at) VALUES (:hash, :role, :seller, :buyer, :label, :at)")
                .bind("hash", tokenHash)
                .bind("role", actor.role().wire())
                .bindByType(
                    "seller", actor.sellerId().map(SellerId::value).orElse(null), Long.class)
                .bindByType("buyer", actor.buyerId().map(BuyerId::value).orElse(null), Long.class)
                .bindByType("label", label, String.class)
                .bindByType("at", Db.utc(createdAt), OffsetDateTime.class)
                .execute());
  }

  @Override
  public Optional<Actor> findByHash(String tokenHash) {
    requireNonNull(tokenHash, "tokenHash is null");
    return db.read(
        h ->
            h.createQuery(
                    "SELECT role, seller_id, buyer_id FROM access_tokens WHERE token_hash = :hash"
                        + " AND revoked_at IS NULL")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public boolean revoke(String tokenHash, Instant at) {
    requireNonNull(tokenHash, "tokenHash is null");
    requireNonNull(at, "at is null");
    return db.write(
            h ->
                h.createUpdate(
                        "UPDATE access_tokens SET revoked_at = COALESCE(revoked_at, :at)"
                            + " WHERE token_hash = :hash")
                    .bind("hash", tokenHash)
                    .bindByType("at", Db.utc(at), OffsetDateTime.class)
                    .execute())
        == 1;
  }

  private static Actor map(ResultSet rs) throws SQLException {
    return new Actor(
        Role.of(rs.getString("role")),
        Optional.ofNullable(Db.nullableLong(rs, "seller_id")).map(SellerId::of),
        Optional.ofNullable(Db.nullableLong(rs, "buyer_id")).map(BuyerId::of));
  }
}
