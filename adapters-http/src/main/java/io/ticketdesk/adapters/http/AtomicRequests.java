package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Handler;
import io.ticketdesk.application.port.in.UnitOfWork;

/**
 * Runs a write request as one unit of work of the store: its use cases (whose own transactions join
 * it) and the making of its answer. Whatever fails before the answer is complete, a 5xx included,
 * rolls back everything the request wrote, its {@code Idempotency-Key} too; the answer is sent only
 * after the commit. Before, a ticket opening or close could commit and then answer 500 when the
 * answer's return-policy state failed, and a retry under its key replayed the 500.
 */
final class AtomicRequests {
  private final UnitOfWork transactions;

  AtomicRequests(UnitOfWork transactions) {
    this.transactions = requireNonNull(transactions, "transactions is null");
  }

  Handler of(Handler handler) {
    return around(handler, transactions::inOne);
  }

  /**
   * A read request: its reads on one connection of the store instead of one each (no transaction
   * around them: {@link UnitOfWork#reading}).
   */
  Handler reading(Handler handler) {
    return around(handler, transactions::reading);
  }

  private interface Scope {
    <T> T run(java.util.function.Supplier<T> work);
  }

  private static Handler around(Handler handler, Scope scope) {
    requireNonNull(handler, "handler is null");
    return ctx -> {
      try {
        scope.run(
            () -> {
              try {
                handler.handle(ctx);
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new Checked(e);
              }
              return null;
            });
      } catch (Checked e) {
        throw e.checked;
      }
    };
  }

  /** Carries a checked exception of the handler through the unit of work. */
  private static final class Checked extends RuntimeException {
    final Exception checked;

    Checked(Exception checked) {
      super(checked);
      this.checked = checked;
    }
  }
}
