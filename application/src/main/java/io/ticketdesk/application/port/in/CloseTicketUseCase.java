package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.ClosingReason;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;

/**
 * Use case: the seller or customer service closes a ticket once the query is resolved; {@code
 * reason} (optional) is required when customer service closes a ticket the seller never answered.
 */
public interface CloseTicketUseCase {
  Ticket close(Actor actor, TicketNumber number, ClosingReason reason, Long expectedVersion);
}
