package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.TicketNumber;
import java.util.List;

/** Use case: read a ticket's chat, oldest first; buyers never see internal notes. */
public interface ListMessagesUseCase {
  int MAX_MESSAGES_PER_PAGE = 100;
  int DEFAULT_MESSAGES_PER_PAGE = 100;

  MessagePage list(Actor actor, TicketNumber number, Integer limit, String cursor);

  /** One page of messages; {@code nextCursor} is null on the last page. */
  record MessagePage(List<Message> items, String nextCursor) {}
}
