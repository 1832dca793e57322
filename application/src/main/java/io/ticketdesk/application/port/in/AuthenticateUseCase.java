package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import java.util.Optional;

/** Use case: find out who presents a bearer token. */
public interface AuthenticateUseCase {
  Optional<Actor> authenticate(String bearerToken);
}
