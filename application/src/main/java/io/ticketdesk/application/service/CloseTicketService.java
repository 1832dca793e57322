package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.CloseTicketUseCase;
import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.ClosingReason;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.SystemEvent;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Closing a ticket, by the seller or customer service, with a system note saying who did. */
public final class CloseTicketService implements CloseTicketUseCase {
  private final Tickets tickets;
  private final SystemMessages systemMessages;
  private final Clock clock;
  private final TicketChanges changes;

  CloseTicketService(Tickets tickets, Messages messages, Clock clock, TicketChanges changes) {
    this.tickets = requireNonNull(tickets, "tickets is null");
    this.systemMessages = new SystemMessages(messages);
    this.clock = requireNonNull(clock, "clock is null");
    this.changes = requireNonNull(changes, "changes is null");
  }

  @Override
  public Ticket close(
      Actor actor, TicketNumber number, ClosingReason reason, Long expectedVersion) {
    Access.require(actor, "close tickets", Role.SELLER, Role.CUSTOMER_SERVICE);
    Validation.required(number, "ticketNumber");
    return changes.change(
        actor,
        number,
        expectedVersion,
        ticket -> {
          Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
          Ticket next = ticket.close(actor.authorRole(), reason, at);
          tickets.update(next);
          systemMessages.write(ticket, SystemEvent.closed(next.closedFinally(), reason), at);
          return next;
        });
  }
}
