package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.Validation;

/** Use case: write a message (or an internal note) into a ticket's chat. */
public interface PostMessageUseCase {
  Posted post(Actor actor, Command command);

  /** The message; {@code expectedVersion} (from If-Match) guards against concurrent changes. */
  record Command(
      TicketNumber ticketNumber, MessageText text, boolean internal, Long expectedVersion) {
    public Command {
      Validation.required(ticketNumber, "ticketNumber");
      Validation.required(text, "text");
    }
  }

  /** The stored message and the ticket after it. */
  record Posted(Message message, Ticket ticket) {}
}
