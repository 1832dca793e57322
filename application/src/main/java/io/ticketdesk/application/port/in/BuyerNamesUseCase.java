package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import java.util.List;
import java.util.Map;

/**
 * Use case: the buyers of tickets by name, as the order feed gave them, for the roles that see an
 * order's buyer (the seller and customer service, as in the order details).
 */
public interface BuyerNamesUseCase {
  /**
   * The buyer's name per ticket, for tickets the actor has already read; empty for roles that do
   * not see order details (the marketplace, a buyer) and for a ticket whose order is gone.
   */
  Map<TicketNumber, String> buyerNames(Actor actor, List<Ticket> tickets);
}
