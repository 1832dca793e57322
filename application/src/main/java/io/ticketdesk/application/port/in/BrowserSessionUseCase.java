package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import java.time.Instant;
import java.util.Optional;

/**
 * Use case: working in the browser on a session instead of a bearer token. The token is exchanged
 * once for a session; the session acts as the token's actor until it is ended, expires, or its
 * token is no longer valid.
 */
public interface BrowserSessionUseCase {
  /**
   * Starts a session for a valid token.
   *
   * @throws io.ticketdesk.domain.DomainException {@code unauthenticated} when the token is not
   *     valid
   */
  StartedSession start(String bearerToken);

  /** The session's actor and CSRF secret, or empty when it is unknown, ended or expired. */
  Optional<ActiveSession> resume(String sessionId);

  /** Ends the session (sign-out); ending an unknown session changes nothing. */
  void end(String sessionId);

  /** A new session: its id (for the cookie, shown once), the secret for writes, its actor. */
  record StartedSession(String sessionId, String csrfToken, Actor actor, Instant expiresAt) {}

  /** A live session. */
  record ActiveSession(Actor actor, String csrfToken, Instant expiresAt) {}
}
