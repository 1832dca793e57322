package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;

/** Use case: customer service hands an escalated ticket back to the seller (a new deadline). */
public interface HandBackTicketUseCase {
  Ticket handBack(Actor actor, TicketNumber number, Long expectedVersion);
}
