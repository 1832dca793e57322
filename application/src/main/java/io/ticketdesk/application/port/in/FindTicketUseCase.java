package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;

/** Use case: read one ticket; a ticket outside the actor's scope is "not found". */
public interface FindTicketUseCase {
  Ticket find(Actor actor, TicketNumber number);
}
