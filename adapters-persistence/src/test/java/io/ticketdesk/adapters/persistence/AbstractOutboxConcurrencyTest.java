package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.testing.contract.Fixtures;
import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.EventType;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Writers append events to a few tickets in transactions that commit late or roll back, while
 * readers place and read the feed: every committed event reaches every reader exactly once, in its
 * ticket's order, none rolled back does, and each ticket's numbers have no gap.
 */
abstract class AbstractOutboxConcurrencyTest {
  private static final int WRITERS = 6;
  private static final int READERS = 2;
  private static final int PER_WRITER = 40;

  abstract TestDatabase database();

  @Test
  void everyCommittedEventReachesEveryReaderOnceInTicketOrder() throws Exception {
    StorePorts store = database().freshPorts();
    SellerId seller = Fixtures.seller(store).id();
    List<TicketNumber> tickets =
        List.of(
            TicketNumber.fromSequence(901),
            TicketNumber.fromSequence(902),
            TicketNumber.fromSequence(903));
    Set<String> committed = ConcurrentHashMap.newKeySet();
    Set<String> rolledBack = ConcurrentHashMap.newKeySet();
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Callable<List<DomainEvent>>> work = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      work.add(
          () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < PER_WRITER; i++) {
              TicketNumber t = tickets.get(random.nextInt(tickets.size()));
              boolean fail = random.nextInt(5) == 0;
              boolean slow = random.nextInt(4) == 0;
              DomainEvent.Draft d =
                  DomainEvent.Draft.of(
                      EventType.TICKET_MESSAGE_CREATED,
                      Fixtures.at(i),
                      seller,
                      t,
                      OrderNumber.of("C1"),
                      false,
                      Map.of("ticketNumber", t.value()));
              while (true) {
                try {
                  store
                      .transactions()
                      .inTransaction(
                          () -> {
                            store.outbox().append(d);
                            if (slow) {
                              sleep(random.nextInt(2, 15)); // commits after later events
                            }
                            if (fail) {
                              throw new IllegalStateException("rolled back");
                            }
                            return null;
                          });
                  committed.add(d.id());
                  break;
                } catch (IllegalStateException e) {
                  rolledBack.add(d.id());
                  break;
                } catch (ConcurrentUpdateException e) {
                  // lost the ticket's next number to another writer: try again
                }
              }
            }
            return List.of();
          });
    }
    for (int r = 0; r < READERS; r++) {
      work.add(
          () -> {
            List<DomainEvent> seen = new ArrayList<>();
            long after = 0;
            while (true) {
              boolean done = !writing.get();
              store.outbox().sequence(50);
              List<DomainEvent> page = store.outbox().feed(Optional.of(seller), after, 37);
              seen.addAll(page);
              if (!page.isEmpty()) {
                after = page.get(page.size() - 1).position();
              } else if (done) {
                return seen; // the main thread reads on from here
              } else {
                sleep(1);
              }
            }
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
    try {
      List<Future<List<DomainEvent>>> futures = new ArrayList<>();
      for (Callable<List<DomainEvent>> c : work) {
        futures.add(pool.submit(c));
      }
      for (int w = 0; w < WRITERS; w++) {
        futures.get(w).get(120, TimeUnit.SECONDS);
      }
      writing.set(false);
      List<List<DomainEvent>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        readers.add(new ArrayList<>(futures.get(WRITERS + r).get(120, TimeUnit.SECONDS)));
      }
      // A reader may have stopped while another was placing events: with every reader stopped,
      // place the rest and let each read on from its own cursor.
      while (store.outbox().sequence(1_000) > 0) {
        // placed a batch
      }
      for (List<DomainEvent> seen : readers) {
        long after = seen.isEmpty() ? 0 : seen.get(seen.size() - 1).position();
        seen.addAll(store.outbox().feed(Optional.of(seller), after, 100_000));
        Set<String> ids = new HashSet<>();
        Map<TicketNumber, Long> lastOfTicket = new HashMap<>();
        for (DomainEvent e : seen) {
          assertTrue(ids.add(e.id()), "event " + e.id() + " read twice");
          assertTrue(!rolledBack.contains(e.id()), "a rolled-back event was read");
          long previous = lastOfTicket.getOrDefault(e.ticketNumber(), 0L);
          assertEquals(previous + 1, e.sequence(), "ticket order in the feed, no gap");
          lastOfTicket.put(e.ticketNumber(), e.sequence());
        }
        Set<String> missing = new HashSet<>(committed);
        missing.removeAll(ids);
        assertEquals(Set.of(), missing, "committed events not read");
        assertEquals(committed.size(), ids.size());
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(committed.size() > WRITERS * PER_WRITER / 2);
  }

  private static void sleep(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
