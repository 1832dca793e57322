package io.ticketdesk.application.service;

import static io.ticketdesk.application.service.World.ERIKA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.application.port.in.RecomputeDeadlinesUseCase.Outcome;
import io.ticketdesk.application.port.in.RecomputeDeadlinesUseCase.Recomputation;
import io.ticketdesk.application.port.out.Leases;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The deadline recomputation after a holiday-calendar change is done once for a cluster of nodes on
 * one store: one node does it, a node that dies halfway is taken over from where it stopped, and a
 * node that lost its lease writes nothing more. Every open ticket is recomputed exactly once (its
 * version goes up by one).
 */
class DeadlineRecomputationTest {
  private static final String FINGERPRINT = "calendar-with-tuesday-off";
  private static final int TICKETS = 7;
  private static final int BATCH = 2;

  final World w = new World();
  final Seller rack = w.seller("Rack GmbH", Storefront.DE);

  /**
   * Tuesday 3 March 2026 is a holiday in the new calendar: Monday's tickets are due a day later.
   */
  final ResponseDeadline newCalendar =
      new ResponseDeadline((sf, day) -> day.equals(LocalDate.of(2026, 3, 3)));

  final List<Ticket> opened = new ArrayList<>();

  DeadlineRecomputationTest() {
    long[] units = new long[TICKETS];
    for (int i = 0; i < TICKETS; i++) {
      units[i] = i + 1;
    }
    w.order(rack, ERIKA, "A1", Storefront.DE, units);
    for (long unit : units) {
      opened.add(w.open(Actor.buyer(ERIKA), unit));
    }
  }

  private DeadlineService node(String name, Tickets tickets, Leases leases) {
    return new DeadlineService(
        tickets, w.store.systemState(), leases, w.tx, newCalendar, w.clock, name, BATCH);
  }

  private DeadlineService node(String name) {
    return node(name, w.store.tickets(), w.store.leases());
  }

  /** Every ticket recomputed exactly once: one version more, due by the new calendar. */
  private void eachTicketRecomputedOnce() {
    for (Ticket before : opened) {
      Ticket now = w.store.tickets().find(before.number()).orElseThrow();
      assertEquals(before.version() + 1, now.version(), "version of " + before.number());
      assertEquals(newCalendar.dueAt(now.storefront(), now.openSince()), now.responseDueAt());
      assertEquals(before.responseDueAt().plus(Duration.ofDays(1)), now.responseDueAt());
    }
  }

  @Test
  void ofThreeNodesStartingWithTheNewCalendarOneRecomputesAndTheOthersFindItDone() {
    Recomputation a = node("node-a").recomputeIfCalendarChanged(FINGERPRINT);
    Recomputation b = node("node-b").recomputeIfCalendarChanged(FINGERPRINT);
    Recomputation c = node("node-c").resumeUnfinished(FINGERPRINT);

    assertEquals(new Recomputation(Outcome.RECOMPUTED, TICKETS), a);
    assertEquals(Recomputation.nothingToDo(), b);
    assertEquals(Recomputation.nothingToDo(), c);
    eachTicketRecomputedOnce();
    assertEquals(
        FINGERPRINT, w.store.systemState().get(DeadlineService.CALENDAR_KEY).orElseThrow());
  }

  @Test
  void aNodeThatDiesHalfwayIsTakenOverFromWhereItStoppedOnceItsLeaseRanOut() {
    // node-a dies while reading its third batch: two batches (4 tickets) are committed.
    AtomicInteger reads = new AtomicInteger();
    Tickets dying =
        delegate(
            Tickets.class,
            w.store.tickets(),
            (method, args) -> {
              if (method.equals("openTickets") && reads.incrementAndGet() == 3) {
                throw new IllegalStateException("kill -9");
              }
            });
    assertThrows(
        IllegalStateException.class,
        () -> node("node-a", dying, w.store.leases()).recomputeIfCalendarChanged(FINGERPRINT));

    DeadlineService b = node("node-b");
    assertEquals(
        new Recomputation(Outcome.ANOTHER_NODE, 0),
        b.recomputeIfCalendarChanged(FINGERPRINT),
        "node-a's lease still runs");
    assertEquals(new Recomputation(Outcome.ANOTHER_NODE, 0), b.resumeUnfinished(FINGERPRINT));

    w.clock.advance(DeadlineService.LEASE_TIME.plusSeconds(1));
    assertEquals(
        new Recomputation(Outcome.RECOMPUTED, TICKETS - 4), b.resumeUnfinished(FINGERPRINT));
    eachTicketRecomputedOnce();
    assertEquals(Recomputation.nothingToDo(), node("node-c").resumeUnfinished(FINGERPRINT));
  }

  @Test
  void aNodeThatStalledPastItsLeaseWritesNothingMoreOnceAnotherTookOver() {
    // node-a stalls before its second batch; node-b takes over and finishes meanwhile.
    AtomicInteger extensions = new AtomicInteger();
    List<Recomputation> byB = new ArrayList<>();
    Leases stalling =
        delegate(
            Leases.class,
            w.store.leases(),
            (method, args) -> {
              if (method.equals("extend") && extensions.incrementAndGet() == 3) {
                w.clock.advance(DeadlineService.LEASE_TIME.plusSeconds(1));
                byB.add(node("node-b").resumeUnfinished(FINGERPRINT));
              }
            });

    Recomputation a =
        node("node-a", w.store.tickets(), stalling).recomputeIfCalendarChanged(FINGERPRINT);

    assertEquals(new Recomputation(Outcome.LOST, BATCH), a);
    assertEquals(List.of(new Recomputation(Outcome.RECOMPUTED, TICKETS - BATCH)), byB);
    eachTicketRecomputedOnce();
  }

  @Test
  void aNodeWithAnotherCalendarDoesNotContinueAnUnfinishedRecomputation() {
    w.store
        .leases()
        .acquire(DeadlineService.LEASE, "dead-node", Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
    w.store
        .leases()
        .extend(
            w.store.leases().find(DeadlineService.LEASE).orElseThrow(),
            Instant.EPOCH.plusSeconds(1),
            DeadlineService.Progress.at(
                    FINGERPRINT, java.util.Optional.of(TicketNumber.of("00100000002")))
                .toString());

    assertEquals(Recomputation.nothingToDo(), node("node-b").resumeUnfinished("another-calendar"));
    assertEquals(
        new Recomputation(Outcome.RECOMPUTED, TICKETS - 2),
        node("node-b").resumeUnfinished(FINGERPRINT));
  }

  interface Hook {
    void before(String method, Object[] args);
  }

  @SuppressWarnings("unchecked")
  private static <T> T delegate(Class<T> type, T target, Hook hook) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              hook.before(method.getName(), args);
              try {
                return method.invoke(target, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
