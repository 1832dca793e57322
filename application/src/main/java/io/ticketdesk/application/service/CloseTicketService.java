package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.CloseTicketUseCase;
import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.ClosingReason;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Closing a ticket, by the seller or customer service, with a system note saying who did. */
public final class CloseTicketService implements CloseTicketUseCase {
  private final Tickets tickets;
  private final Messages messages;
  private final Clock clock;
  private final TicketChanges changes;

  CloseTicketService(Tickets tickets, Messages messages, Clock clock, TicketChanges changes) {
    this.tickets = requireNonNull(tickets, "tickets is null");
    this.messages = requireNonNull(messages, "messages is null");
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
          String who = actor.is(Role.SELLER) ? "the seller" : "customer service";
          messages.add(
              ticket.sellerId(),
              ticket.number(),
              AuthorRole.SYSTEM,
              MessageText.of(
                  "Ticket closed by "
                      + who
                      + (next.closedFinally() ? " (final: a buyer reply will not reopen it)." : ".")
                      + (reason == null ? "" : " Reason: " + reason.value())),
              false,
              at);
          return next;
        });
  }
}
