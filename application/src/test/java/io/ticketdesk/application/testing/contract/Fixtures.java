package io.ticketdesk.application.testing.contract;

import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.TicketTopic;
import io.ticketdesk.domain.UnitState;
import io.ticketdesk.domain.WaitingOn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Builds sellers, orders and tickets for the contract tests. */
public final class Fixtures {
  /** A Monday morning, with microseconds as the services store them. */
  public static final Instant T0 = Instant.parse("2026-02-02T09:00:00.123456Z");

  private static final AtomicLong UNIT_IDS = new AtomicLong(1_000_000);
  private static final AtomicLong ORDER_NUMBERS = new AtomicLong(1);

  private Fixtures() {}

  public static Instant at(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  public static ReturnAddress address() {
    return new ReturnAddress("Returns Dept", "Hafenstraße 1", "20457", "Hamburg", "DE");
  }

  public static Seller seller(StorePorts s) {
    return s.sellers()
        .register("Seller GmbH", EnumSet.of(Storefront.DE, Storefront.AT), address(), T0);
  }

  public static OrderNumber newOrderNumber() {
    return OrderNumber.of("ORD" + ORDER_NUMBERS.incrementAndGet());
  }

  public static OrderUnitId newUnitId() {
    return OrderUnitId.of(UNIT_IDS.incrementAndGet());
  }

  /** An order on the {@code de} storefront with the given number of units (not yet stored). */
  public static Order order(SellerId seller, long buyer, int units) {
    return order(seller, buyer, units, Storefront.DE);
  }

  /** An order on a euro storefront with the given number of units (not yet stored). */
  public static Order order(SellerId seller, long buyer, int units, Storefront storefront) {
    List<OrderUnit> list = new ArrayList<>();
    for (int i = 0; i < units; i++) {
      list.add(
          new OrderUnit(
              newUnitId(),
              "Product " + i,
              "4006381333931",
              Money.of(1999 + i, "EUR"),
              i % 2 == 0 ? UnitState.SENT : UnitState.RECEIVED,
              i % 2 == 0 ? null : at(-60 * 24 + i)));
    }
    return new Order(
        newOrderNumber(),
        storefront,
        seller,
        new Buyer(BuyerId.of(buyer), "Erika Mustermann", "erika@example.com"),
        at(-60 * 24 * 3),
        list);
  }

  /** Stores and returns an order. */
  public static Order storedOrder(StorePorts s, SellerId seller, long buyer, int units) {
    Order o = order(seller, buyer, units);
    s.orders().add(o);
    return o;
  }

  public static TicketBuilder ticket(TicketNumber number, Order order) {
    return new TicketBuilder(number, order);
  }

  /** A mutable builder of tickets in any state (bypassing the domain's transitions). */
  public static final class TicketBuilder {
    private final TicketNumber number;
    private final Order order;
    private List<OrderUnitId> units;
    private TicketReason reason = TicketReason.PRODUCT_DEFECT;
    private TicketTopic topic;
    private ReturnIntent returnIntent;
    private TicketStatus status = TicketStatus.OPEN;
    private WaitingOn waitingOn;
    private boolean closedFinally;
    private Instant createdAt = T0;
    private Instant updatedAt = T0;
    private Instant openSince = T0;
    private Instant responseDueAt = T0.plus(Duration.ofHours(48));
    private Instant firstResponseAt;
    private Instant firstResponseDueAt;
    private Duration firstResponseWorkingTime;
    private Instant returnOptionDueAt;
    private long version = 1;

    private TicketBuilder(TicketNumber number, Order order) {
      this.number = number;
      this.order = order;
      this.units = List.of(order.units().get(0).id());
    }

    public TicketBuilder units(List<OrderUnitId> value) {
      units = value;
      return this;
    }

    public TicketBuilder reason(TicketReason value) {
      reason = value;
      return this;
    }

    public TicketBuilder topic(TicketTopic value) {
      topic = value;
      return this;
    }

    public TicketBuilder returnIntent(ReturnIntent value) {
      returnIntent = value;
      return this;
    }

    /** Open since {@code createdAt} with the given deadline. */
    public TicketBuilder open(Instant dueAt) {
      status = TicketStatus.OPEN;
      waitingOn = null;
      openSince = createdAt;
      responseDueAt = dueAt;
      return this;
    }

    public TicketBuilder waiting(WaitingOn on) {
      status = TicketStatus.WAITING;
      waitingOn = on;
      openSince = null;
      responseDueAt = null;
      return this;
    }

    public TicketBuilder closed(boolean finallyClosed) {
      status = TicketStatus.CLOSED;
      waitingOn = null;
      closedFinally = finallyClosed;
      openSince = null;
      responseDueAt = null;
      return this;
    }

    /** Sets created and updated time (and the open-since time of an open ticket). */
    public TicketBuilder created(Instant value) {
      createdAt = value;
      updatedAt = value;
      if (status == TicketStatus.OPEN) {
        openSince = value;
      }
      return this;
    }

    public TicketBuilder updated(Instant value) {
      updatedAt = value;
      return this;
    }

    /** A first response at {@code value}, on time, after one working hour. */
    public TicketBuilder returnOptionDue(Instant value) {
      returnOptionDueAt = value;
      return this;
    }

    public TicketBuilder firstResponse(Instant value) {
      return firstResponse(value, value, Duration.ofHours(1));
    }

    public TicketBuilder firstResponse(Instant value, Instant dueAt, Duration workingTime) {
      firstResponseAt = value;
      firstResponseDueAt = dueAt;
      firstResponseWorkingTime = workingTime;
      return this;
    }

    public TicketBuilder version(long value) {
      version = value;
      return this;
    }

    public Ticket build() {
      return new Ticket(
          number,
          order.sellerId(),
          order.buyer().id(),
          order.storefront(),
          order.number(),
          units,
          reason,
          topic,
          returnIntent,
          status,
          waitingOn,
          closedFinally,
          createdAt,
          updatedAt,
          openSince,
          responseDueAt,
          firstResponseAt,
          firstResponseDueAt,
          firstResponseWorkingTime,
          returnOptionDueAt,
          version);
    }
  }
}
