package io.ticketdesk.application.service;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Role;
import java.util.Arrays;

/** Role checks shared by the services: who may call a use case at all. */
final class Access {
  private Access() {}

  static void require(Actor actor, String what, Role... allowed) {
    if (actor == null) {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, "authentication required");
    }
    if (Arrays.stream(allowed).noneMatch(actor::is)) {
      throw new DomainException(
          ErrorCode.FORBIDDEN,
          "role "
              + actor.role().wire()
              + " may not "
              + what
              + "; allowed: "
              + String.join(", ", Arrays.stream(allowed).map(Role::wire).toList()));
    }
  }

  static DomainException notFound(String what) {
    return new DomainException(ErrorCode.NOT_FOUND, what + " not found");
  }
}
