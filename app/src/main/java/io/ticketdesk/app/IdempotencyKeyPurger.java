package io.ticketdesk.app;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.PurgeIdempotencyKeysUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges the idempotency keys past their retention on a thread of its own: first after a short
 * delay, then {@code interval} after the previous purge ended. A failed purge (e.g. the database is
 * away) is logged and tried again at the next turn; {@link #close} stops the thread.
 */
final class IdempotencyKeyPurger implements AutoCloseable {
  /** How often a node purges; keys then live at most this much longer than the retention. */
  static final Duration INTERVAL = Duration.ofMinutes(15);

  /** How long after start the first purge runs (start-up work goes first). */
  static final Duration FIRST_DELAY = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyPurger.class);

  private final PurgeIdempotencyKeysUseCase purge;
  private final Duration interval;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "ticketdesk-idempotency-key-purge");
            thread.setDaemon(true);
            return thread;
          });

  IdempotencyKeyPurger(PurgeIdempotencyKeysUseCase purge, Duration interval) {
    this.purge = requireNonNull(purge, "purge is null");
    this.interval = requireNonNull(interval, "interval is null");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, got " + interval);
    }
  }

  /** Schedules the purge: after {@code firstDelay}, then every interval. */
  void start(Duration firstDelay) {
    LOG.info("purging expired idempotency keys every {}, first in {}", interval, firstDelay);
    executor.scheduleWithFixedDelay(
        this::purgeOnce, firstDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One purge; logs how many keys it removed and never throws (that would end the schedule). */
  int purgeOnce() {
    try {
      int removed = purge.purgeExpired();
      if (removed > 0) {
        LOG.info("purged {} idempotency key(s) past their retention", removed);
      } else {
        LOG.debug("purged no idempotency keys");
      }
      return removed;
    } catch (RuntimeException e) {
      LOG.warn("purging idempotency keys failed, trying again in {}: {}", interval, e.toString());
      return 0;
    }
  }

  /** Stops the purge thread, interrupting a purge in progress (its batch rolls back). */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("the idempotency key purge did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean isStopped() {
    return executor.isTerminated();
  }
}
