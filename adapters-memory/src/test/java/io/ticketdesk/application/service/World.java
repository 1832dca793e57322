package io.ticketdesk.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.adapters.memory.InMemoryStore;
import io.ticketdesk.application.port.in.CloseTicketUseCase;
import io.ticketdesk.application.port.in.FeedOrderUseCase;
import io.ticketdesk.application.port.in.FindTicketUseCase;
import io.ticketdesk.application.port.in.ListMessagesUseCase;
import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.in.RegisterSellerUseCase;
import io.ticketdesk.application.port.in.SearchTicketsUseCase;
import io.ticketdesk.application.port.in.UpdateOrderUnitUseCase;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.application.port.out.Store;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.application.testing.MutableClock;
import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.ClosingReason;
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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.function.Executable;

/**
 * The core as production builds it ({@link TicketdeskCore}), on the in-memory store, no carriers
 * (unless given), no default text modules, no holidays and a clock that stands still.
 */
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

  /** The tickets port the core uses: the store's, or a wrapper of it. */
  final Tickets ticketsPort;

  final TicketdeskCore core;

  /** The ports the core is built on (e.g. for a second instance on the same store). */
  final Store ports;

  final RegisterSellerUseCase sellerService;
  final OrderFeed feed;
  final TicketUseCases tickets;

  World() {
    this(UnaryOperator.identity());
  }

  /** With the store's tickets port wrapped (e.g. to simulate lost races). */
  World(UnaryOperator<Tickets> ticketsPort) {
    this(ticketsPort, Carriers.none());
  }

  /** With these carriers loaded. */
  World(Carriers carriers) {
    this(UnaryOperator.identity(), carriers);
  }

  private World(UnaryOperator<Tickets> ticketsPort, Carriers carriers) {
    this.ticketsPort = ticketsPort.apply(store.tickets());
    this.ports =
        new StorePorts(
            store.sellers(),
            store.accessTokens(),
            store.orders(),
            this.ticketsPort,
            store.messages(),
            tx,
            store.systemState(),
            store.responseTimes(),
            store.textModules(),
            store.ledger(),
            store.idempotencyKeys(),
            store.returnLabels(),
            store.returnPolicyOutcomes(),
            store.exchangeRates(),
            store.outbox(),
            store.leases(),
            store.sessions(),
            store.webhookEndpoints(),
            store.webhookDeliveries());
    core =
        new TicketdeskCore(
            ports,
            carriers,
            DefaultTextModuleSource.none(),
            PublicHolidays.none(),
            clock,
            CoreSettings.defaults());
    sellerService = core.registerSeller();
    feed = new OrderFeed(core.feedOrder(), core.updateOrderUnit());
    tickets =
        new TicketUseCases(
            core.openTicket(),
            core.findTicket(),
            core.searchTickets(),
            core.listMessages(),
            core.postMessage(),
            core.closeTicket());
  }

  /** Feeding orders and updating their units, as the marketplace does. */
  record OrderFeed(FeedOrderUseCase feeds, UpdateOrderUnitUseCase updates)
      implements FeedOrderUseCase, UpdateOrderUnitUseCase {
    @Override
    public Order feed(Actor actor, Order order) {
      return feeds.feed(actor, order);
    }

    @Override
    public Order update(Actor actor, UpdateOrderUnitUseCase.Command command) {
      return updates.update(actor, command);
    }
  }

  /** The ticket use cases of the core under one name, as the tests drive them. */
  record TicketUseCases(
      OpenTicketUseCase opening,
      FindTicketUseCase finding,
      SearchTicketsUseCase searching,
      ListMessagesUseCase listing,
      PostMessageUseCase posting,
      CloseTicketUseCase closing)
      implements OpenTicketUseCase,
          FindTicketUseCase,
          SearchTicketsUseCase,
          ListMessagesUseCase,
          PostMessageUseCase,
          CloseTicketUseCase {
    @Override
    public Opened open(Actor actor, OpenTicketUseCase.Command command) {
      return opening.open(actor, command);
    }

    @Override
    public Ticket find(Actor actor, TicketNumber number) {
      return finding.find(actor, number);
    }

    @Override
    public TicketPage search(Actor actor, Query query) {
      return searching.search(actor, query);
    }

    @Override
    public java.util.Map<io.ticketdesk.domain.TicketStatus, Long> countByStatus(
        Actor actor, Query query) {
      return searching.countByStatus(actor, query);
    }

    @Override
    public MessagePage list(
        Actor actor,
        TicketNumber number,
        Integer limit,
        String cursor,
        io.ticketdesk.domain.Language requested) {
      return listing.list(actor, number, limit, cursor, requested);
    }

    @Override
    public Posted post(Actor actor, PostMessageUseCase.Command command) {
      return posting.post(actor, command);
    }

    @Override
    public Ticket close(
        Actor actor, TicketNumber number, ClosingReason reason, Long expectedVersion) {
      return closing.close(actor, number, reason, expectedVersion);
    }
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
