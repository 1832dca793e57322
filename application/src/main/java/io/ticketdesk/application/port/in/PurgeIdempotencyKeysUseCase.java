package io.ticketdesk.application.port.in;

import java.util.OptionalInt;

/** Use case: forget the idempotency keys past their retention (a periodic task of every node). */
public interface PurgeIdempotencyKeysUseCase {
  /** Forgets the keys older than the retention, in bounded batches; returns how many. */
  int purgeExpired();

  /**
   * Purges when no node of the cluster has purged within the purge interval (one node per interval
   * does it); empty when it was not this node's turn.
   */
  OptionalInt purgeIfDue();
}
