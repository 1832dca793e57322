package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.Actor;
import java.time.Instant;
import java.util.Optional;

/** Issued API tokens, kept only as SHA-256 hashes. */
public interface AccessTokens {
  void add(String tokenHash, Actor actor, String label, Instant createdAt);

  Optional<Actor> findByHash(String tokenHash);
}
