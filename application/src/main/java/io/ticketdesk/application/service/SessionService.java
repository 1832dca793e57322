package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.BrowserSessionUseCase;
import io.ticketdesk.application.port.out.AccessTokens;
import io.ticketdesk.application.port.out.Sessions;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Browser sessions in the store (any instance serves any session). Only issued tokens start one;
 * each request re-reads the token, so a session ends with its token.
 */
public final class SessionService implements BrowserSessionUseCase {
  /** How long a session lasts from sign-in. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  private static final int MAX_ID_LENGTH = 128;

  private final Sessions sessions;
  private final AccessTokens tokens;
  private final Transactions tx;
  private final Clock clock;
  private final Duration lifetime;
  private final SecureRandom random = new SecureRandom();

  public SessionService(
      Sessions sessions, AccessTokens tokens, Transactions tx, Clock clock, Duration lifetime) {
    this.sessions = requireNonNull(sessions, "sessions is null");
    this.tokens = requireNonNull(tokens, "tokens is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.lifetime = requireNonNull(lifetime, "lifetime is null");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
    }
  }

  @Override
  public StartedSession start(String bearerToken) {
    if (bearerToken == null || bearerToken.isBlank() || bearerToken.length() > 512) {
      throw unauthenticated();
    }
    String tokenHash = AccessService.hash(bearerToken.strip());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    String id = secret();
    String csrf = secret();
    Instant expiresAt = now.plus(lifetime);
    Actor actor =
        tx.inTransaction(
            () -> {
              Actor a = tokens.findByHash(tokenHash).orElseThrow(SessionService::unauthenticated);
              sessions.removeExpired(now);
              sessions.add(
                  new Sessions.Session(AccessService.hash(id), tokenHash, csrf, now, expiresAt));
              return a;
            });
    return new StartedSession(id, csrf, actor, expiresAt);
  }

  @Override
  public Optional<ActiveSession> resume(String sessionId) {
    if (sessionId == null || sessionId.isBlank() || sessionId.length() > MAX_ID_LENGTH) {
      return Optional.empty();
    }
    String hash = AccessService.hash(sessionId);
    Instant now = clock.instant();
    return tx.inTransaction(
        () -> {
          Optional<Sessions.Session> session = sessions.find(hash);
          if (session.isEmpty()) {
            return Optional.empty();
          }
          Sessions.Session s = session.get();
          Optional<Actor> actor =
              now.isBefore(s.expiresAt()) ? tokens.findByHash(s.tokenHash()) : Optional.empty();
          if (actor.isEmpty()) {
            sessions.remove(hash);
            return Optional.empty();
          }
          return Optional.of(new ActiveSession(actor.get(), s.csrfToken(), s.expiresAt()));
        });
  }

  @Override
  public void end(String sessionId) {
    if (sessionId == null || sessionId.isBlank() || sessionId.length() > MAX_ID_LENGTH) {
      return;
    }
    tx.inTransaction(
        () -> {
          sessions.remove(AccessService.hash(sessionId));
          return null;
        });
  }

  private String secret() {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  private static DomainException unauthenticated() {
    return new DomainException(ErrorCode.UNAUTHENTICATED, "the token is not valid");
  }
}
