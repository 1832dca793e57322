package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.FeedOrderUseCase;
import io.ticketdesk.application.port.in.UpdateOrderUnitUseCase;
import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.UnitState;
import java.util.Map;

/** The marketplace's order feed: new orders and unit updates. */
public final class OrderFeedService implements FeedOrderUseCase, UpdateOrderUnitUseCase {
  private final Orders orders;
  private final Sellers sellers;
  private final Transactions tx;

  public OrderFeedService(Orders orders, Sellers sellers, Transactions tx) {
    this.orders = requireNonNull(orders, "orders is null");
    this.sellers = requireNonNull(sellers, "sellers is null");
    this.tx = requireNonNull(tx, "tx is null");
  }

  @Override
  public Order feed(Actor actor, Order order) {
    Access.require(actor, "feed orders", Role.MARKETPLACE);
    return tx.inTransaction(
        () -> {
          Seller seller =
              sellers
                  .find(order.sellerId())
                  .orElseThrow(
                      () ->
                          new DomainException(
                              ErrorCode.VALIDATION,
                              "seller " + order.sellerId().value() + " is not registered",
                              Map.of("field", "sellerId")));
          if (!seller.sellsOn(order.storefront())) {
            throw new DomainException(
                ErrorCode.VALIDATION,
                "seller "
                    + seller.id().value()
                    + " does not sell on storefront "
                    + order.storefront().code(),
                Map.of("field", "storefront"));
          }
          if (orders.find(order.number()).isPresent()) {
            throw duplicate("order " + order.number().value() + " already exists");
          }
          for (OrderUnit unit : order.units()) {
            if (orders.findByUnit(unit.id()).isPresent()) {
              throw duplicate("order unit " + unit.id().value() + " already belongs to an order");
            }
          }
          try {
            orders.add(order);
          } catch (DuplicateKeyException e) {
            throw duplicate(e.getMessage());
          }
          return order;
        });
  }

  @Override
  public Order update(Actor actor, Command command) {
    Access.require(actor, "update orders", Role.MARKETPLACE);
    return tx.inTransaction(
        () -> {
          Order order =
              orders
                  .find(command.orderNumber())
                  .orElseThrow(() -> Access.notFound("order " + command.orderNumber().value()));
          OrderUnit unit =
              order
                  .unit(command.orderUnitId())
                  .orElseThrow(
                      () ->
                          Access.notFound(
                              "order unit "
                                  + command.orderUnitId().value()
                                  + " of order "
                                  + order.number().value()));
          if (unit.state() == UnitState.CANCELLED
              && command.state().filter(st -> st != UnitState.CANCELLED).isPresent()) {
            throw new DomainException(
                ErrorCode.CONFLICT,
                "order unit "
                    + unit.id().value()
                    + " is cancelled (and refunded through the ledger); its state cannot change to "
                    + command.state().get().wire());
          }
          OrderUnit changed =
              unit.withState(
                  command.state().orElse(unit.state()),
                  command.clearDeliveredAt()
                      ? null
                      : command.deliveredAt().orElse(unit.deliveredAt()));
          orders.updateUnit(order.sellerId(), order.number(), changed);
          return order.withUnit(changed);
        });
  }

  private static DomainException duplicate(String message) {
    return new DomainException(ErrorCode.CONFLICT, message);
  }
}
