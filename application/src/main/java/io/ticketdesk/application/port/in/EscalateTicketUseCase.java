package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.EscalationReason;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.Validation;

/** Use case: the seller notifies customer service, which then leads the ticket. */
public interface EscalateTicketUseCase {
  Ticket escalate(Actor actor, Command command);

  /** The reason, an optional note for customer service, and an optional If-Match version. */
  record Command(
      TicketNumber ticketNumber, EscalationReason reason, MessageText note, Long expectedVersion) {
    public Command {
      Validation.required(ticketNumber, "ticketNumber");
      Validation.required(reason, "reason");
    }
  }
}
