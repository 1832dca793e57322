package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.ticketdesk.application.port.in.AuthenticateUseCase;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;

/** Resolves {@code Authorization: Bearer <token>} to the acting role and tenant. */
final class Authentication {
  private static final String ACTOR = "ticketdesk.actor";
  private static final String BEARER = "Bearer ";

  private final AuthenticateUseCase authenticate;

  Authentication(AuthenticateUseCase authenticate) {
    this.authenticate = requireNonNull(authenticate, "authenticate is null");
  }

  /** Before every matched API route: a missing or unknown token is 401. */
  void require(Context ctx) {
    String header = Requests.single(ctx, "Authorization");
    if (header == null || header.isBlank()) {
      throw unauthenticated("send Authorization: Bearer <token>");
    }
    if (header.length() <= BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw unauthenticated("the Authorization header must use the Bearer scheme");
    }
    String token = header.substring(BEARER.length()).strip();
    Actor actor =
        authenticate
            .authenticate(token)
            .orElseThrow(() -> unauthenticated("the bearer token is not valid"));
    ctx.attribute(ACTOR, actor);
  }

  static Actor actor(Context ctx) {
    Actor actor = ctx.attribute(ACTOR);
    if (actor == null) {
      throw unauthenticated("send Authorization: Bearer <token>");
    }
    return actor;
  }

  private static DomainException unauthenticated(String detail) {
    return new DomainException(ErrorCode.UNAUTHENTICATED, detail);
  }
}
