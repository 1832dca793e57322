package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.CostBearer;
import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.UnitState;
import io.ticketdesk.domain.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.ticketdesk.application.port.out.Ledger}. */
public abstract class LedgerContractTest {
  protected StorePorts store;
  private SellerId seller;
  private Order order;
  private OrderUnit unit;
  private OrderUnit otherUnit;
  private Ticket ticket;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    seller = Fixtures.seller(store).id();
    order = Fixtures.storedOrder(store, seller, 1, 2);
    unit = order.units().get(0); // 1999 EUR, sent
    otherUnit = order.units().get(1); // 2000 EUR, received
    ticket =
        Fixtures.ticket(store.tickets().nextNumber(), order)
            .units(List.of(unit.id(), otherUnit.id()))
            .build();
    store.tickets().add(ticket);
  }

  private LedgerEntry.Draft draft(OrderUnit u, LedgerEntry.Kind kind, long amount, long minute) {
    return new LedgerEntry.Draft(
        seller,
        order.number(),
        u.id(),
        kind,
        Money.of(amount, "EUR"),
        kind == LedgerEntry.Kind.REFUND ? CostBearer.SELLER : CostBearer.MARKETPLACE,
        kind == LedgerEntry.Kind.REFUND ? "delivery_damage" : "buyer_cancelled",
        ticket.number(),
        kind == LedgerEntry.Kind.REFUND ? AuthorRole.SELLER : AuthorRole.CUSTOMER_SERVICE,
        at(minute));
  }

  private LedgerEntry.Draft refund(OrderUnit u, long amount) {
    return draft(u, LedgerEntry.Kind.REFUND, amount, 1);
  }

  @Test
  void appendedRefundsRoundTripInOrder() {
    LedgerEntry first = store.ledger().appendRefund(refund(unit, 500)).orElseThrow();
    LedgerEntry second = store.ledger().appendRefund(refund(otherUnit, 2000)).orElseThrow();

    assertNotEquals(first.id(), second.id());
    assertEquals(refund(unit, 500).withId(first.id()), first);
    assertEquals(List.of(first, second), store.ledger().entries(seller, order.number()));
    assertEquals(Optional.of(second), store.ledger().find(seller, second.id()));
  }

  @Test
  void theEntriesOfSeveralOrdersComeInOneReadEachOrdersOldestFirst() {
    Order second = Fixtures.storedOrder(store, seller, 2, 1);
    Order untouched = Fixtures.storedOrder(store, seller, 3, 1);
    LedgerEntry a = store.ledger().appendRefund(refund(unit, 100)).orElseThrow();
    LedgerEntry b =
        store
            .ledger()
            .appendRefund(
                new LedgerEntry.Draft(
                    seller,
                    second.number(),
                    second.units().get(0).id(),
                    LedgerEntry.Kind.REFUND,
                    Money.of(50, "EUR"),
                    CostBearer.SELLER,
                    "delivery_damage",
                    ticket.number(),
                    AuthorRole.SELLER,
                    at(2)))
            .orElseThrow();
    LedgerEntry c = store.ledger().appendRefund(refund(otherUnit, 200)).orElseThrow();

    Map<OrderNumber, List<LedgerEntry>> all =
        store
            .ledger()
            .entriesOf(
                seller,
                List.of(order.number(), second.number(), untouched.number(), order.number()));
    assertEquals(Map.of(order.number(), List.of(a, c), second.number(), List.of(b)), all);
    for (OrderNumber n : List.of(order.number(), second.number())) {
      assertEquals(store.ledger().entries(seller, n), all.get(n));
    }
    SellerId other = Fixtures.seller(store).id();
    assertEquals(Map.of(), store.ledger().entriesOf(other, List.of(order.number())));
    assertEquals(Map.of(), store.ledger().entriesOf(seller, List.of()));
  }

  @Test
  void refundsUpToThePriceAreAcceptedAndOneCentMoreIsNot() {
    assertTrue(store.ledger().appendRefund(refund(unit, 1000)).isPresent());
    assertTrue(store.ledger().appendRefund(refund(unit, 999)).isPresent());

    assertEquals(Optional.empty(), store.ledger().appendRefund(refund(unit, 1)));
    assertEquals(2, store.ledger().entries(seller, order.number()).size());
  }

  @Test
  void aRefundLargerThanThePriceWritesNothing() {
    assertEquals(Optional.empty(), store.ledger().appendRefund(refund(unit, 2000)));
    assertEquals(
        Optional.empty(), store.ledger().appendRefund(refund(unit, Validation.MAX_EXACT_INTEGER)));
    assertEquals(List.of(), store.ledger().entries(seller, order.number()));
  }

  @Test
  void anotherSellersLedgerIsEmptyAndItsEntriesAreNotFound() {
    LedgerEntry entry = store.ledger().appendRefund(refund(unit, 500)).orElseThrow();
    SellerId other = Fixtures.seller(store).id();

    assertEquals(List.of(), store.ledger().entries(other, order.number()));
    assertEquals(Optional.empty(), store.ledger().find(other, entry.id()));
  }

  @Test
  void aRefundNamedForAnotherSellerFindsNoUnitAndWritesNothing() {
    SellerId other = Fixtures.seller(store).id();
    LedgerEntry.Draft mine = refund(unit, 500);
    LedgerEntry.Draft foreign =
        new LedgerEntry.Draft(
            other,
            mine.orderNumber(),
            mine.orderUnitId(),
            mine.kind(),
            mine.amount(),
            mine.bearer(),
            mine.reason(),
            mine.ticketNumber(),
            mine.authorRole(),
            mine.createdAt());

    assertEquals(Optional.empty(), store.ledger().appendRefund(foreign));
    assertEquals(List.of(), store.ledger().entries(seller, order.number()));
  }

  @Test
  void cancellationMarksTheUnitCancelledAndRefundsTheRemainder() {
    store.ledger().appendRefund(refund(unit, 499)).orElseThrow();

    LedgerEntry cancelled =
        store
            .ledger()
            .appendCancellation(
                draft(unit, LedgerEntry.Kind.CANCELLATION, 1500, 2), Money.of(499, "EUR"))
            .orElseThrow();

    assertEquals(LedgerEntry.Kind.CANCELLATION, cancelled.kind());
    assertEquals(CostBearer.MARKETPLACE, cancelled.bearer());
    assertEquals(
        UnitState.CANCELLED,
        store.orders().find(order.number()).orElseThrow().unit(unit.id()).orElseThrow().state());
    assertEquals(
        UnitState.RECEIVED,
        store
            .orders()
            .find(order.number())
            .orElseThrow()
            .unit(otherUnit.id())
            .orElseThrow()
            .state());
    assertEquals(Optional.empty(), store.ledger().appendRefund(refund(unit, 1)));
  }

  @Test
  void aCancellationWithNothingLeftRecordsZero() {
    store.ledger().appendRefund(refund(unit, 1999)).orElseThrow();

    LedgerEntry cancelled =
        store
            .ledger()
            .appendCancellation(
                draft(unit, LedgerEntry.Kind.CANCELLATION, 0, 2), Money.of(1999, "EUR"))
            .orElseThrow();

    assertEquals(Money.of(0, "EUR"), cancelled.amount());
  }

  @Test
  void aSecondCancellationIsRefusedAndWritesNothing() {
    store
        .ledger()
        .appendCancellation(draft(unit, LedgerEntry.Kind.CANCELLATION, 1999, 2), Money.of(0, "EUR"))
        .orElseThrow();

    assertEquals(
        Optional.empty(),
        store
            .ledger()
            .appendCancellation(
                draft(unit, LedgerEntry.Kind.CANCELLATION, 0, 3), Money.of(1999, "EUR")));
    assertEquals(1, store.ledger().entries(seller, order.number()).size());
  }

  @Test
  void aCancellationBasedOnAStaleTotalIsRefusedAndChangesNothing() {
    store.ledger().appendRefund(refund(unit, 100)).orElseThrow();

    assertEquals(
        Optional.empty(),
        store
            .ledger()
            .appendCancellation(
                draft(unit, LedgerEntry.Kind.CANCELLATION, 1999, 2), Money.of(0, "EUR")));
    assertEquals(
        Optional.empty(),
        store
            .ledger()
            .appendCancellation(
                draft(unit, LedgerEntry.Kind.CANCELLATION, 1000, 2), Money.of(100, "EUR")));
    assertEquals(
        UnitState.SENT,
        store.orders().find(order.number()).orElseThrow().unit(unit.id()).orElseThrow().state());
    assertEquals(1, store.ledger().entries(seller, order.number()).size());
  }

  @Test
  void aRolledBackRefundLeavesTheRoomItTook() {
    try {
      store
          .transactions()
          .inTransaction(
              () -> {
                store.ledger().appendRefund(refund(unit, 1999)).orElseThrow();
                throw new IllegalStateException("boom");
              });
    } catch (IllegalStateException expected) {
      // rolled back
    }

    assertEquals(List.of(), store.ledger().entries(seller, order.number()));
    assertTrue(store.ledger().appendRefund(refund(unit, 1999)).isPresent());
  }
}
