package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.Actor;
import java.time.Instant;
import java.util.Optional;

/** Issued API tokens, kept only as SHA-256 hashes. */
public interface AccessTokens {
  void add(String tokenHash, Actor actor, String label, Instant createdAt);

  /** The actor of a token that was issued and not revoked. */
  Optional<Actor> findByHash(String tokenHash);

  /**
   * Revokes a token: from then on {@link #findByHash} does not find it. Revoking it again changes
   * nothing (the first revocation's time stays); returns whether the token was ever issued.
   */
  boolean revoke(String tokenHash, Instant at);
}
