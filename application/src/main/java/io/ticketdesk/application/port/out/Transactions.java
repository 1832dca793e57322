package io.ticketdesk.application.port.out;

import java.util.function.Supplier;

/** Runs work atomically: every port call inside the work joins one transaction. */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  /** Runs the work directly; for the in-memory adapters and single-threaded embedding. */
  static Transactions direct() {
    return new Transactions() {
      @Override
      public synchronized <T> T inTransaction(Supplier<T> work) {
        return work.get();
      }
    };
  }
}
