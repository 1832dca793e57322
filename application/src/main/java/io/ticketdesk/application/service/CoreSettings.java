package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.domain.ReturnOptionPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * What an operator tunes in the core: the return-option policy's rules, the carrier that makes the
 * labels of default text modules naming none, the bootstrap admin token, how long idempotency keys
 * are kept and how often the cluster purges them, and the node's name among several nodes on one
 * store (the holder of the leases on cluster-wide background work), and how long events are kept.
 */
public record CoreSettings(
    ReturnOptionPolicy.Rules policyRules,
    Optional<String> defaultCarrier,
    Optional<String> adminToken,
    Duration idempotencyRetention,
    Duration idempotencyPurgeInterval,
    String node,
    Duration eventRetention) {
  /** Idempotency keys are kept a day unless configured otherwise. */
  public static final Duration DEFAULT_IDEMPOTENCY_RETENTION = Duration.ofHours(24);

  /** Events are kept 30 days unless configured otherwise. */
  public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofDays(30);

  public CoreSettings {
    requireNonNull(policyRules, "policyRules is null");
    requireNonNull(defaultCarrier, "defaultCarrier is null");
    requireNonNull(adminToken, "adminToken is null");
    requireNonNull(idempotencyRetention, "idempotencyRetention is null");
    requireNonNull(idempotencyPurgeInterval, "idempotencyPurgeInterval is null");
    requireNonNull(node, "node is null");
    requireNonNull(eventRetention, "eventRetention is null");
    if (idempotencyRetention.isNegative() || idempotencyRetention.isZero()) {
      throw new IllegalArgumentException(
          "idempotencyRetention must be positive, got " + idempotencyRetention);
    }
    if (idempotencyPurgeInterval.isNegative() || idempotencyPurgeInterval.isZero()) {
      throw new IllegalArgumentException(
          "idempotencyPurgeInterval must be positive, got " + idempotencyPurgeInterval);
    }
    if (node.isBlank() || node.length() > 100) {
      throw new IllegalArgumentException("node must be 1 to 100 characters, got '" + node + "'");
    }
    if (eventRetention.isNegative() || eventRetention.isZero()) {
      throw new IllegalArgumentException("eventRetention must be positive, got " + eventRetention);
    }
  }

  /**
   * The policy's default rules, no default carrier, no admin token, keys kept 24 hours and purged
   * every 15 minutes, a random node name, events kept 30 days.
   */
  public static CoreSettings defaults() {
    return new CoreSettings(
        ReturnOptionPolicy.Rules.defaults(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_IDEMPOTENCY_RETENTION,
        IdempotencyKeyPurgeService.DEFAULT_INTERVAL,
        randomNode(),
        DEFAULT_EVENT_RETENTION);
  }

  /** A node name unique enough among a cluster's nodes: {@code node-} and 12 hex digits. */
  public static String randomNode() {
    return "node-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  public CoreSettings withPolicyRules(ReturnOptionPolicy.Rules rules) {
    return new CoreSettings(
        rules,
        defaultCarrier,
        adminToken,
        idempotencyRetention,
        idempotencyPurgeInterval,
        node,
        eventRetention);
  }

  public CoreSettings withDefaultCarrier(String carrier) {
    return new CoreSettings(
        policyRules,
        Optional.of(carrier),
        adminToken,
        idempotencyRetention,
        idempotencyPurgeInterval,
        node,
        eventRetention);
  }

  public CoreSettings withAdminToken(String token) {
    return new CoreSettings(
        policyRules,
        defaultCarrier,
        Optional.of(token),
        idempotencyRetention,
        idempotencyPurgeInterval,
        node,
        eventRetention);
  }

  public CoreSettings withIdempotencyRetention(Duration retention) {
    return new CoreSettings(
        policyRules,
        defaultCarrier,
        adminToken,
        retention,
        idempotencyPurgeInterval,
        node,
        eventRetention);
  }

  public CoreSettings withIdempotencyPurgeInterval(Duration interval) {
    return new CoreSettings(
        policyRules,
        defaultCarrier,
        adminToken,
        idempotencyRetention,
        interval,
        node,
        eventRetention);
  }

  public CoreSettings withNode(String name) {
    return new CoreSettings(
        policyRules,
        defaultCarrier,
        adminToken,
        idempotencyRetention,
        idempotencyPurgeInterval,
        name,
        eventRetention);
  }

  public CoreSettings withEventRetention(Duration retention) {
    return new CoreSettings(
        policyRules,
        defaultCarrier,
        adminToken,
        idempotencyRetention,
        idempotencyPurgeInterval,
        node,
        retention);
  }
}
