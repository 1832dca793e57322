package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.CancelOrderUnitUseCase;
import io.ticketdesk.application.port.in.EscalateTicketUseCase;
import io.ticketdesk.application.port.in.HandBackTicketUseCase;
import io.ticketdesk.application.port.in.IdempotencyKey;
import io.ticketdesk.application.port.in.MarkReturnRequestUseCase;
import io.ticketdesk.application.port.in.RefundUseCase;
import io.ticketdesk.application.port.in.ShowOrderDetailsUseCase;
import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.application.port.out.Ledger;
import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.CostBearer;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.ReturnOptionPolicy;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.SystemEvent;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.UnitLedger;
import io.ticketdesk.domain.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Actions on the order from inside a ticket — order details, partial refund, cancellation — and
 * handing a ticket to customer service and back; each action writes a system message.
 */
public final class TicketActionService
    implements ShowOrderDetailsUseCase,
        RefundUseCase,
        CancelOrderUnitUseCase,
        EscalateTicketUseCase,
        HandBackTicketUseCase,
        MarkReturnRequestUseCase {
  private static final int MAX_ATTEMPTS = 64;

  private final Tickets tickets;
  private final TicketChanges changes;
  private final Messages messages;
  private final SystemMessages systemMessages;
  private final Orders orders;
  private final Ledger ledger;
  private final Idempotency idempotency;
  private final Transactions tx;
  private final Clock clock;
  private final ResponseDeadline deadline;

  public TicketActionService(
      Tickets tickets,
      Messages messages,
      Orders orders,
      Ledger ledger,
      IdempotencyKeys keys,
      Transactions tx,
      Clock clock,
      ResponseDeadline deadline) {
    this.tickets = requireNonNull(tickets, "tickets is null");
    this.changes = new TicketChanges(tickets, tx, MAX_ATTEMPTS, true);
    this.messages = requireNonNull(messages, "messages is null");
    this.systemMessages = new SystemMessages(messages);
    this.orders = requireNonNull(orders, "orders is null");
    this.ledger = requireNonNull(ledger, "ledger is null");
    this.idempotency = new Idempotency(requireNonNull(keys, "keys is null"), clock);
    this.tx = requireNonNull(tx, "tx is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.deadline = requireNonNull(deadline, "deadline is null");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public OrderDetails orderDetails(Actor actor, TicketNumber number) {
    Access.require(actor, "read order details", Role.SELLER, Role.CUSTOMER_SERVICE);
    Validation.required(number, "ticketNumber");
    return tx.inTransaction(
        () -> {
          Ticket ticket = changes.load(actor, number);
          Order order = order(ticket);
          List<LedgerEntry> entries = ledger.entries(ticket.sellerId(), order.number());
          List<UnitLedger> units =
              order.units().stream()
                  .map(
                      u ->
                          new UnitLedger(
                              u,
                              entries.stream()
                                  .filter(e -> e.orderUnitId().equals(u.id()))
                                  .toList()))
                  .toList();
          return new OrderDetails(ticket, order, units);
        });
  }

  @Override
  public LedgerResult refund(Actor actor, RefundUseCase.Command c) {
    Access.require(actor, "refund order units", Role.SELLER, Role.CUSTOMER_SERVICE);
    requireNonNull(c, "command is null");
    CostBearer bearer = bearer(actor, c.bearer());
    Fingerprint fingerprint =
        Fingerprint.of("refund")
            .add(actor.role().wire())
            .add(c.ticketNumber().value())
            .add(c.orderUnitId().value())
            .add(c.amount().amount())
            .add(c.amount().currency())
            .add(c.reason())
            .add(bearer);
    return moneyAction(
        actor,
        c.ticketNumber(),
        c.expectedVersion(),
        c.idempotencyKey(),
        fingerprint,
        (ticket, at) -> {
          Ticket next = ticket.recordAction(actor.authorRole(), at);
          Books books = books(ticket);
          UnitLedger unit = books.unit(ticket, c.orderUnitId());
          unit.checkRefund(c.amount());
          LedgerEntry entry =
              ledger
                  .appendRefund(
                      draft(
                          ticket,
                          unit.unit(),
                          LedgerEntry.Kind.REFUND,
                          c.amount(),
                          bearer,
                          c.reason().wire(),
                          actor,
                          at))
                  .orElseThrow(() -> unit.exceeds(c.amount()));
          tickets.update(next);
          systemMessages.write(
              ticket,
              SystemEvent.partialRefund(
                  c.amount(),
                  unit.unit(),
                  actor.authorRole(),
                  c.reason(),
                  bearer,
                  unit.refunded().plus(c.amount()),
                  books.refundedInFullWith(ticket, entry)),
              at);
          return entry;
        });
  }

  @Override
  public LedgerResult cancel(Actor actor, CancelOrderUnitUseCase.Command c) {
    Access.require(actor, "cancel order units", Role.SELLER, Role.CUSTOMER_SERVICE);
    requireNonNull(c, "command is null");
    CostBearer bearer = bearer(actor, c.bearer());
    Fingerprint fingerprint =
        Fingerprint.of("cancellation")
            .add(actor.role().wire())
            .add(c.ticketNumber().value())
            .add(c.orderUnitId().value())
            .add(c.reason())
            .add(bearer);
    return moneyAction(
        actor,
        c.ticketNumber(),
        c.expectedVersion(),
        c.idempotencyKey(),
        fingerprint,
        (ticket, at) -> {
          Ticket next = ticket.recordAction(actor.authorRole(), at);
          UnitLedger unit = books(ticket).unit(ticket, c.orderUnitId());
          Money rest = unit.checkCancellation(actor.authorRole());
          LedgerEntry entry =
              ledger
                  .appendCancellation(
                      draft(
                          ticket,
                          unit.unit(),
                          LedgerEntry.Kind.CANCELLATION,
                          rest,
                          bearer,
                          c.reason().wire(),
                          actor,
                          at),
                      unit.refunded())
                  .orElseThrow(
                      () ->
                          new ConcurrentUpdateException(
                              "order unit " + c.orderUnitId().value() + " changed meanwhile"));
          tickets.update(next);
          systemMessages.write(
              ticket,
              SystemEvent.orderUnitCancelled(
                  unit.unit(), actor.authorRole(), c.reason(), rest, bearer),
              at);
          return entry;
        });
  }

  @Override
  public Ticket escalate(Actor actor, EscalateTicketUseCase.Command c) {
    Access.require(actor, "notify customer service", Role.SELLER);
    requireNonNull(c, "command is null");
    return changes.change(
        actor,
        c.ticketNumber(),
        c.expectedVersion(),
        ticket -> {
          Instant at = now();
          Ticket next = ticket.escalate(at);
          tickets.update(next);
          systemMessages.write(ticket, SystemEvent.customerServiceNotified(c.reason()), at);
          if (c.note() != null) {
            messages.add(ticket.sellerId(), ticket.number(), AuthorRole.SELLER, c.note(), true, at);
          }
          return next;
        });
  }

  @Override
  public Ticket handBack(Actor actor, TicketNumber number, Long expectedVersion) {
    Access.require(actor, "hand tickets back to the seller", Role.CUSTOMER_SERVICE);
    return changes.change(
        actor,
        number,
        expectedVersion,
        ticket -> {
          Instant at = now();
          Ticket next = ticket.handBack(at, deadline);
          tickets.update(next);
          systemMessages.write(ticket, SystemEvent.handedBack(next.responseDueAt()), at);
          return next;
        });
  }

  @Override
  public Ticket markReturnRequest(Actor actor, MarkReturnRequestUseCase.Command c) {
    Access.require(actor, "mark return requests", Role.SELLER, Role.CUSTOMER_SERVICE);
    requireNonNull(c, "command is null");
    return changes.change(
        actor,
        c.ticketNumber(),
        c.expectedVersion(),
        ticket -> {
          Instant at = now();
          Ticket next = ticket.markReturnRequest(actor.authorRole(), c.intent(), at, deadline);
          tickets.update(next);
          systemMessages.write(
              ticket,
              SystemEvent.returnRequestMarked(
                  actor.authorRole(), c.intent(), next.returnOptionDueAt()),
              at);
          return next;
        });
  }

  /**
   * Runs a money-moving action once per idempotency key (see {@link Idempotency}); the key
   * remembers the ledger entry, which a replay answers again.
   */
  private LedgerResult moneyAction(
      Actor actor,
      TicketNumber number,
      Long expectedVersion,
      IdempotencyKey key,
      Fingerprint fingerprint,
      BiFunction<Ticket, Instant, LedgerEntry> action) {
    return changes.change(
        actor,
        number,
        expectedVersion,
        idempotency.request(
            actor,
            key,
            fingerprint,
            (LedgerResult done) -> Long.toString(done.entry().id()),
            (seller, entryId) ->
                new LedgerResult(
                    ledger
                        .find(seller, Long.parseLong(entryId))
                        .orElseThrow(
                            () ->
                                new IllegalStateException(
                                    "ledger entry " + entryId + " is missing")),
                    true)),
        ticket -> new LedgerResult(action.apply(ticket, now()), false));
  }

  private Order order(Ticket ticket) {
    return orders
        .find(ticket.sellerId(), ticket.orderNumber())
        .orElseThrow(() -> Access.notFound("order " + ticket.orderNumber().value()));
  }

  /** The ticket's order and the order's ledger: read once per money action. */
  private Books books(Ticket ticket) {
    Order order = order(ticket);
    return new Books(order, ledger.entries(ticket.sellerId(), order.number()));
  }

  private record Books(Order order, List<LedgerEntry> entries) {
    /** One of the ticket's order units with its ledger entries. */
    UnitLedger unit(Ticket ticket, OrderUnitId unitId) {
      DomainException notFound =
          new DomainException(
              ErrorCode.NOT_FOUND,
              "order unit " + unitId.value() + " is not part of ticket " + ticket.number().value(),
              Map.of("field", "orderUnitId"));
      if (!ticket.orderUnitIds().contains(unitId)) {
        throw notFound;
      }
      OrderUnit unit = order.unit(unitId).orElseThrow(() -> notFound);
      return new UnitLedger(
          unit, entries.stream().filter(e -> e.orderUnitId().equals(unitId)).toList());
    }

    /**
     * Whether every unit of the ticket is refunded in full once {@code added} is booked too: a
     * refund without return, which also satisfies the return-option policy before the first
     * response. (The ledger as read before the entry, and the entry: no second read of either.)
     */
    boolean refundedInFullWith(Ticket ticket, LedgerEntry added) {
      List<OrderUnit> units =
          ticket.orderUnitIds().stream().flatMap(id -> order.unit(id).stream()).toList();
      List<LedgerEntry> after = new java.util.ArrayList<>(entries);
      after.add(added);
      return ReturnOptionPolicy.refundedInFull(units, after);
    }
  }

  /**
   * Who bears the cost: the seller for the seller's own actions; the marketplace for customer
   * service's, unless customer service names the seller.
   */
  private static CostBearer bearer(Actor actor, CostBearer requested) {
    if (actor.is(Role.SELLER)) {
      if (requested == CostBearer.MARKETPLACE) {
        throw new DomainException(
            ErrorCode.FORBIDDEN,
            "a seller's refunds and cancellations are borne by the seller; only customer service"
                + " can charge the marketplace",
            Map.of("field", "bearer"));
      }
      return CostBearer.SELLER;
    }
    return requested == null ? CostBearer.MARKETPLACE : requested;
  }

  private static LedgerEntry.Draft draft(
      Ticket ticket,
      OrderUnit unit,
      LedgerEntry.Kind kind,
      Money amount,
      CostBearer bearer,
      String reason,
      Actor actor,
      Instant at) {
    return new LedgerEntry.Draft(
        ticket.sellerId(),
        ticket.orderNumber(),
        unit.id(),
        kind,
        amount,
        bearer,
        reason,
        ticket.number(),
        actor.authorRole(),
        at);
  }
}
