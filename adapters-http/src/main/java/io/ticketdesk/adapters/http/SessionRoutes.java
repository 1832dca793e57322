package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.ticketdesk.application.port.in.BrowserSessionUseCase;
import java.time.Clock;
import java.time.Duration;

/**
 * Browser sign-in and sign-out: a token is exchanged once for an {@code HttpOnly}, {@code
 * SameSite=Strict} session cookie, so page scripts never hold the token.
 */
final class SessionRoutes {
  private final BrowserSessionUseCase sessions;
  private final Clock clock;

  SessionRoutes(BrowserSessionUseCase sessions, Clock clock) {
    this.sessions = requireNonNull(sessions, "sessions is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  void start(Context ctx) {
    SessionJson.SignIn body = Requests.body(ctx, SessionJson.SignIn.class);
    String token = Requests.required(body.token(), "token");
    var started = sessions.start(token);
    long seconds = Math.max(0, Duration.between(clock.instant(), started.expiresAt()).toSeconds());
    ctx.header("Set-Cookie", cookie(ctx, started.sessionId(), seconds));
    ctx.header("Cache-Control", "no-store");
    Responses.json(
        ctx, 201, SessionJson.of(started.actor(), started.csrfToken(), started.expiresAt()));
  }

  /** Who the caller is; for a browser session also its CSRF secret and end. */
  void current(Context ctx) {
    var session = Authentication.session(ctx);
    ctx.header("Cache-Control", "no-store");
    Responses.json(
        ctx,
        200,
        session == null
            ? SessionJson.of(Authentication.actor(ctx), null, null)
            : SessionJson.of(session.actor(), session.csrfToken(), session.expiresAt()));
  }

  void end(Context ctx) {
    String id = Authentication.sessionId(ctx);
    if (id != null) {
      sessions.end(id);
    }
    ctx.header("Set-Cookie", cookie(ctx, "", 0));
    ctx.status(204);
  }

  /** {@code Secure} when the request came over HTTPS, also through a proxy that says so. */
  private static String cookie(Context ctx, String value, long maxAgeSeconds) {
    boolean https =
        "https".equalsIgnoreCase(ctx.scheme())
            || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    return Authentication.SESSION_COOKIE
        + "="
        + value
        + "; Path=/; Max-Age="
        + maxAgeSeconds
        + "; HttpOnly; SameSite=Strict"
        + (https ? "; Secure" : "");
  }
}
