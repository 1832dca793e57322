package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.BuyerNamesUseCase;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The buyers' names of a page of tickets: one order read per distinct order. */
public final class BuyerNameService implements BuyerNamesUseCase {
  private final Orders orders;
  private final Transactions tx;

  BuyerNameService(Orders orders, Transactions tx) {
    this.orders = requireNonNull(orders, "orders is null");
    this.tx = requireNonNull(tx, "tx is null");
  }

  @Override
  public Map<TicketNumber, String> buyerNames(Actor actor, List<Ticket> tickets) {
    requireNonNull(tickets, "tickets is null");
    if (actor == null
        || !(actor.is(Role.SELLER) || actor.is(Role.CUSTOMER_SERVICE))
        || tickets.isEmpty()) {
      return Map.of();
    }
    return tx.inTransaction(
        () -> {
          Map<OrderNumber, Optional<Order>> byOrder = new HashMap<>();
          Map<TicketNumber, String> names = new HashMap<>();
          for (Ticket t : tickets) {
            if (actor.is(Role.SELLER) && !actor.sellerId().orElseThrow().equals(t.sellerId())) {
              continue; // not the seller's ticket: never the seller's business
            }
            byOrder
                .computeIfAbsent(t.orderNumber(), n -> orders.find(t.sellerId(), n))
                .ifPresent(o -> names.put(t.number(), o.buyer().name()));
          }
          return names;
        });
  }
}
