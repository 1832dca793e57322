package io.ticketdesk.application.port.in;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.UnitLedger;
import java.util.List;

/** Use case: the seller or customer service reads a ticket's order with refunds so far. */
public interface ShowOrderDetailsUseCase {
  OrderDetails orderDetails(Actor actor, TicketNumber ticket);

  /** The ticket, its order, and each unit of the order with its ledger. */
  record OrderDetails(Ticket ticket, Order order, List<UnitLedger> units) {
    public OrderDetails {
      requireNonNull(ticket, "ticket is null");
      requireNonNull(order, "order is null");
      units = List.copyOf(requireNonNull(units, "units is null"));
    }

    /** Whether the unit is one the ticket is about (and so one its actions may touch). */
    public boolean inTicket(OrderUnitId unit) {
      return ticket.orderUnitIds().contains(unit);
    }
  }
}
