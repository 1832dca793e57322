package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.PurgeIdempotencyKeysUseCase;
import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.application.port.out.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Forgets idempotency keys once they are older than the retention: a retry within the retention is
 * answered from its key, a later one is a new request. Each batch is a transaction of its own, so a
 * purge never holds many rows locked. {@link #purgeIfDue} purges once per interval for the whole
 * cluster: the node that takes the lease {@value #LEASE} (held for the interval) purges, the others
 * skip their turn; should two purges still overlap (one ran longer than the interval), a key is
 * deleted once all the same.
 */
public final class IdempotencyKeyPurgeService implements PurgeIdempotencyKeysUseCase {
  /** How long keys are kept at least, unless configured otherwise. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  /** How many keys one batch deletes at most. */
  public static final int DEFAULT_BATCH_SIZE = 1_000;

  /** How often the cluster purges, unless configured otherwise. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

  static final String LEASE = "idempotency-key-purge";

  private final IdempotencyKeys keys;
  private final Clock clock;
  private final Duration retention;
  private final int batchSize;
  private final Leases leases;
  private final Duration interval;
  private final String node;

  /** A purge of {@link #purgeExpired} only (no turns among nodes). */
  public IdempotencyKeyPurgeService(
      IdempotencyKeys keys, Clock clock, Duration retention, int batchSize) {
    this(keys, clock, retention, batchSize, null, DEFAULT_INTERVAL, "single-node");
  }

  /**
   * @param leases where the nodes take turns ({@code null}: every call of {@link #purgeIfDue}
   *     purges)
   * @param interval how long a node's turn lasts: the cluster purges once per interval
   * @param node this node's name in the lease
   */
  public IdempotencyKeyPurgeService(
      IdempotencyKeys keys,
      Clock clock,
      Duration retention,
      int batchSize,
      Leases leases,
      Duration interval,
      String node) {
    this.keys = requireNonNull(keys, "keys is null");
    this.leases = leases;
    this.interval = requireNonNull(interval, "interval is null");
    this.node = requireNonNull(node, "node is null");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, got " + interval);
    }
    this.clock = requireNonNull(clock, "clock is null");
    this.retention = requireNonNull(retention, "retention is null");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, got " + retention);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
    }
    this.batchSize = batchSize;
  }

  public Duration retention() {
    return retention;
  }

  @Override
  public OptionalInt purgeIfDue() {
    Instant now = clock.instant();
    if (leases != null && leases.acquire(LEASE, node, now, now.plus(interval)).isEmpty()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(purgeExpired());
  }

  @Override
  public int purgeExpired() {
    Instant cutoff = clock.instant().minus(retention);
    int total = 0;
    int batch;
    do {
      batch = keys.purgeBefore(cutoff, batchSize);
      total += batch;
    } while (batch == batchSize);
    return total;
  }
}
