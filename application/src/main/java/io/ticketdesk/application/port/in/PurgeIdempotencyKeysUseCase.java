package io.ticketdesk.application.port.in;

/** Use case: forget the idempotency keys past their retention (a periodic task of every node). */
public interface PurgeIdempotencyKeysUseCase {
  /** Forgets the keys older than the retention, in bounded batches; returns how many. */
  int purgeExpired();
}
