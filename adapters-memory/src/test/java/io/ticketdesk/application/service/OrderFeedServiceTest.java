package io.ticketdesk.application.service;

import static io.ticketdesk.application.service.World.ERIKA;
import static io.ticketdesk.application.service.World.MAX;
import static io.ticketdesk.application.service.World.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.ticketdesk.application.port.in.UpdateOrderUnitUseCase;
import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.UnitState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderFeedServiceTest {
  final World w = new World();
  final Seller rack = w.seller("Rack GmbH", Storefront.DE, Storefront.CZ);

  Order order(SellerId seller, String number, Storefront sf, long unitId) {
    return new Order(
        OrderNumber.of(number),
        sf,
        seller,
        new Buyer(ERIKA, "Erika", "erika@example.com"),
        Instant.parse("2026-03-01T10:00:00Z"),
        List.of(
            new OrderUnit(
                OrderUnitId.of(unitId),
                "Bike rack",
                "4006381333931",
                Money.of(2_999, sf.currency()),
                UnitState.OPEN,
                null)));
  }

  @Nested
  @DisplayName("Feeding a new order")
  class Feeding {
    @Test
    void storesItForItsSeller() {
      Order o = order(rack.id(), "MQ8BRT7", Storefront.CZ, 11);
      assertEquals(o, w.feed.feed(Actor.marketplace(), o));
      assertEquals(Optional.of(o), w.store.orders().find(rack.id(), OrderNumber.of("MQ8BRT7")));
      assertEquals(Optional.of(o), w.store.orders().findByUnit(OrderUnitId.of(11)));
    }

    @Test
    void forAnUnknownSellerIsAValidationError() {
      DomainException e =
          refused(
              ErrorCode.VALIDATION,
              () ->
                  w.feed.feed(Actor.marketplace(), order(SellerId.of(99), "A1", Storefront.DE, 1)));
      assertEquals(Map.of("field", "sellerId"), e.details());
      assertTrue(w.store.orders().find(OrderNumber.of("A1")).isEmpty());
    }

    @Test
    void onAStorefrontTheSellerDoesNotSellOnIsAValidationError() {
      DomainException e =
          refused(
              ErrorCode.VALIDATION,
              () -> w.feed.feed(Actor.marketplace(), order(rack.id(), "A1", Storefront.PL, 1)));
      assertEquals(Map.of("field", "storefront"), e.details());
      assertTrue(w.store.orders().find(OrderNumber.of("A1")).isEmpty());
    }

    @Test
    void withAKnownOrderNumberIsAConflict() {
      Seller other = w.seller("Other", Storefront.DE);
      Order first = w.feed.feed(Actor.marketplace(), order(rack.id(), "A1", Storefront.DE, 1));
      refused(
          ErrorCode.CONFLICT,
          () -> w.feed.feed(Actor.marketplace(), order(other.id(), "A1", Storefront.DE, 2)));
      assertEquals(Optional.of(first), w.store.orders().find(OrderNumber.of("A1")));
      assertTrue(w.store.orders().findByUnit(OrderUnitId.of(2)).isEmpty());
    }

    @Test
    void reusingAUnitIdOfAnotherOrderIsAConflict() {
      Order first = w.feed.feed(Actor.marketplace(), order(rack.id(), "A1", Storefront.DE, 1));
      DomainException e =
          refused(
              ErrorCode.CONFLICT,
              () -> w.feed.feed(Actor.marketplace(), order(rack.id(), "A2", Storefront.DE, 1)));
      assertTrue(e.getMessage().contains("order unit 1"), e.getMessage());
      assertTrue(w.store.orders().find(OrderNumber.of("A2")).isEmpty());
      assertEquals(Optional.of(first), w.store.orders().findByUnit(OrderUnitId.of(1)));
    }

    @Test
    void losingARaceOnAUniqueKeyIsAConflict() {
      Orders racing = mock(Orders.class);
      when(racing.find(any(OrderNumber.class))).thenReturn(Optional.empty());
      when(racing.findByUnit(any())).thenReturn(Optional.empty());
      doThrow(new DuplicateKeyException("order A1 exists")).when(racing).add(any());
      OrderFeedService feed = new OrderFeedService(racing, w.store.sellers(), w.tx);
      DomainException e =
          refused(
              ErrorCode.CONFLICT,
              () -> feed.feed(Actor.marketplace(), order(rack.id(), "A1", Storefront.DE, 1)));
      assertEquals("order A1 exists", e.getMessage());
    }

    @Test
    void byAnyoneButTheMarketplaceIsForbidden() {
      Order o = order(rack.id(), "A1", Storefront.DE, 1);
      refused(ErrorCode.FORBIDDEN, () -> w.feed.feed(Actor.seller(rack.id()), o));
      refused(ErrorCode.FORBIDDEN, () -> w.feed.feed(Actor.customerService(), o));
      refused(ErrorCode.FORBIDDEN, () -> w.feed.feed(Actor.buyer(MAX), o));
      assertTrue(w.store.orders().find(OrderNumber.of("A1")).isEmpty());
    }
  }

  @Nested
  @DisplayName("Updating an order unit")
  class Updating {
    static final Instant DELIVERED = Instant.parse("2026-03-03T12:00:00Z");

    @org.junit.jupiter.api.BeforeEach
    void feedOne() {
      w.feed.feed(Actor.marketplace(), order(rack.id(), "A1", Storefront.DE, 1));
    }

    Order update(Optional<UnitState> state, Optional<Instant> delivered, boolean clear) {
      return w.feed.update(
          Actor.marketplace(),
          new UpdateOrderUnitUseCase.Command(
              OrderNumber.of("A1"), OrderUnitId.of(1), state, delivered, clear));
    }

    OrderUnit stored() {
      return w.store
          .orders()
          .find(OrderNumber.of("A1"))
          .orElseThrow()
          .unit(OrderUnitId.of(1))
          .orElseThrow();
    }

    @Test
    void changesStateAndDeliveryTime() {
      Order o = update(Optional.of(UnitState.RECEIVED), Optional.of(DELIVERED), false);
      assertEquals(UnitState.RECEIVED, o.unit(OrderUnitId.of(1)).orElseThrow().state());
      assertEquals(DELIVERED, o.unit(OrderUnitId.of(1)).orElseThrow().deliveredAt());
      assertEquals(UnitState.RECEIVED, stored().state());
      assertEquals(DELIVERED, stored().deliveredAt());
    }

    @Test
    void leavesAnAbsentFieldAsItIs() {
      update(Optional.of(UnitState.RECEIVED), Optional.of(DELIVERED), false);
      update(Optional.of(UnitState.RETURNED), Optional.empty(), false);
      assertEquals(UnitState.RETURNED, stored().state());
      assertEquals(DELIVERED, stored().deliveredAt());
      update(Optional.empty(), Optional.of(DELIVERED.plusSeconds(60)), false);
      assertEquals(UnitState.RETURNED, stored().state());
      assertEquals(DELIVERED.plusSeconds(60), stored().deliveredAt());
    }

    @Test
    void clearsTheDeliveryTime() {
      update(Optional.empty(), Optional.of(DELIVERED), false);
      update(Optional.empty(), Optional.empty(), true);
      assertNull(stored().deliveredAt());
      assertEquals(UnitState.OPEN, stored().state());
    }

    @Test
    void aCancelledUnitStaysCancelled() {
      update(Optional.of(UnitState.CANCELLED), Optional.empty(), false);
      refused(
          ErrorCode.CONFLICT, () -> update(Optional.of(UnitState.SENT), Optional.empty(), false));
      assertEquals(UnitState.CANCELLED, stored().state());
      update(Optional.of(UnitState.CANCELLED), Optional.of(DELIVERED), false);
      assertEquals(DELIVERED, stored().deliveredAt());
    }

    @Test
    void ofAnUnknownOrderIsNotFound() {
      refused(
          ErrorCode.NOT_FOUND,
          () ->
              w.feed.update(
                  Actor.marketplace(),
                  new UpdateOrderUnitUseCase.Command(
                      OrderNumber.of("NOPE"),
                      OrderUnitId.of(1),
                      Optional.of(UnitState.SENT),
                      Optional.empty(),
                      false)));
    }

    @Test
    void ofAUnitOutsideTheOrderIsNotFound() {
      refused(
          ErrorCode.NOT_FOUND,
          () ->
              w.feed.update(
                  Actor.marketplace(),
                  new UpdateOrderUnitUseCase.Command(
                      OrderNumber.of("A1"),
                      OrderUnitId.of(2),
                      Optional.of(UnitState.SENT),
                      Optional.empty(),
                      false)));
    }

    @Test
    void byTheSellerIsForbidden() {
      refused(
          ErrorCode.FORBIDDEN,
          () ->
              w.feed.update(
                  Actor.seller(rack.id()),
                  new UpdateOrderUnitUseCase.Command(
                      OrderNumber.of("A1"),
                      OrderUnitId.of(1),
                      Optional.of(UnitState.CANCELLED),
                      Optional.empty(),
                      false)));
      assertEquals(UnitState.OPEN, stored().state());
    }

    @Test
    void needsSomethingToChangeAndNoContradiction() {
      refused(
          ErrorCode.VALIDATION,
          () ->
              new UpdateOrderUnitUseCase.Command(
                  OrderNumber.of("A1"),
                  OrderUnitId.of(1),
                  Optional.empty(),
                  Optional.empty(),
                  false));
      refused(
          ErrorCode.VALIDATION,
          () ->
              new UpdateOrderUnitUseCase.Command(
                  OrderNumber.of("A1"),
                  OrderUnitId.of(1),
                  Optional.empty(),
                  Optional.of(DELIVERED),
                  true));
    }
  }
}
