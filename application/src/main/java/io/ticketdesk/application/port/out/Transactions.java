package io.ticketdesk.application.port.out;

import java.util.function.Supplier;

/** Runs work atomically: every port call inside the work joins one transaction. */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  /**
   * Whether the calling thread's work is inside a transaction now (then a further {@link
   * #inTransaction} joins it). A store that cannot tell answers {@code false}.
   */
  default boolean inProgress() {
    return false;
  }

  /**
   * Runs {@code work}, whose port calls read (and may write), on one connection of the store
   * without a transaction around it: a request's reads take one connection instead of one each.
   * Writes inside stay atomic as without it. A store without connections runs the work as it is.
   */
  default <T> T reading(Supplier<T> work) {
    return work.get();
  }
}
