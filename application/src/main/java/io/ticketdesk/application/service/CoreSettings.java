package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.domain.ReturnOptionPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * What an operator tunes in the core: the return-option policy's rules, the carrier that makes the
 * labels of default text modules naming none, the bootstrap admin token, and how long idempotency
 * keys are kept.
 */
public record CoreSettings(
    ReturnOptionPolicy.Rules policyRules,
    Optional<String> defaultCarrier,
    Optional<String> adminToken,
    Duration idempotencyRetention,
    Duration eventRetention) {
  /** Events are kept 30 days unless configured otherwise. */
  public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofDays(30);

  /** Idempotency keys are kept a day unless configured otherwise. */
  public static final Duration DEFAULT_IDEMPOTENCY_RETENTION = Duration.ofHours(24);

  public CoreSettings {
    requireNonNull(policyRules, "policyRules is null");
    requireNonNull(defaultCarrier, "defaultCarrier is null");
    requireNonNull(adminToken, "adminToken is null");
    requireNonNull(idempotencyRetention, "idempotencyRetention is null");
    requireNonNull(eventRetention, "eventRetention is null");
    if (eventRetention.isNegative() || eventRetention.isZero()) {
      throw new IllegalArgumentException("eventRetention must be positive, got " + eventRetention);
    }
    if (idempotencyRetention.isNegative() || idempotencyRetention.isZero()) {
      throw new IllegalArgumentException(
          "idempotencyRetention must be positive, got " + idempotencyRetention);
    }
  }

  /** The policy's default rules, no default carrier, no admin token, keys kept 24 hours. */
  public static CoreSettings defaults() {
    return new CoreSettings(
        ReturnOptionPolicy.Rules.defaults(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_IDEMPOTENCY_RETENTION,
        DEFAULT_EVENT_RETENTION);
  }

  public CoreSettings withPolicyRules(ReturnOptionPolicy.Rules rules) {
    return new CoreSettings(
        rules, defaultCarrier, adminToken, idempotencyRetention, eventRetention);
  }

  public CoreSettings withDefaultCarrier(String carrier) {
    return new CoreSettings(
        policyRules, Optional.of(carrier), adminToken, idempotencyRetention, eventRetention);
  }

  public CoreSettings withAdminToken(String token) {
    return new CoreSettings(
        policyRules, defaultCarrier, Optional.of(token), idempotencyRetention, eventRetention);
  }

  public CoreSettings withEventRetention(Duration retention) {
    return new CoreSettings(
        policyRules, defaultCarrier, adminToken, idempotencyRetention, retention);
  }

  public CoreSettings withIdempotencyRetention(Duration retention) {
    return new CoreSettings(policyRules, defaultCarrier, adminToken, retention, eventRetention);
  }
}
