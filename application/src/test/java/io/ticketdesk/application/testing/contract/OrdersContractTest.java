package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.UnitState;
import io.ticketdesk.domain.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.ticketdesk.application.port.out.Orders}. */
public abstract class OrdersContractTest {
  protected StorePorts store;
  private SellerId seller;
  private SellerId otherSeller;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    seller = Fixtures.seller(store).id();
    otherSeller = Fixtures.seller(store).id();
  }

  @Test
  void addedOrderIsFoundByNumberSellerAndUnit() {
    Order order = Fixtures.order(seller, 17, 5);
    store.orders().add(order);

    assertEquals(Optional.of(order), store.orders().find(order.number()));
    assertEquals(Optional.of(order), store.orders().find(seller, order.number()));
    for (OrderUnit unit : order.units()) {
      assertEquals(Optional.of(order), store.orders().findByUnit(unit.id()));
    }
  }

  @Test
  void aPageOfOrdersComesBackInOneCallWithTheirUnitsAndOnlyTheSellers() {
    Order one = Fixtures.order(seller, 1, 3);
    Order two = Fixtures.order(seller, 2, 1);
    Order foreign = Fixtures.order(otherSeller, 3, 2);
    store.orders().add(one);
    store.orders().add(two);
    store.orders().add(foreign);

    Map<OrderNumber, Order> found =
        store
            .orders()
            .findAll(
                seller,
                List.of(
                    two.number(),
                    one.number(),
                    foreign.number(),
                    OrderNumber.of("NOSUCHORDER"),
                    one.number()));

    assertEquals(Map.of(one.number(), one, two.number(), two), found);
    assertEquals(Map.of(), store.orders().findAll(seller, List.of()));
    assertEquals(
        Map.of(foreign.number(), foreign),
        store.orders().findAll(otherSeller, List.of(foreign.number(), one.number())));
  }

  @Test
  void buyerNamesOfAPageComeBackInOneCallAndOnlyTheSellers() {
    Order one = Fixtures.order(seller, 1, 3);
    Order foreign = Fixtures.order(otherSeller, 3, 2);
    store.orders().add(one);
    store.orders().add(foreign);

    assertEquals(
        Map.of(one.number(), one.buyer().name()),
        store
            .orders()
            .buyerNames(
                seller,
                List.of(
                    one.number(), foreign.number(), OrderNumber.of("NOSUCHORDER"), one.number())));
    assertEquals(Map.of(), store.orders().buyerNames(seller, List.of()));
  }

  @Test
  void everyFieldRoundTrips() {
    Order order =
        new Order(
            OrderNumber.of("MQ8BRT7"),
            Storefront.CZ,
            seller,
            new Buyer(BuyerId.of(Validation.MAX_EXACT_INTEGER), "Jiří Novák", "jiri@example.cz"),
            at(0),
            List.of(
                new OrderUnit(
                    OrderUnitId.of(Validation.MAX_EXACT_INTEGER),
                    "Žluťoučký kůň",
                    "12345678",
                    Money.of(0, "CZK"),
                    UnitState.OPEN,
                    null),
                new OrderUnit(
                    OrderUnitId.of(1),
                    "T".repeat(500),
                    "12345678901234",
                    Money.of(Validation.MAX_EXACT_INTEGER, "CZK"),
                    UnitState.RETURNED,
                    at(1))));
    store.orders().add(order);

    assertEquals(Optional.of(order), store.orders().find(OrderNumber.of("MQ8BRT7")));
  }

  @Test
  void otherSellersAndUnknownNumbersFindNothing() {
    Order order = Fixtures.storedOrder(store, seller, 1, 1);

    assertTrue(store.orders().find(otherSeller, order.number()).isEmpty());
    assertTrue(store.orders().find(OrderNumber.of("UNKNOWN1")).isEmpty());
    assertTrue(store.orders().find(seller, OrderNumber.of("UNKNOWN1")).isEmpty());
    assertTrue(store.orders().findByUnit(OrderUnitId.of(999_999_999_999L)).isEmpty());
  }

  @Test
  void duplicateOrderNumberIsRefusedForAnySeller() {
    Order order = Fixtures.storedOrder(store, seller, 1, 1);
    Order again = withNumber(Fixtures.order(seller, 1, 1), order.number(), seller);
    Order elsewhere = withNumber(Fixtures.order(otherSeller, 2, 1), order.number(), otherSeller);

    assertThrows(DuplicateKeyException.class, () -> store.orders().add(again));
    assertThrows(DuplicateKeyException.class, () -> store.orders().add(elsewhere));
    assertEquals(Optional.of(order), store.orders().find(order.number()));
    assertTrue(store.orders().findByUnit(again.units().get(0).id()).isEmpty());
  }

  @Test
  void duplicateUnitIdIsRefusedAndNothingOfTheOrderIsStored() {
    Order order = Fixtures.storedOrder(store, seller, 1, 2);
    OrderUnit taken = order.units().get(1);
    Order clash =
        new Order(
            Fixtures.newOrderNumber(),
            Storefront.DE,
            otherSeller,
            order.buyer(),
            order.orderedAt(),
            List.of(Fixtures.order(otherSeller, 1, 1).units().get(0), taken));

    assertThrows(DuplicateKeyException.class, () -> store.orders().add(clash));
    assertTrue(store.orders().find(clash.number()).isEmpty());
    assertTrue(store.orders().findByUnit(clash.units().get(0).id()).isEmpty());
    assertEquals(Optional.of(order), store.orders().findByUnit(taken.id()));
  }

  @Test
  void updateUnitChangesThatUnitOnly() {
    Order order = Fixtures.storedOrder(store, seller, 1, 3);
    OrderUnit unit = order.units().get(0);
    OrderUnit delivered = unit.withState(UnitState.RECEIVED, at(5));

    store.orders().updateUnit(seller, order.number(), delivered);
    assertEquals(Optional.of(order.withUnit(delivered)), store.orders().find(order.number()));

    OrderUnit cleared = delivered.withState(UnitState.RETURNED, null);
    store.orders().updateUnit(seller, order.number(), cleared);
    assertEquals(Optional.of(order.withUnit(cleared)), store.orders().find(order.number()));
  }

  private static Order withNumber(Order o, OrderNumber number, SellerId seller) {
    return new Order(number, o.storefront(), seller, o.buyer(), o.orderedAt(), o.units());
  }
}
