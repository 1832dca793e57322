package io.ticketdesk.application.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Ticket;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.ticketdesk.application.port.out.Transactions}. */
public abstract class TransactionsContractTest {
  protected StorePorts store;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
  }

  @Test
  void commitsTheWorkAndReturnsItsResult() {
    Seller seller = store.transactions().inTransaction(() -> Fixtures.seller(store));
    Order order =
        store.transactions().inTransaction(() -> Fixtures.storedOrder(store, seller.id(), 1, 2));

    assertEquals(Optional.of(seller), store.sellers().find(seller.id()));
    assertEquals(Optional.of(order), store.orders().find(order.number()));
  }

  @Test
  void rollsBackEverythingOnException() {
    Seller seller = Fixtures.seller(store);
    Order order = Fixtures.order(seller.id(), 1, 2);
    IllegalStateException boom = new IllegalStateException("boom");

    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                store
                    .transactions()
                    .inTransaction(
                        () -> {
                          store.orders().add(order);
                          assertTrue(store.orders().find(order.number()).isPresent());
                          throw boom;
                        }));

    assertSame(boom, thrown);
    assertTrue(store.orders().find(order.number()).isEmpty());
    assertTrue(store.orders().findByUnit(order.units().get(1).id()).isEmpty());
  }

  @Test
  void nestedWorkJoinsTheOuterTransaction() {
    Seller seller = Fixtures.seller(store);
    Order order = Fixtures.order(seller.id(), 1, 1);

    assertThrows(
        IllegalStateException.class,
        () ->
            store
                .transactions()
                .inTransaction(
                    () -> {
                      store
                          .transactions()
                          .inTransaction(
                              () -> {
                                store.orders().add(order);
                                return null;
                              });
                      throw new IllegalStateException("outer fails after inner succeeded");
                    }));

    assertTrue(store.orders().find(order.number()).isEmpty());
  }

  @Test
  void lostOptimisticUpdateRollsBackTheOtherWrites() {
    Seller seller = Fixtures.seller(store);
    Order order = Fixtures.storedOrder(store, seller.id(), 1, 1);
    Ticket ticket = Fixtures.ticket(store.tickets().nextNumber(), order).build();
    store.tickets().add(ticket);
    Order other = Fixtures.order(seller.id(), 1, 1);

    assertThrows(
        ConcurrentUpdateException.class,
        () ->
            store
                .transactions()
                .inTransaction(
                    () -> {
                      store.orders().add(other);
                      store
                          .tickets()
                          .update(Fixtures.ticket(ticket.number(), order).version(5).build());
                      return null;
                    }));

    assertTrue(store.orders().find(other.number()).isEmpty());
    assertEquals(Optional.of(ticket), store.tickets().find(ticket.number()));
  }

  @Test
  void aReadingScopeReturnsItsWorksResultAndReadsWhatWasCommitted() {
    Seller seller = Fixtures.seller(store);
    Order order = Fixtures.storedOrder(store, seller.id(), 1, 2);

    Optional<Order> read = store.transactions().reading(() -> store.orders().find(order.number()));

    assertEquals(Optional.of(order), read);
  }

  @Test
  void aTransactionInsideAReadingScopeRollsBackAloneAndTheScopeReadsOn() {
    Seller seller = Fixtures.seller(store);
    Order kept = Fixtures.order(seller.id(), 1, 1);
    Order undone = Fixtures.order(seller.id(), 1, 1);

    Optional<Order> readAfterTheFailure =
        store
            .transactions()
            .reading(
                () -> {
                  store
                      .transactions()
                      .inTransaction(
                          () -> {
                            store.orders().add(kept);
                            return null;
                          });
                  assertThrows(
                      IllegalStateException.class,
                      () ->
                          store
                              .transactions()
                              .inTransaction(
                                  () -> {
                                    store.orders().add(undone);
                                    throw new IllegalStateException("boom");
                                  }));
                  return store.orders().find(kept.number());
                });

    assertEquals(Optional.of(kept), readAfterTheFailure);
    assertEquals(Optional.of(kept), store.orders().find(kept.number()));
    assertTrue(store.orders().find(undone.number()).isEmpty());
  }

  @Test
  void aReadingScopeIsNoTransactionWhatItsWorkCommittedStaysWhenTheWorkFailsLater() {
    Seller seller = Fixtures.seller(store);
    Order order = Fixtures.order(seller.id(), 1, 1);
    IllegalStateException boom = new IllegalStateException("boom after the write");

    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                store
                    .transactions()
                    .reading(
                        () -> {
                          store.orders().add(order);
                          throw boom;
                        }));

    assertSame(boom, thrown);
    assertEquals(Optional.of(order), store.orders().find(order.number()));
  }
}
