package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.SellerId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The orders fed by the marketplace, with their units. */
public interface Orders {
  /**
   * Adds a new order.
   *
   * @throws DuplicateKeyException when the order number or one of the unit ids is taken
   */
  void add(Order order);

  /** Marketplace-wide lookup (fans out across sellers). */
  Optional<Order> find(OrderNumber number);

  /** A seller's order (runs on the seller's shard). */
  Optional<Order> find(SellerId seller, OrderNumber number);

  /**
   * A seller's orders by number, for a page of tickets: one round trip whatever the page size.
   * Numbers the seller has no order for are absent from the map.
   */
  Map<OrderNumber, Order> findAll(SellerId seller, Collection<OrderNumber> numbers);

  /**
   * The buyers' names of a seller's orders by number, for a page of tickets: one statement, no
   * units. Numbers the seller has no order for are absent.
   */
  Map<OrderNumber, String> buyerNames(SellerId seller, Collection<OrderNumber> numbers);

  /** The order that holds the given unit. */
  Optional<Order> findByUnit(OrderUnitId unit);

  /** Stores a changed unit of an existing order. */
  void updateUnit(SellerId seller, OrderNumber number, OrderUnit unit);
}
