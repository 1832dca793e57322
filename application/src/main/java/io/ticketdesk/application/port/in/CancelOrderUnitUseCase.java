package io.ticketdesk.application.port.in;

import io.ticketdesk.application.port.in.RefundUseCase.LedgerResult;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.CancellationReason;
import io.ticketdesk.domain.CostBearer;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.Validation;

/** Use case: the seller or customer service cancels a unit; the rest of its price is refunded. */
public interface CancelOrderUnitUseCase {
  LedgerResult cancel(Actor actor, Command command);

  /** A cancellation; nullable fields as in {@link RefundUseCase.Command}. */
  record Command(
      TicketNumber ticketNumber,
      OrderUnitId orderUnitId,
      CancellationReason reason,
      CostBearer bearer,
      IdempotencyKey idempotencyKey,
      Long expectedVersion) {
    public Command {
      Validation.required(ticketNumber, "ticketNumber");
      Validation.required(orderUnitId, "orderUnitId");
      Validation.required(reason, "reason");
    }
  }
}
