package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.ticketdesk.application.port.in.AuthenticateUseCase;
import io.ticketdesk.application.port.in.BrowserSessionUseCase;
import io.ticketdesk.application.port.in.BrowserSessionUseCase.ActiveSession;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Resolves the caller: {@code Authorization: Bearer <token>}, or else the browser session cookie,
 * whose writes must carry the session's {@value #CSRF_HEADER}.
 */
final class Authentication {
  static final String SESSION_COOKIE = "td_session";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String ACTOR = "ticketdesk.actor";
  private static final String SESSION = "ticketdesk.session";
  private static final String SESSION_ID = "ticketdesk.session-id";
  private static final String BEARER = "Bearer ";
  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private final AuthenticateUseCase authenticate;
  private final BrowserSessionUseCase sessions;

  Authentication(AuthenticateUseCase authenticate, BrowserSessionUseCase sessions) {
    this.authenticate = requireNonNull(authenticate, "authenticate is null");
    this.sessions = requireNonNull(sessions, "sessions is null");
  }

  /** Before every matched API route: a missing or unknown token or session is 401. */
  void require(Context ctx) {
    if (isSignIn(ctx)) {
      return; // authenticated by the token in its body
    }
    String header = Requests.single(ctx, "Authorization");
    if (header == null || header.isBlank()) {
      String sessionId = ctx.cookie(SESSION_COOKIE);
      if (sessionId != null && !sessionId.isEmpty()) {
        resume(ctx, sessionId);
        return;
      }
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

  private void resume(Context ctx, String sessionId) {
    ActiveSession session =
        sessions
            .resume(sessionId)
            .orElseThrow(() -> unauthenticated("the session has ended: sign in again"));
    if (!SAFE.contains(ctx.method())) {
      String sent = Requests.single(ctx, CSRF_HEADER);
      if (sent == null
          || !MessageDigest.isEqual(
              sent.getBytes(StandardCharsets.UTF_8),
              session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
        throw new DomainException(
            ErrorCode.FORBIDDEN,
            "a write on a browser session must send the session's " + CSRF_HEADER + " header");
      }
    }
    ctx.attribute(ACTOR, session.actor());
    ctx.attribute(SESSION, session);
    ctx.attribute(SESSION_ID, sessionId);
  }

  private static boolean isSignIn(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return endpoint != null
        && endpoint.method == HandlerType.POST
        && endpoint.path.equals(HttpServer.API + "/sessions");
  }

  static Actor actor(Context ctx) {
    Actor actor = ctx.attribute(ACTOR);
    if (actor == null) {
      throw unauthenticated("send Authorization: Bearer <token>");
    }
    return actor;
  }

  /** The browser session this request came with, or null (a bearer token). */
  static ActiveSession session(Context ctx) {
    return ctx.attribute(SESSION);
  }

  /** The id of the browser session this request came with, or null. */
  static String sessionId(Context ctx) {
    return ctx.attribute(SESSION_ID);
  }

  static DomainException unauthenticated(String detail) {
    return new DomainException(ErrorCode.UNAUTHENTICATED, detail);
  }
}
