package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Order;

/** Use case: the marketplace's order feed delivers a new order with its units. */
public interface FeedOrderUseCase {
  Order feed(Actor actor, Order order);
}
