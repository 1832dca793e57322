package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.Sessions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Browser sessions in the {@code browser_sessions} table, keyed by the session id's hash. */
final class JdbiSessions implements Sessions {
  private final Db db;

  JdbiSessions(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public void add(Session s) {
    requireNonNull(s, "s is null");
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO browser_sessions (session_hash, token_hash, csrf_token,"
                        + " created_at, expires_at) VALUES (:hash, :token, :csrf, :at, :until)")
                .bind("hash", s.sessionHash())
                .bind("token", s.tokenHash())
                .bind("csrf", s.csrfToken())
                .bindByType("at", Db.utc(s.createdAt()), OffsetDateTime.class)
                .bindByType("until", Db.utc(s.expiresAt()), OffsetDateTime.class)
                .execute());
  }

  @Override
  public Optional<Session> find(String sessionHash) {
    requireNonNull(sessionHash, "sessionHash is null");
    return db.read(
        h ->
            h.createQuery(
                    "SELECT session_hash, token_hash, csrf_token, created_at, expires_at"
                        + " FROM browser_sessions WHERE session_hash = :hash")
                .bind("hash", sessionHash)
                .map(
                    (rs, ctx) ->
                        new Session(
                            rs.getString("session_hash"),
                            rs.getString("token_hash"),
                            rs.getString("csrf_token"),
                            Db.instant(rs, "created_at"),
                            Db.instant(rs, "expires_at")))
                .findOne());
  }

  @Override
  public void remove(String sessionHash) {
    requireNonNull(sessionHash, "sessionHash is null");
    db.write(
        h ->
            h.createUpdate("DELETE FROM browser_sessions WHERE session_hash = :hash")
                .bind("hash", sessionHash)
                .execute());
  }

  @Override
  public int removeExpired(Instant now) {
    requireNonNull(now, "now is null");
    return db.write(
        h ->
            h.createUpdate("DELETE FROM browser_sessions WHERE expires_at <= :now")
                .bindByType("now", Db.utc(now), OffsetDateTime.class)
                .execute());
  }
}
