package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transactional outbox: events written in the same transaction as the change that makes them
 * (so an event exists if and only if its change was committed), numbered per ticket without gaps,
 * and put in the order of the event feed once committed.
 */
public interface Outbox {
  /**
   * Appends the event as its ticket's next in {@code sequence} (one more than the ticket's last
   * event, 1 for its first), in the current transaction.
   *
   * @throws ConcurrentUpdateException when a concurrent transaction took that number (the change is
   *     retried as a whole)
   */
  DomainEvent append(DomainEvent.Draft draft);

  /**
   * Appends the event as {@link #append} does, unless an event of the same seller with the same
   * {@code onceKey} exists (e.g. the alert of one ticket's deadline); empty then, and nothing
   * written. Two transactions racing for one key: one commits, the other fails (retry it later).
   */
  Optional<DomainEvent> appendOnce(String onceKey, DomainEvent.Draft draft);

  /**
   * Gives committed events without a feed position the next positions, in the order they were
   * appended, at most {@code limit}; returns how many. Positions grow in the order this runs, so an
   * event committed late is never placed before a position a reader has already passed. When
   * another caller is at it, returns 0 at once (its events reach the feed by that caller).
   */
  int sequence(int limit);

  /**
   * The last feed position given (0 before the first): a reader that starts here reads only events
   * placed from now on.
   */
  long lastPosition();

  /**
   * Events with a feed position after {@code after} in position order, at most {@code limit}: of
   * {@code seller}, or of all sellers when empty.
   */
  List<DomainEvent> feed(Optional<SellerId> seller, long after, int limit);

  /** One ticket's events in sequence order. */
  List<DomainEvent> ofTicket(SellerId seller, TicketNumber ticket);

  /** An event by id. */
  Optional<DomainEvent> find(String eventId);

  /**
   * The events of these ids that are kept, by id, in one read (a delivery batch's events); ids of
   * events not kept (purged, never written) are absent.
   */
  Map<String, DomainEvent> findAll(Collection<String> eventIds);

  /**
   * Deletes up to {@code limit} events that occurred before {@code before} and are in the feed,
   * except each ticket's latest (so that its numbers are never given again); returns how many (the
   * feed's retention).
   */
  int purge(Instant before, int limit);

  /**
   * Which of {@code onceKeys} a seller's events carry already ({@link #appendOnce}): one read for a
   * scan that would otherwise try each key in a transaction of its own.
   */
  java.util.Set<String> takenOnceKeys(SellerId seller, java.util.Collection<String> onceKeys);
}
