package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.application.testing.contract.Fixtures;
import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.Seller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Db#inTransaction} inside a transaction (a use case inside a write request's unit of work):
 * when the nested work fails, what it wrote is undone and nothing written before it, and the outer
 * transaction goes on (PostgreSQL refuses every statement after an error otherwise). Work in a
 * transaction that has not written yet gets that without a savepoint: the whole transaction is
 * rolled back.
 */
abstract class AbstractNestedWorkTest {
  protected abstract TestDatabase database();

  private StorePorts store;
  private Transactions tx;
  private Seller seller;

  @BeforeEach
  void setUp() {
    store = database().freshPorts();
    tx = store.transactions();
    seller = Fixtures.seller(store);
  }

  private Order order() {
    return Fixtures.order(seller.id(), 1, 1);
  }

  private boolean stored(Order order) {
    return store.orders().find(order.number()).isPresent();
  }

  /** A use case's transaction inside the current one that writes {@code order} and then fails. */
  private void failsAfterWriting(Order order) {
    assertThrows(
        IllegalStateException.class,
        () ->
            tx.inTransaction(
                () -> {
                  store.orders().add(order);
                  throw new IllegalStateException("the use case fails after its write");
                }));
  }

  /** A use case's transaction inside the current one whose second statement fails. */
  private void failsOnItsSecondWrite(Order first, Order again) {
    assertThrows(
        DuplicateKeyException.class,
        () ->
            tx.inTransaction(
                () -> {
                  store.orders().add(first);
                  store.orders().add(again);
                  return null;
                }));
  }

  @Test
  void aFailedFirstWorkOfATransactionWritesNothingAndTheTransactionGoesOn() {
    Order undone = order();
    Order after = order();

    tx.inTransaction(
        () -> {
          failsAfterWriting(undone);
          store.orders().add(after);
          return null;
        });

    assertTrue(!stored(undone), "the failed work's write was committed");
    assertTrue(stored(after), "the transaction's later write was lost");
  }

  @Test
  void aFailedWorkAfterReadsOnlyWritesNothingAndTheReadsHoldAfterIt() {
    Order read = order();
    store.orders().add(read);
    Order undone = order();

    boolean stillThere =
        tx.inTransaction(
            () -> {
              assertTrue(stored(read)); // e.g. the request's Idempotency-Key, read first
              failsAfterWriting(undone);
              return stored(read);
            });

    assertTrue(stillThere, "a read after the failed work missed a committed row");
    assertTrue(!stored(undone), "the failed work's write was committed");
  }

  @Test
  void aFirstWorkThatFailsOnAStatementLeavesItsTransactionUsable() {
    Order twice = order();
    Order after = order();

    tx.inTransaction(
        () -> {
          failsOnItsSecondWrite(twice, twice);
          store.orders().add(after);
          return null;
        });

    assertTrue(!stored(twice), "the failed work's first write was committed");
    assertTrue(stored(after), "the transaction's later write was lost");
  }

  @Test
  void aFailedWorkAfterEarlierWritesUndoesItsOwnWritesOnly() {
    Order before = order();
    Order undone = order();
    Order after = order();

    tx.inTransaction(
        () -> {
          store.orders().add(before);
          failsOnItsSecondWrite(undone, before);
          store.orders().add(after);
          return null;
        });

    assertTrue(stored(before), "the write before the failed work was undone");
    assertTrue(!stored(undone), "the failed work's write was committed");
    assertTrue(stored(after), "the transaction's later write was lost");
  }

  @Test
  void aFirstWorkThatFailedAndIsTriedAgainWritesOnce() {
    Order retried = order();
    int[] attempts = {0};

    tx.inTransaction(
        () -> {
          while (true) {
            try {
              return tx.inTransaction(
                  () -> {
                    store.orders().add(retried);
                    if (++attempts[0] == 1) {
                      throw new IllegalStateException("a lost race, tried again");
                    }
                    return null;
                  });
            } catch (IllegalStateException lost) {
              // the use case's retry, inside the same unit of work
            }
          }
        });

    assertTrue(stored(retried), "the retried write was lost");
  }
}
