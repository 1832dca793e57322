package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.CostBearer;
import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.RefundReason;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.Validation;

/** Use case: the seller or customer service refunds part of a unit of the ticket's order. */
public interface RefundUseCase {
  LedgerResult refund(Actor actor, Command command);

  /**
   * A partial refund; {@code bearer} null means the default for the actor's role, {@code
   * idempotencyKey} and {@code expectedVersion} may be null.
   */
  record Command(
      TicketNumber ticketNumber,
      OrderUnitId orderUnitId,
      Money amount,
      RefundReason reason,
      CostBearer bearer,
      IdempotencyKey idempotencyKey,
      Long expectedVersion) {
    public Command {
      Validation.required(ticketNumber, "ticketNumber");
      Validation.required(orderUnitId, "orderUnitId");
      Validation.required(amount, "amount");
      Validation.required(reason, "reason");
    }
  }

  /** The ledger entry a refund or cancellation wrote; {@code replayed} for a repeated key. */
  record LedgerResult(LedgerEntry entry, boolean replayed) {
    public LedgerResult {
      Validation.required(entry, "entry");
    }
  }
}
