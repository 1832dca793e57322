package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;

/** Use case: the seller or customer service closes a ticket once the query is resolved. */
public interface CloseTicketUseCase {
  Ticket close(Actor actor, TicketNumber number, Long expectedVersion);
}
