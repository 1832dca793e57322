package io.ticketdesk.application.port.in;

import java.util.function.Supplier;

/**
 * Use case: running the use cases of one request as one unit of work of the store, so that a
 * request that fails before its answer is complete commits nothing (the use cases' own transactions
 * join it).
 */
public interface UnitOfWork {
  /** Runs {@code work} in one unit of work and returns its result; a failure rolls it all back. */
  <T> T inOne(Supplier<T> work);

  /**
   * Runs the reads of one request on one connection of the store, without a transaction (a read
   * request's statements take one pooled connection instead of one each); writes inside stay atomic
   * as without it.
   */
  default <T> T reading(Supplier<T> work) {
    return work.get();
  }
}
