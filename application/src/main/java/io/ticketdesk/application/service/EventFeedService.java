package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.PurgeEventsUseCase;
import io.ticketdesk.application.port.in.ReadEventsUseCase;
import io.ticketdesk.application.port.out.Outbox;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.SellerId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event feed: places committed events (the outbox's sequencer, claimed so that one caller at a
 * time does it) and reads a page after the cursor in the caller's scope.
 */
public final class EventFeedService implements ReadEventsUseCase, PurgeEventsUseCase {
  /** How many committed events one read places in the feed at most. */
  static final int SEQUENCE_BATCH = 1_000;

  /** How many expired events one purge deletes at most. */
  static final int PURGE_BATCH = 5_000;

  private final Outbox outbox;
  private final Clock clock;
  private final Duration retention;

  EventFeedService(Outbox outbox, Clock clock, Duration retention) {
    this.outbox = requireNonNull(outbox, "outbox is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.retention = requireNonNull(retention, "retention is null");
  }

  @Override
  public int purgeExpired() {
    return outbox.purge(clock.instant().minus(retention), PURGE_BATCH);
  }

  /**
   * Whose events the caller reads: a seller its own, the marketplace every seller's or {@code
   * seller}'s; other roles none (403), and {@code seller} is for the marketplace only (400).
   */
  static Optional<SellerId> scope(Actor actor, SellerId seller, String what) {
    Access.require(actor, what, Role.SELLER, Role.MARKETPLACE);
    if (seller != null && !actor.is(Role.MARKETPLACE)) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "sellerId is for the marketplace; a seller's feed has its own events only",
          Map.of("field", "sellerId"));
    }
    return actor.is(Role.SELLER) ? actor.sellerId() : Optional.ofNullable(seller);
  }

  @Override
  public EventPage events(Actor actor, String after, Integer limit, SellerId seller) {
    Optional<SellerId> scope = scope(actor, seller, "read events");
    int size = limit == null ? DEFAULT_EVENTS_PER_PAGE : limit;
    if (size < 1 || size > MAX_EVENTS_PER_PAGE) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "limit must be between 1 and " + MAX_EVENTS_PER_PAGE,
          Map.of("field", "limit"));
    }
    long position = after == null ? 0 : PageCursor.parseEvents(after);
    outbox.sequence(SEQUENCE_BATCH);
    List<DomainEvent> page =
        outbox.feed(scope, position, size).stream().filter(e -> e.visibleTo(actor)).toList();
    long last = page.isEmpty() ? position : page.get(page.size() - 1).position();
    return new EventPage(page, PageCursor.events(last));
  }
}
