package io.ticketdesk.application.port.out;

import java.util.function.Supplier;

/** Runs work atomically: every port call inside the work joins one transaction. */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);
}
