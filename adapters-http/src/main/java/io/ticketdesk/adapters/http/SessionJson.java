package io.ticketdesk.adapters.http;

import io.ticketdesk.domain.Actor;
import java.time.Instant;

/** A browser session as JSON: who it acts as, the secret for writes, when it ends. */
record SessionJson(String role, Long sellerId, Long buyerId, String csrfToken, Instant expiresAt) {

  static SessionJson of(Actor actor, String csrfToken, Instant expiresAt) {
    return new SessionJson(
        actor.role().wire(),
        actor.sellerId().map(id -> id.value()).orElse(null),
        actor.buyerId().map(id -> id.value()).orElse(null),
        csrfToken,
        expiresAt);
  }

  /** The body of {@code POST /sessions}. */
  record SignIn(String token) {}
}
