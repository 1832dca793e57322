package io.ticketdesk.adapters.http;

import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderUnit;
import java.time.Instant;
import java.util.List;

/** An order with its units as JSON. */
record OrderJson(
    String orderNumber,
    String storefront,
    long sellerId,
    Instant orderedAt,
    BuyerJson buyer,
    List<UnitJson> units) {

  static OrderJson of(Order o) {
    return new OrderJson(
        o.number().value(),
        o.storefront().wire(),
        o.sellerId().value(),
        o.orderedAt(),
        BuyerJson.of(o.buyer()),
        o.units().stream().map(UnitJson::of).toList());
  }

  /** The buyer of an order. */
  record BuyerJson(Long buyerId, String name, String email) {
    static BuyerJson of(Buyer b) {
      return new BuyerJson(b.id().value(), b.name(), b.email());
    }
  }

  /** One order unit. */
  record UnitJson(
      long orderUnitId,
      String title,
      String ean,
      MoneyJson price,
      String state,
      Instant deliveredAt) {
    static UnitJson of(OrderUnit u) {
      return new UnitJson(
          u.id().value(),
          u.title(),
          u.ean(),
          MoneyJson.of(u.price()),
          u.state().wire(),
          u.deliveredAt());
    }
  }

  /** Money in integer minor units. */
  record MoneyJson(Long amount, String currency) {
    static MoneyJson of(Money m) {
      return new MoneyJson(m.amount(), m.currency());
    }
  }

  /** The body of {@code POST /orders}. */
  record Feed(
      String orderNumber,
      String storefront,
      Long sellerId,
      String orderedAt,
      BuyerJson buyer,
      List<UnitFeed> units) {}

  /** One unit in the order feed. */
  record UnitFeed(
      Long orderUnitId,
      String title,
      String ean,
      MoneyJson price,
      String state,
      String deliveredAt) {}
}
