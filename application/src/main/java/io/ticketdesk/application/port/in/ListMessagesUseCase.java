package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Language;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TicketNumber;
import java.util.List;

/**
 * Use case: read a ticket's chat, oldest first, in the reader's language; buyers never see internal
 * notes.
 */
public interface ListMessagesUseCase {
  int MAX_MESSAGES_PER_PAGE = 100;
  int DEFAULT_MESSAGES_PER_PAGE = 100;

  /**
   * One page of the chat; {@code requested} is the language the reader asks for (a buyer reads in
   * the storefront's language whatever it asks).
   */
  MessagePage list(
      Actor actor, TicketNumber number, Integer limit, String cursor, Language requested);

  /** One page of the chat in English (for readers that ask for no language). */
  default MessagePage list(Actor actor, TicketNumber number, Integer limit, String cursor) {
    return list(actor, number, limit, cursor, Language.ENGLISH);
  }

  /**
   * One page of messages, read in {@code language} on a ticket of {@code storefront}; {@code
   * nextCursor} is null on the last page.
   */
  record MessagePage(
      List<Message> items, String nextCursor, Language language, Storefront storefront) {
    public MessagePage {
      items = List.copyOf(items);
    }

    /** A message's text for this reader: its event rendered, or the text as stored. */
    public String textOf(Message message) {
      return message.textFor(language, storefront);
    }
  }
}
