package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.TextModuleId;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.Validation;

/** Use case: write a message (or an internal note) into a ticket's chat. */
public interface PostMessageUseCase {
  Posted post(Actor actor, Command command);

  /**
   * The message: its {@code text}, or a {@code textModuleId} whose module is rendered for this
   * ticket (an explicit text wins); {@code expectedVersion} (from If-Match) guards against
   * concurrent changes.
   */
  record Command(
      TicketNumber ticketNumber,
      MessageText text,
      TextModuleId textModuleId,
      boolean internal,
      Long expectedVersion) {
    public Command {
      Validation.required(ticketNumber, "ticketNumber");
      if (text == null && textModuleId == null) {
        throw Validation.invalid("give text or textModuleId");
      }
    }

    public Command(
        TicketNumber ticketNumber, MessageText text, boolean internal, Long expectedVersion) {
      this(ticketNumber, text, null, internal, expectedVersion);
    }
  }

  /** The stored message and the ticket after it. */
  record Posted(Message message, Ticket ticket) {}
}
