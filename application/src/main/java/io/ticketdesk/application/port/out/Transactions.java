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
}
