package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.testing.contract.Fixtures;
import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.WaitingOn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Eight threads update one ticket with optimistic locking: no update is lost. */
abstract class AbstractTicketConcurrencyTest {
  private static final int THREADS = 8;

  private StorePorts store;
  private Order order;
  private Ticket ticket;

  abstract TestDatabase database();

  @BeforeEach
  void setUp() {
    store = database().freshPorts();
    order = Fixtures.storedOrder(store, Fixtures.seller(store).id(), 1, 1);
    ticket = Fixtures.ticket(store.tickets().nextNumber(), order).build();
    store.tickets().add(ticket);
  }

  /** The next version of the ticket, marked by who wrote it (in its update time). */
  private Ticket next(Ticket current, int writer) {
    return Fixtures.ticket(current.number(), order)
        .waiting(writer % 2 == 0 ? WaitingOn.BUYER : WaitingOn.CUSTOMER_SERVICE)
        .updated(Fixtures.at(1000L * current.version() + writer))
        .version(current.version() + 1)
        .build();
  }

  @Test
  void ofEightWritersOfTheSameVersionExactlyOneWins() throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Callable<Ticket>> writers = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      int writer = i;
      writers.add(
          () -> {
            Ticket read = store.tickets().find(ticket.number()).orElseThrow();
            Ticket mine = next(read, writer);
            start.await(10, TimeUnit.SECONDS);
            try {
              store.tickets().update(mine);
              return mine;
            } catch (ConcurrentUpdateException e) {
              return null;
            }
          });
    }
    List<Ticket> winners = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (Future<Ticket> f : pool.invokeAll(writers, 60, TimeUnit.SECONDS)) {
        Ticket won = f.get();
        if (won != null) {
          winners.add(won);
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(1, winners.size(), "exactly one writer wins");
    assertEquals(winners.get(0), store.tickets().find(ticket.number()).orElseThrow());
  }

  @Test
  void retryingWritersStoreEveryVersionExactlyOnce() throws Exception {
    int perThread = 10;
    Map<Long, Ticket> winnerOfVersion = new ConcurrentHashMap<>();
    AtomicInteger conflicts = new AtomicInteger();
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Callable<Void>> writers = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      int writer = i;
      writers.add(
          () -> {
            start.await(10, TimeUnit.SECONDS);
            int done = 0;
            while (done < perThread) {
              try {
                Ticket stored =
                    store
                        .transactions()
                        .inTransaction(
                            () -> {
                              Ticket read = store.tickets().find(ticket.number()).orElseThrow();
                              Ticket mine = next(read, writer);
                              store.tickets().update(mine);
                              return mine;
                            });
                assertTrue(
                    winnerOfVersion.putIfAbsent(stored.version(), stored) == null,
                    "version " + stored.version() + " stored twice");
                done++;
              } catch (ConcurrentUpdateException e) {
                conflicts.incrementAndGet();
              }
            }
            return null;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (Future<Void> f : pool.invokeAll(writers, 120, TimeUnit.SECONDS)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    long last = 1 + THREADS * perThread;
    assertEquals(THREADS * perThread, winnerOfVersion.size());
    for (long v = 2; v <= last; v++) {
      assertTrue(winnerOfVersion.containsKey(v), "version " + v + " was stored");
    }
    assertEquals(winnerOfVersion.get(last), store.tickets().find(ticket.number()).orElseThrow());
    System.out.printf(
        "%s: %d updates, %d optimistic conflicts%n",
        getClass().getSimpleName(), THREADS * perThread, conflicts.get());
  }
}
