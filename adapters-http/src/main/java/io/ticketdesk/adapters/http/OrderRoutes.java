package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.ticketdesk.application.port.in.FeedOrderUseCase;
import io.ticketdesk.application.port.in.UpdateOrderUnitUseCase;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.UnitState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The marketplace's order feed: {@code POST /orders} and unit updates. */
final class OrderRoutes {
  private final FeedOrderUseCase feedOrder;
  private final UpdateOrderUnitUseCase updateOrderUnit;

  OrderRoutes(FeedOrderUseCase feedOrder, UpdateOrderUnitUseCase updateOrderUnit) {
    this.feedOrder = requireNonNull(feedOrder, "feedOrder is null");
    this.updateOrderUnit = requireNonNull(updateOrderUnit, "updateOrderUnit is null");
  }

  void feed(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    OrderJson.Feed body = Requests.body(ctx, OrderJson.Feed.class);
    OrderNumber number =
        Requests.parse(
            Requests.required(body.orderNumber(), "orderNumber"), "orderNumber", OrderNumber::of);
    Storefront storefront =
        Requests.parse(
            Requests.required(body.storefront(), "storefront"), "storefront", Storefront::of);
    Long sellerId = Requests.required(body.sellerId(), "sellerId");
    SellerId seller = Requests.build("sellerId", () -> SellerId.of(sellerId));
    Instant orderedAt =
        Requests.instant(Requests.required(body.orderedAt(), "orderedAt"), "orderedAt");
    OrderJson.BuyerJson b = Requests.required(body.buyer(), "buyer");
    Long buyerId = Requests.required(b.buyerId(), "buyer.buyerId");
    Requests.required(b.name(), "buyer.name");
    Requests.required(b.email(), "buyer.email");
    BuyerId buyerKey = Requests.build("buyer.buyerId", () -> BuyerId.of(buyerId));
    Buyer buyer = Requests.build("buyer", () -> new Buyer(buyerKey, b.name(), b.email()));
    List<OrderJson.UnitFeed> feeds = Requests.requiredList(body.units(), "units");
    List<OrderUnit> units = new ArrayList<>();
    for (int i = 0; i < feeds.size(); i++) {
      units.add(unit(feeds.get(i), "units[" + i + "]."));
    }
    Order order =
        Requests.build(
            "units", () -> new Order(number, storefront, seller, buyer, orderedAt, units));
    Responses.json(ctx, 201, OrderJson.of(feedOrder.feed(actor, order)));
  }

  private static OrderUnit unit(OrderJson.UnitFeed u, String prefix) {
    Long id = Requests.required(u.orderUnitId(), prefix + "orderUnitId");
    OrderUnitId unitId = Requests.build(prefix + "orderUnitId", () -> OrderUnitId.of(id));
    String title = Requests.required(u.title(), prefix + "title");
    String ean = Requests.required(u.ean(), prefix + "ean");
    OrderJson.MoneyJson price = Requests.required(u.price(), prefix + "price");
    Long amount = Requests.required(price.amount(), prefix + "price.amount");
    String currency = Requests.required(price.currency(), prefix + "price.currency");
    Money money = Requests.money(prefix + "price", amount, currency);
    UnitState state =
        Requests.parse(
            Requests.required(u.state(), prefix + "state"), prefix + "state", UnitState::of);
    Instant deliveredAt = Requests.instant(u.deliveredAt(), prefix + "deliveredAt");
    return Requests.build(
        prefix.substring(0, prefix.length() - 1),
        () -> new OrderUnit(unitId, title, ean, money, state, deliveredAt));
  }

  void updateUnit(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    OrderNumber number =
        Requests.parse(ctx.pathParam("orderNumber"), "orderNumber", OrderNumber::of);
    String rawUnit = ctx.pathParam("orderUnitId");
    if (!rawUnit.matches("\\d{1,18}")) {
      throw Requests.invalid(
          "orderUnitId",
          "orderUnitId must be a positive number, got '" + Requests.abbreviate(rawUnit) + "'");
    }
    OrderUnitId unitId =
        Requests.build("orderUnitId", () -> OrderUnitId.of(Long.parseLong(rawUnit)));
    JsonNode body = Requests.bodyTree(ctx);
    Requests.rejectUnknownFields(body, Set.of("state", "deliveredAt"));
    Optional<UnitState> state = Optional.empty();
    if (body.has("state")) {
      JsonNode s = body.get("state");
      if (!s.isTextual()) {
        throw Requests.invalid("state", "state has the wrong JSON type; expected a string");
      }
      state = Optional.of(Requests.parse(s.asText(), "state", UnitState::of));
    }
    Optional<Instant> deliveredAt = Optional.empty();
    boolean clear = false;
    if (body.has("deliveredAt")) {
      JsonNode d = body.get("deliveredAt");
      if (d.isNull()) {
        clear = true;
      } else if (d.isTextual()) {
        deliveredAt = Optional.of(Requests.instant(d.asText(), "deliveredAt"));
      } else {
        throw Requests.invalid(
            "deliveredAt", "deliveredAt has the wrong JSON type; expected a string or null");
      }
    }
    var s = state;
    var at = deliveredAt;
    boolean c = clear;
    var command =
        Requests.build("body", () -> new UpdateOrderUnitUseCase.Command(number, unitId, s, at, c));
    Responses.json(ctx, 200, OrderJson.of(updateOrderUnit.update(actor, command)));
  }
}
