package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.PurgeIdempotencyKeysUseCase;
import io.ticketdesk.application.port.out.IdempotencyKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets idempotency keys once they are older than the retention: a retry within the retention is
 * answered from its key, a later one is a new request. Each batch is a transaction of its own, so a
 * purge never holds many rows locked; several nodes may purge at the same time.
 */
public final class IdempotencyKeyPurgeService implements PurgeIdempotencyKeysUseCase {
  /** How long keys are kept at least, unless configured otherwise. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  /** How many keys one batch deletes at most. */
  public static final int DEFAULT_BATCH_SIZE = 1_000;

  private final IdempotencyKeys keys;
  private final Clock clock;
  private final Duration retention;
  private final int batchSize;

  public IdempotencyKeyPurgeService(
      IdempotencyKeys keys, Clock clock, Duration retention, int batchSize) {
    this.keys = requireNonNull(keys, "keys is null");
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
