package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.StreamEventsUseCase;
import io.ticketdesk.application.port.out.Outbox;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.SellerId;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Live event streams on one instance. A stream first reads the feed itself from its cursor (the
 * catch-up, e.g. after a reconnect with {@code Last-Event-ID}); once it has read everything, it
 * goes live: the instance's reader ({@link #poll}) reads the feed of all sellers once per step and
 * hands each live stream the events of its scope. A stream whose reader falls more than {@value
 * #MAX_PENDING} events behind drops back to reading the feed itself, so a slow client neither
 * stalls the others nor fills the memory. No session state, LISTEN/NOTIFY or lock in the database:
 * plain reads by feed position, which work through a transaction-pooling connection pooler and on
 * any number of instances.
 */
public final class EventStreamService implements StreamEventsUseCase {
  /** Events a live stream may have waiting before it drops back to reading the feed itself. */
  static final int MAX_PENDING = 5_000;

  /** Events the reader reads in one step. */
  static final int POLL_BATCH = 1_000;

  /** Events a catching-up stream reads in one page. */
  static final int CATCH_UP_PAGE = 200;

  private final Outbox outbox;

  /** Held while the reader hands out a batch and while a stream goes live. */
  private final Object lock = new Object();

  private final Set<Stream> live = ConcurrentHashMap.newKeySet();
  private final Set<Stream> all = ConcurrentHashMap.newKeySet();

  /** The position up to which the reader has read; -1 while no stream is live. */
  private long head = -1;

  EventStreamService(Outbox outbox) {
    this.outbox = requireNonNull(outbox, "outbox is null");
  }

  @Override
  public Subscription subscribe(Actor actor, String after, SellerId seller) {
    Optional<SellerId> scope = EventFeedService.scope(actor, seller, "stream events");
    long position = after == null ? outbox.lastPosition() : PageCursor.parseEvents(after);
    Stream stream = new Stream(actor, scope, position);
    all.add(stream);
    return stream;
  }

  @Override
  public int open() {
    return all.size();
  }

  @Override
  public int poll() {
    if (all.isEmpty()) {
      return 0;
    }
    outbox.sequence(EventFeedService.SEQUENCE_BATCH);
    synchronized (lock) {
      if (live.isEmpty()) {
        head = -1; // the next stream to go live starts the reader where it stands then
        return 0;
      }
      List<DomainEvent> batch = outbox.feed(Optional.empty(), head, POLL_BATCH);
      if (batch.isEmpty()) {
        return 0;
      }
      head = batch.get(batch.size() - 1).position();
      for (Stream s : live) {
        s.offer(batch);
      }
      return batch.size();
    }
  }

  /** Where the reader stands; starts it at the feed's end when no stream was live. */
  private long head() {
    if (head < 0) {
      head = outbox.lastPosition();
    }
    return head;
  }

  private final class Stream implements Subscription {
    private final Actor actor;
    private final Optional<SellerId> scope;
    private final String start;

    /** Guarded by this: the events waiting, the last position sent, live or catching up. */
    private final ArrayDeque<DomainEvent> pending = new ArrayDeque<>();

    private long sent;
    private boolean isLive;
    private boolean closed;

    Stream(Actor actor, Optional<SellerId> scope, long position) {
      this.actor = actor;
      this.scope = scope;
      this.sent = position;
      this.start = PageCursor.events(position);
    }

    @Override
    public String cursor() {
      return start;
    }

    private boolean mine(DomainEvent e) {
      return (scope.isEmpty() || scope.get().equals(e.sellerId())) && e.visibleTo(actor);
    }

    /** From the reader, under the service's lock. */
    synchronized void offer(List<DomainEvent> batch) {
      long last = pending.isEmpty() ? sent : pending.peekLast().position();
      for (DomainEvent e : batch) {
        if (e.position() > last && mine(e)) {
          pending.add(e);
          last = e.position();
        }
      }
      if (pending.size() > MAX_PENDING) {
        // Too slow: read on from the feed from the last event sent.
        pending.clear();
        isLive = false;
        live.remove(this);
      }
      notifyAll();
    }

    @Override
    public List<StreamedEvent> next(Duration wait) throws InterruptedException {
      synchronized (this) {
        if (closed) {
          return List.of();
        }
        if (isLive) {
          long deadline = System.nanoTime() + wait.toNanos();
          while (pending.isEmpty() && isLive && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              return List.of();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
          }
          if (isLive || !pending.isEmpty()) {
            List<StreamedEvent> out = new ArrayList<>(pending.size());
            for (DomainEvent e : pending) {
              out.add(new StreamedEvent(e, PageCursor.events(e.position())));
            }
            pending.clear();
            if (!out.isEmpty()) {
              sent = out.get(out.size() - 1).event().position();
            }
            return out;
          }
          if (closed) {
            return List.of();
          }
        }
      }
      return catchUp();
    }

    /** Reads one page of the feed; goes live when it has read everything. */
    private List<StreamedEvent> catchUp() {
      long from;
      synchronized (this) {
        from = sent;
      }
      List<DomainEvent> page = outbox.feed(scope, from, CATCH_UP_PAGE);
      if (page.size() < CATCH_UP_PAGE) {
        // Read again under the reader's lock: every event up to the reader's position is in this
        // page then, every later one in the reader's next batches (those after the page's last).
        synchronized (lock) {
          head();
          page = outbox.feed(scope, from, CATCH_UP_PAGE);
          synchronized (this) {
            advance(page);
            if (page.size() < CATCH_UP_PAGE && !closed) {
              isLive = true;
              live.add(this);
            }
          }
        }
      } else {
        synchronized (this) {
          advance(page);
        }
      }
      List<StreamedEvent> out = new ArrayList<>(page.size());
      for (DomainEvent e : page) {
        if (mine(e)) {
          out.add(new StreamedEvent(e, PageCursor.events(e.position())));
        }
      }
      return out;
    }

    private void advance(List<DomainEvent> page) {
      if (!page.isEmpty()) {
        sent = Math.max(sent, page.get(page.size() - 1).position());
      }
    }

    @Override
    public void close() {
      synchronized (this) {
        closed = true;
        isLive = false;
        pending.clear();
        notifyAll();
      }
      live.remove(this);
      all.remove(this);
    }
  }
}
