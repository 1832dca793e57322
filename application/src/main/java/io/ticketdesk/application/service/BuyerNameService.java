package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.BuyerNamesUseCase;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The buyers' names of a page of tickets: one read of buyer names per seller on the page. */
public final class BuyerNameService implements BuyerNamesUseCase {
  private final Orders orders;

  BuyerNameService(Orders orders) {
    this.orders = requireNonNull(orders, "orders is null");
  }

  @Override
  public Map<TicketNumber, String> buyerNames(Actor actor, List<Ticket> tickets) {
    requireNonNull(tickets, "tickets is null");
    if (actor == null
        || !(actor.is(Role.SELLER) || actor.is(Role.CUSTOMER_SERVICE))
        || tickets.isEmpty()) {
      return Map.of();
    }
    // One statement per seller on the page (its orders' buyer names), not an order read per ticket:
    // an inbox page
    // of 50 tickets took 50 order reads, the lookup one more round trip than its ticket.
    Map<SellerId, Set<OrderNumber>> bySeller = new LinkedHashMap<>();
    for (Ticket t : tickets) {
      if (actor.is(Role.SELLER) && !actor.sellerId().orElseThrow().equals(t.sellerId())) {
        continue; // not the seller's ticket: never the seller's business
      }
      bySeller.computeIfAbsent(t.sellerId(), s -> new LinkedHashSet<>()).add(t.orderNumber());
    }
    Map<SellerId, Map<OrderNumber, String>> found = new HashMap<>();
    bySeller.forEach((seller, numbers) -> found.put(seller, orders.buyerNames(seller, numbers)));
    Map<TicketNumber, String> names = new HashMap<>();
    for (Ticket t : tickets) {
      String name = found.getOrDefault(t.sellerId(), Map.of()).get(t.orderNumber());
      if (name != null) {
        names.put(t.number(), name);
      }
    }
    return names;
  }
}
