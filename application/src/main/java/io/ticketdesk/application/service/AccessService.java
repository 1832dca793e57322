package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.AuthenticateUseCase;
import io.ticketdesk.application.port.in.IssueTokenUseCase;
import io.ticketdesk.application.port.in.RevokeTokenUseCase;
import io.ticketdesk.application.port.out.AccessTokens;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.Validation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues tokens (random, shown once, stored as SHA-256), authenticates bearers and revokes tokens.
 * A token found valid is trusted for {@link AuthenticateUseCase#TRUSTED_FOR} without asking the
 * store again (one lookup per token and node in that time); a revocation on this node takes effect
 * at once, one on another node within that time.
 */
public final class AccessService
    implements IssueTokenUseCase, AuthenticateUseCase, RevokeTokenUseCase {
  private static final String PREFIX = "tdk_";
  private static final int MAX_TOKEN_LENGTH = 512;

  private final AccessTokens tokens;
  private final Sellers sellers;
  private final Transactions tx;
  private final Clock clock;
  private final Optional<String> adminTokenHash;
  private final SecureRandom random = new SecureRandom();
  private static final Duration CACHE_TTL = TRUSTED_FOR;
  private static final int MAX_CACHED = 10_000;
  private final Map<String, Cached> recent = new ConcurrentHashMap<>();

  /**
   * @param adminToken a token that is valid as a marketplace token as given (for bootstrapping), or
   *     empty
   */
  public AccessService(
      AccessTokens tokens,
      Sellers sellers,
      Transactions tx,
      Clock clock,
      Optional<String> adminToken) {
    this.tokens = requireNonNull(tokens, "tokens is null");
    this.sellers = requireNonNull(sellers, "sellers is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.adminTokenHash = adminToken.filter(t -> !t.isBlank()).map(AccessService::hash);
  }

  @Override
  public IssuedToken issue(Actor issuer, Command command) {
    Access.require(issuer, "issue tokens", Role.MARKETPLACE);
    Actor subject = Validation.required(command.subject(), "role");
    String label = command.label() == null ? subject.role().wire() : command.label();
    Validation.requiredText(label, "label", 200);
    subject
        .sellerId()
        .ifPresent(
            id -> {
              if (tx.inTransaction(() -> sellers.find(id)).isEmpty()) {
                throw new DomainException(
                    ErrorCode.VALIDATION,
                    "seller " + id.value() + " is not registered",
                    Map.of("field", "sellerId"));
              }
            });
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    tx.inTransaction(
        () -> {
          tokens.add(hash(token), subject, label, now);
          return null;
        });
    return new IssuedToken(token, subject, label, now);
  }

  @Override
  public Optional<Actor> authenticate(String bearerToken) {
    if (bearerToken == null || bearerToken.isBlank() || bearerToken.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    String h = hash(bearerToken);
    if (adminTokenHash.isPresent()
        && MessageDigest.isEqual(
            adminTokenHash.get().getBytes(StandardCharsets.US_ASCII),
            h.getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(Actor.marketplace());
    }
    Instant now = clock.instant();
    Cached cached = recent.get(h);
    if (cached != null && now.isBefore(cached.until())) {
      return Optional.of(cached.actor());
    }
    // One read, no transaction: the hot path of every request.
    Optional<Actor> actor = tokens.findByHash(h);
    actor.ifPresent(
        a -> {
          if (recent.size() >= MAX_CACHED) {
            recent.clear();
          }
          recent.put(h, new Cached(a, now.plus(CACHE_TTL)));
        });
    return actor;
  }

  @Override
  public boolean revoke(Actor actor, String token) {
    Access.require(actor, "revoke tokens", Role.MARKETPLACE);
    Validation.requiredText(token, "token", MAX_TOKEN_LENGTH);
    String h = hash(token);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    boolean known = tx.inTransaction(() -> tokens.revoke(h, now));
    recent.remove(h);
    return known;
  }

  /**
   * A token recently found valid; a token's actor never changes, and a revocation elsewhere is seen
   * when the entry runs out.
   */
  private record Cached(Actor actor, Instant until) {}

  /** SHA-256 of the token, hex; the only form in which tokens are stored. */
  public static String hash(String token) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
