package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.SellerId;
import java.time.Duration;
import java.util.List;

/**
 * Use case: live event streams (Server-Sent Events): the same events as the feed, in the same
 * scope, pushed while they are committed. Each instance reads the outbox by feed position (one read
 * per step for all its streams), so any number of instances serve streams and a stream resumed on
 * another instance with the cursor of its last event misses nothing.
 */
public interface StreamEventsUseCase {
  /**
   * A stream of the caller's events after the feed cursor {@code after} (null: from now on); {@code
   * seller} narrows the marketplace's stream to one seller. Refuses as the feed does: other roles
   * 403, a bad cursor or a seller's {@code sellerId} 400.
   */
  Subscription subscribe(Actor actor, String after, SellerId seller);

  /**
   * One step of this instance's reader: places committed events in the feed and hands the new ones
   * to the live streams; returns how many it read (a full batch: call again at once).
   */
  int poll();

  /** How many streams are open on this instance. */
  int open();

  /** An event with the feed cursor just after it (the stream's event id, to resume from). */
  record StreamedEvent(DomainEvent event, String cursor) {}

  /** One open stream. */
  interface Subscription extends AutoCloseable {
    /** The cursor the stream started after (to resume from when nothing has been sent yet). */
    String cursor();

    /**
     * The next events in feed order, waiting at most {@code wait} for one (empty then: send a
     * heartbeat). A stream that fell behind (a slow reader) reads on from the feed itself.
     */
    List<StreamedEvent> next(Duration wait) throws InterruptedException;

    /** Ends the stream. */
    @Override
    void close();
  }
}
