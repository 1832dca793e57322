package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.UnitState;
import io.ticketdesk.domain.Validation;
import java.time.Instant;
import java.util.Optional;

/** Use case: the order feed reports a unit's new state or delivery time. */
public interface UpdateOrderUnitUseCase {
  Order update(Actor actor, Command command);

  /**
   * The change: an absent optional leaves the field as it is; {@code clearDeliveredAt} removes the
   * delivery time.
   */
  record Command(
      OrderNumber orderNumber,
      OrderUnitId orderUnitId,
      Optional<UnitState> state,
      Optional<Instant> deliveredAt,
      boolean clearDeliveredAt) {
    public Command {
      Validation.required(orderNumber, "orderNumber");
      Validation.required(orderUnitId, "orderUnitId");
      Validation.required(state, "state");
      Validation.required(deliveredAt, "deliveredAt");
      if (state.isEmpty() && deliveredAt.isEmpty() && !clearDeliveredAt) {
        throw Validation.invalid("give state and/or deliveredAt to change");
      }
      if (deliveredAt.isPresent() && clearDeliveredAt) {
        throw Validation.invalid("deliveredAt cannot be set and cleared at once");
      }
    }
  }
}
