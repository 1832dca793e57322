package io.ticketdesk.application.port.out;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Browser sessions, kept by the SHA-256 hash of their id, each tied to the token it started with.
 */
public interface Sessions {
  void add(Session session);

  Optional<Session> find(String sessionHash);

  /** Ends a session; ending an unknown one changes nothing. */
  void remove(String sessionHash);

  /** Ends every session whose end is at or before {@code now}; returns how many. */
  int removeExpired(Instant now);

  /** A session: whose token it stands for, the secret its page sends with writes, its end. */
  record Session(
      String sessionHash,
      String tokenHash,
      String csrfToken,
      Instant createdAt,
      Instant expiresAt) {
    public Session {
      requireNonNull(sessionHash, "sessionHash is null");
      requireNonNull(tokenHash, "tokenHash is null");
      requireNonNull(csrfToken, "csrfToken is null");
      requireNonNull(createdAt, "createdAt is null");
      requireNonNull(expiresAt, "expiresAt is null");
    }
  }
}
