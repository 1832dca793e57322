package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import java.time.Duration;
import java.util.Optional;

/** Use case: find out who presents a bearer token. */
public interface AuthenticateUseCase {
  /**
   * How long a node trusts a token it found valid without asking the store again: the bound within
   * which a token revoked elsewhere (another node, the CLI) stops working on this node.
   */
  Duration TRUSTED_FOR = Duration.ofSeconds(10);

  Optional<Actor> authenticate(String bearerToken);
}
