package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;

/**
 * Use case: the seller or customer service marks a ticket as a return request later ({@code PATCH
 * /tickets/{n}} with {@code reason: product_return}); the seller's next message to the buyer then
 * owes a valid return option, due 48 working hours after the mark.
 */
public interface MarkReturnRequestUseCase {
  /** {@code intent} as the buyer stated it (null: not stated, which counts as a refund). */
  record Command(TicketNumber ticketNumber, ReturnIntent intent, Long expectedVersion) {}

  Ticket markReturnRequest(Actor actor, Command command);
}
