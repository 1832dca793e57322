package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import java.time.Instant;

/** Use case: the marketplace issues an API token for a role (and tenant); shown once. */
public interface IssueTokenUseCase {
  IssuedToken issue(Actor issuer, Command command);

  /** The role and tenant the new token acts as, and a label to recognise it by. */
  record Command(Actor subject, String label) {}

  /** The token in clear text, returned exactly once; only its hash is stored. */
  record IssuedToken(String token, Actor subject, String label, Instant createdAt) {}
}
