package io.ticketdesk.adapters.memory;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.Outbox;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox in memory, under the store's lock and rolled back with its transactions. */
final class InMemoryOutbox implements Outbox {
  private final Object lock;

  /** Events by id in the order they were appended. */
  private final Map<String, DomainEvent> events = new LinkedHashMap<>();

  /** The last sequence number given per ticket (kept when events are purged). */
  private final Map<String, Long> lastSequence = new LinkedHashMap<>();

  private long lastPosition;

  /** The once-keys taken, per seller. */
  private final java.util.Set<String> onceKeys = new java.util.HashSet<>();

  InMemoryOutbox(Object lock) {
    this.lock = requireNonNull(lock, "lock is null");
  }

  @Override
  public DomainEvent append(DomainEvent.Draft draft) {
    requireNonNull(draft, "draft is null");
    synchronized (lock) {
      if (events.containsKey(draft.id())) {
        throw new DuplicateKeyException("event " + draft.id() + " exists");
      }
      String ticket = draft.sellerId().value() + "/" + draft.ticketNumber().value();
      long sequence = lastSequence.getOrDefault(ticket, 0L) + 1;
      lastSequence.put(ticket, sequence);
      DomainEvent event = draft.numbered(sequence);
      events.put(event.id(), event);
      return event;
    }
  }

  @Override
  public Optional<DomainEvent> appendOnce(String onceKey, DomainEvent.Draft draft) {
    requireNonNull(onceKey, "onceKey is null");
    synchronized (lock) {
      String key = draft.sellerId().value() + "/" + onceKey;
      if (onceKeys.contains(key)) {
        return Optional.empty();
      }
      DomainEvent event = append(draft);
      onceKeys.add(key);
      return Optional.of(event);
    }
  }

  @Override
  public java.util.Set<String> takenOnceKeys(SellerId seller, java.util.Collection<String> keys) {
    synchronized (lock) {
      java.util.Set<String> taken = new java.util.HashSet<>();
      for (String k : keys) {
        if (onceKeys.contains(seller.value() + "/" + k)) {
          taken.add(k);
        }
      }
      return taken;
    }
  }

  @Override
  public int sequence(int limit) {
    synchronized (lock) {
      int done = 0;
      for (Map.Entry<String, DomainEvent> e : events.entrySet()) {
        if (done >= limit) {
          break;
        }
        if (e.getValue().position() == 0) {
          e.setValue(e.getValue().at(++lastPosition));
          done++;
        }
      }
      return done;
    }
  }

  @Override
  public long lastPosition() {
    synchronized (lock) {
      return lastPosition;
    }
  }

  @Override
  public List<DomainEvent> feed(Optional<SellerId> seller, long after, int limit) {
    requireNonNull(seller, "seller is null");
    synchronized (lock) {
      return events.values().stream()
          .filter(e -> e.position() > after)
          .filter(e -> seller.isEmpty() || seller.get().equals(e.sellerId()))
          .sorted(Comparator.comparingLong(DomainEvent::position))
          .limit(limit)
          .toList();
    }
  }

  @Override
  public List<DomainEvent> ofTicket(SellerId seller, TicketNumber ticket) {
    synchronized (lock) {
      return events.values().stream()
          .filter(e -> e.sellerId().equals(seller) && e.ticketNumber().equals(ticket))
          .sorted(Comparator.comparingLong(DomainEvent::sequence))
          .toList();
    }
  }

  @Override
  public Optional<DomainEvent> find(String eventId) {
    synchronized (lock) {
      return Optional.ofNullable(events.get(eventId));
    }
  }

  @Override
  public Map<String, DomainEvent> findAll(Collection<String> eventIds) {
    requireNonNull(eventIds, "eventIds is null");
    synchronized (lock) {
      Map<String, DomainEvent> found = new LinkedHashMap<>();
      for (String id : eventIds) {
        DomainEvent e = events.get(id);
        if (e != null) {
          found.put(id, e);
        }
      }
      return found;
    }
  }

  @Override
  public int purge(Instant before, int limit) {
    synchronized (lock) {
      Map<String, Long> latest = new LinkedHashMap<>();
      events.values().forEach(e -> latest.merge(key(e), e.sequence(), Math::max));
      List<String> gone = new ArrayList<>();
      for (DomainEvent e : events.values()) {
        if (gone.size() >= limit) {
          break;
        }
        if (e.position() > 0
            && e.occurredAt().isBefore(before)
            && e.sequence() < latest.get(key(e))) {
          gone.add(e.id());
        }
      }
      gone.forEach(events::remove);
      return gone.size();
    }
  }

  private static String key(DomainEvent e) {
    return e.sellerId().value() + "/" + e.ticketNumber().value();
  }

  /** The events as text (a test's fingerprint of the store). */
  @Override
  public String toString() {
    synchronized (lock) {
      return events.values().toString();
    }
  }

  /** The state to restore when a transaction rolls back (not the feed position counter). */
  Runnable snapshot() {
    Map<String, DomainEvent> eventsCopy = new LinkedHashMap<>(events);
    Map<String, Long> sequenceCopy = new LinkedHashMap<>(lastSequence);
    java.util.Set<String> onceCopy = new java.util.HashSet<>(onceKeys);
    return () -> {
      onceKeys.clear();
      onceKeys.addAll(onceCopy);
      events.clear();
      events.putAll(eventsCopy);
      lastSequence.clear();
      lastSequence.putAll(sequenceCopy);
    };
  }
}
