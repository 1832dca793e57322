package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.TicketTopic;
import io.ticketdesk.domain.Validation;
import java.util.List;

/** Use case: a buyer (or the seller, to ask the buyer something) opens a ticket on an order. */
public interface OpenTicketUseCase {
  Opened open(Actor actor, Command command);

  /**
   * The ticket to open; {@code orderNumber} is optional and, when given, must match the units.
   * {@code idempotencyKey} (may be null) makes a repeated request answer the ticket it opened
   * first.
   */
  record Command(
      List<OrderUnitId> orderUnitIds,
      OrderNumber orderNumber,
      TicketReason reason,
      TicketTopic topic,
      ReturnIntent returnIntent,
      MessageText message,
      IdempotencyKey idempotencyKey) {
    public Command {
      Validation.required(orderUnitIds, "orderUnitIds");
      if (orderUnitIds.isEmpty()) {
        throw Validation.invalid("orderUnitIds must name at least one unit of the order");
      }
      orderUnitIds = List.copyOf(orderUnitIds);
      Validation.required(reason, "reason");
      Validation.required(message, "message");
    }

    /** Without an idempotency key. */
    public Command(
        List<OrderUnitId> orderUnitIds,
        OrderNumber orderNumber,
        TicketReason reason,
        TicketTopic topic,
        ReturnIntent returnIntent,
        MessageText message) {
      this(orderUnitIds, orderNumber, reason, topic, returnIntent, message, null);
    }
  }

  /**
   * The new ticket and its first message; {@code replayed} when a repeated key answers the ticket
   * opened first (as it is now).
   */
  record Opened(Ticket ticket, Message message, boolean replayed) {
    public Opened(Ticket ticket, Message message) {
      this(ticket, message, false);
    }
  }
}
