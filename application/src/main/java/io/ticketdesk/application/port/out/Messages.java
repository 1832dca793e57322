package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.SystemEvent;
import io.ticketdesk.domain.TicketNumber;
import java.time.Instant;
import java.util.List;

/** The chat messages of tickets, in the order they were written. */
public interface Messages {
  Message add(
      SellerId seller,
      TicketNumber ticket,
      AuthorRole author,
      MessageText text,
      boolean internal,
      Instant at);

  /** Adds a message with the return options and discount it offers (stored with it). */
  Message add(
      SellerId seller,
      TicketNumber ticket,
      AuthorRole author,
      MessageText text,
      boolean internal,
      Instant at,
      ReturnOffer offer);

  /**
   * Adds a system message that records an event; {@code text} is the event's English text, kept for
   * readers of the store (readers of the chat get the event rendered in their language).
   */
  Message addEvent(
      SellerId seller,
      TicketNumber ticket,
      SystemEvent event,
      MessageText text,
      boolean internal,
      Instant at);

  /**
   * Messages of one ticket in writing order, after the message id {@code afterId} (0 for the
   * start), at most {@code limit}; internal notes only when {@code includeInternal}.
   */
  List<Message> list(
      SellerId seller, TicketNumber ticket, boolean includeInternal, long afterId, int limit);
}
