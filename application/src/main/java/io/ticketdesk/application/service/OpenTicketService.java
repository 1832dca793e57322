package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Opening a ticket about order units, with its first message; at most once per idempotency key. */
public final class OpenTicketService implements OpenTicketUseCase {
  private final Tickets tickets;
  private final Messages messages;
  private final Orders orders;
  private final Transactions tx;
  private final Clock clock;
  private final ResponseDeadline deadline;
  private final TicketChanges changes;
  private final Idempotency idempotency;

  OpenTicketService(
      Tickets tickets,
      Messages messages,
      Orders orders,
      Transactions tx,
      Clock clock,
      ResponseDeadline deadline,
      TicketChanges changes,
      Idempotency idempotency) {
    this.tickets = requireNonNull(tickets, "tickets is null");
    this.messages = requireNonNull(messages, "messages is null");
    this.orders = requireNonNull(orders, "orders is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.deadline = requireNonNull(deadline, "deadline is null");
    this.changes = requireNonNull(changes, "changes is null");
    this.idempotency = requireNonNull(idempotency, "idempotency is null");
  }

  @Override
  public Opened open(Actor actor, OpenTicketUseCase.Command command) {
    Access.require(actor, "open tickets", Role.BUYER, Role.SELLER);
    OrderUnitId first = command.orderUnitIds().get(0);
    Idempotency.Request<Opened> request =
        idempotency.request(
            actor,
            command.idempotencyKey(),
            fingerprint(command),
            opened -> opened.ticket().number().value(),
            (seller, number) -> {
              Ticket ticket =
                  tickets
                      .find(seller, TicketNumber.of(number))
                      .orElseThrow(
                          () -> new IllegalStateException("ticket " + number + " is missing"));
              Message message = messages.list(seller, ticket.number(), true, 0, 1).get(0);
              return new Opened(ticket, message, true);
            });
    return changes.create(
        "order unit " + first.value(),
        () ->
            tx.inTransaction(
                () -> {
                  Order order =
                      orders
                          .findByUnit(first)
                          .filter(o -> actor.canSee(o.sellerId(), o.buyer().id()))
                          .orElseThrow(() -> Access.notFound("order unit " + first.value()));
                  if (command.orderNumber() != null
                      && !command.orderNumber().equals(order.number())) {
                    throw new DomainException(
                        ErrorCode.VALIDATION,
                        "order unit "
                            + first.value()
                            + " is not part of order "
                            + command.orderNumber().value(),
                        Map.of("field", "orderNumber"));
                  }
                  return request.once(order.sellerId(), () -> open(actor, command, order));
                }));
  }

  /** Stores the new ticket and its first message (in the caller's transaction). */
  private Opened open(Actor actor, OpenTicketUseCase.Command command, Order order) {
    Ticket.Opening opening =
        new Ticket.Opening(
            order,
            command.orderUnitIds(),
            command.reason(),
            command.topic(),
            command.returnIntent());
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    TicketNumber number = tickets.nextNumber();
    Ticket ticket =
        actor.is(Role.BUYER)
            ? Ticket.openedByBuyer(number, opening, at, deadline)
            : Ticket.openedBySeller(number, opening, at);
    tickets.add(ticket);
    Message message =
        messages.add(ticket.sellerId(), number, actor.authorRole(), command.message(), false, at);
    return new Opened(ticket, message);
  }

  /** What a request to open a ticket asks for. */
  private static Fingerprint fingerprint(OpenTicketUseCase.Command c) {
    Fingerprint f = Fingerprint.of("ticket").add(c.orderUnitIds().size());
    c.orderUnitIds().forEach(id -> f.add(id.value()));
    return f.add(c.orderNumber() == null ? null : c.orderNumber().value())
        .add(c.reason())
        .add(c.topic())
        .add(c.returnIntent())
        .text(c.message().value());
  }
}
