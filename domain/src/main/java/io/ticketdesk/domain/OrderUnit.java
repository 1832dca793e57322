package io.ticketdesk.domain;

import java.time.Instant;
import java.util.regex.Pattern;

/** One unit (item) of an order: product, price, state and delivery. */
public record OrderUnit(
    OrderUnitId id, String title, String ean, Money price, UnitState state, Instant deliveredAt) {
  private static final Pattern EAN = Pattern.compile("^\\d{8,14}$");

  public OrderUnit {
    Validation.required(id, "orderUnitId");
    Validation.requiredText(title, "title", 500);
    Validation.required(ean, "ean");
    if (!EAN.matcher(ean).matches()) {
      throw Validation.invalid(
          "ean must be 8 to 14 digits, got '" + OrderNumber.abbreviate(ean) + "'");
    }
    Validation.required(price, "price");
    if (price.amount() < 0) {
      throw Validation.invalid("price.amount must not be negative");
    }
    Validation.required(state, "state");
  }

  public OrderUnit withState(UnitState newState, Instant newDeliveredAt) {
    return new OrderUnit(id, title, ean, price, newState, newDeliveredAt);
  }
}
