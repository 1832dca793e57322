package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.SellerId;
import java.util.List;

/**
 * Use case: the event feed, for clients that cannot receive webhooks: the same events, in the order
 * they were committed, after a cursor. A seller reads its own events, the marketplace every
 * seller's (or one seller's); other roles none.
 */
public interface ReadEventsUseCase {
  int MAX_EVENTS_PER_PAGE = 200;
  int DEFAULT_EVENTS_PER_PAGE = 50;

  /**
   * Events after the cursor {@code after} (null: from the oldest retained), at most {@code limit};
   * {@code seller} narrows the marketplace's feed to one seller.
   */
  EventPage events(Actor actor, String after, Integer limit, SellerId seller);

  /**
   * One page; {@code nextCursor} is always given: the cursor after the page's last event, or the
   * request's own cursor when nothing new has happened (poll again with it later).
   */
  record EventPage(List<DomainEvent> items, String nextCursor) {}
}
