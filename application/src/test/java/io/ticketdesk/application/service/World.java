package io.ticketdesk.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.in.RegisterSellerUseCase;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.application.testing.InMemoryStore;
import io.ticketdesk.application.testing.MutableClock;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.PublicHolidays;
import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.UnitState;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.function.Executable;

/** Services wired to the in-memory store and a clock that stands still. */
final class World {
  /** Monday 2 March 2026, 10:00 in Berlin. */
  static final Instant MONDAY_10_BERLIN = Instant.parse("2026-03-02T09:00:00Z");

  static final ReturnAddress ADDRESS =
      new ReturnAddress("Rack GmbH", "Hauptstr. 1", "10115", "Berlin", "DE");
  static final BuyerId ERIKA = BuyerId.of(42);
  static final BuyerId MAX = BuyerId.of(43);

  final InMemoryStore store = new InMemoryStore();
  final MutableClock clock = new MutableClock(MONDAY_10_BERLIN);
  final Transactions tx = store.transactions();
  final ResponseDeadline deadline = new ResponseDeadline(PublicHolidays.none());
  final SellerService sellerService = new SellerService(store.sellers(), tx, clock);
  final OrderFeedService feed = new OrderFeedService(store.orders(), store.sellers(), tx);
  final TicketService tickets;

  World() {
    this(null);
  }

  World(Tickets ticketsPort) {
    tickets =
        new TicketService(
            ticketsPort == null ? store.tickets() : ticketsPort,
            store.messages(),
            store.orders(),
            tx,
            clock,
            deadline);
  }

  Seller seller(String name, Storefront... storefronts) {
    return sellerService.register(
        Actor.marketplace(), new RegisterSellerUseCase.Command(name, Set.of(storefronts), ADDRESS));
  }

  Order order(Seller seller, BuyerId buyer, String number, Storefront sf, long... unitIds) {
    List<OrderUnit> units =
        Arrays.stream(unitIds)
            .mapToObj(
                id ->
                    new OrderUnit(
                        OrderUnitId.of(id),
                        "Bike rack " + id,
                        "4006381333931",
                        Money.of(2_999, sf.currency()),
                        UnitState.SENT,
                        null))
            .toList();
    return feed.feed(
        Actor.marketplace(),
        new Order(
            OrderNumber.of(number),
            sf,
            seller.id(),
            new Buyer(buyer, "Buyer " + buyer.value(), "b" + buyer.value() + "@example.com"),
            MONDAY_10_BERLIN.minusSeconds(86_400 * 5),
            units));
  }

  static OpenTicketUseCase.Command opening(long unitId, String text) {
    return opening(TicketReason.PRODUCT_DEFECT, text, unitId);
  }

  static OpenTicketUseCase.Command opening(TicketReason reason, String text, long... unitIds) {
    return new OpenTicketUseCase.Command(
        Arrays.stream(unitIds).mapToObj(OrderUnitId::of).toList(),
        null,
        reason,
        null,
        null,
        MessageText.of(text));
  }

  Ticket open(Actor actor, long unitId) {
    return tickets.open(actor, opening(unitId, "Hello")).ticket();
  }

  PostMessageUseCase.Posted post(Actor actor, TicketNumber number, String text, boolean internal) {
    return tickets.post(
        actor, new PostMessageUseCase.Command(number, MessageText.of(text), internal, null));
  }

  static DomainException refused(ErrorCode code, Executable action) {
    DomainException e = assertThrows(DomainException.class, action);
    assertEquals(code, e.code(), () -> "unexpected code, message: " + e.getMessage());
    return e;
  }
}
