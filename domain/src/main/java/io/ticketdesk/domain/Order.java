package io.ticketdesk.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An order of one buyer at one seller on one storefront, with its units. */
public record Order(
    OrderNumber number,
    Storefront storefront,
    SellerId sellerId,
    Buyer buyer,
    Instant orderedAt,
    List<OrderUnit> units) {
  public static final int MAX_UNITS = 500;

  public Order {
    Validation.required(number, "orderNumber");
    Validation.required(storefront, "storefront");
    Validation.required(sellerId, "sellerId");
    Validation.required(buyer, "buyer");
    Validation.required(orderedAt, "orderedAt");
    Validation.required(units, "units");
    if (units.isEmpty()) {
      throw Validation.invalid("units must contain at least one order unit");
    }
    if (units.size() > MAX_UNITS) {
      throw Validation.invalid("an order has at most " + MAX_UNITS + " units");
    }
    Set<OrderUnitId> seen = new HashSet<>();
    for (OrderUnit unit : units) {
      Validation.required(unit, "units[]");
      if (!seen.add(unit.id())) {
        throw Validation.invalid("orderUnitId " + unit.id().value() + " appears twice");
      }
      if (!unit.price().currency().equals(storefront.currency())) {
        throw Validation.invalid(
            "unit "
                + unit.id().value()
                + " is priced in "
                + unit.price().currency()
                + " but storefront "
                + storefront.code()
                + " sells in "
                + storefront.currency());
      }
    }
    units = List.copyOf(units);
  }

  public Optional<OrderUnit> unit(OrderUnitId id) {
    return units.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  public Order withUnit(OrderUnit changed) {
    return new Order(
        number,
        storefront,
        sellerId,
        buyer,
        orderedAt,
        units.stream().map(u -> u.id().equals(changed.id()) ? changed : u).toList());
  }
}
