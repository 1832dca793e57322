package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.domain.Language;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.ReaderTexts;
import io.ticketdesk.domain.SystemEvent;
import io.ticketdesk.domain.Ticket;
import java.time.Instant;

/**
 * Writes the system messages of a chat: the event, rendered for each reader when read, with its
 * English text stored alongside for readers of the store.
 */
final class SystemMessages {
  private final Messages messages;

  SystemMessages(Messages messages) {
    this.messages = requireNonNull(messages, "messages is null");
  }

  /** A system message the buyer sees too. */
  Message write(Ticket ticket, SystemEvent event, Instant at) {
    return write(ticket, event, false, at);
  }

  Message write(Ticket ticket, SystemEvent event, boolean internal, Instant at) {
    String english = ReaderTexts.of(Language.ENGLISH).render(event, ticket.storefront().zone());
    return messages.addEvent(
        ticket.sellerId(), ticket.number(), event, MessageText.of(english), internal, at);
  }
}
