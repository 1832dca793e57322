package io.ticketdesk.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.in.RaiseDeadlineAlertsUseCase;
import io.ticketdesk.application.port.out.Outbox;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.EventType;
import io.ticketdesk.domain.PublicHolidays;
import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deadline alerts: 8 working hours before the deadline and after it, once per deadline. */
class DeadlineAlertTest {
  /** Monday 09:00 UTC opened, no holidays: due Wednesday 09:00 UTC. */
  static final Instant DUE = Instant.parse("2026-03-04T09:00:00Z");

  World world;
  Seller seller;
  Ticket ticket;
  RaiseDeadlineAlertsUseCase alerts;

  @BeforeEach
  void setUp() {
    world = new World();
    seller = world.seller("Rack GmbH", Storefront.DE);
    world.order(seller, World.ERIKA, "DE1", Storefront.DE, 11, 12);
    ticket = world.open(Actor.buyer(World.ERIKA), 11);
    alerts = world.core.deadlineAlerts(Duration.ofHours(8));
  }

  private List<EventType> alertTypes() {
    return world.store.outbox().ofTicket(seller.id(), ticket.number()).stream()
        .map(DomainEvent::type)
        .filter(t -> t == EventType.TICKET_DEADLINE_APPROACHING || t == EventType.TICKET_OVERDUE)
        .toList();
  }

  @Test
  void theWarningComesEightWorkingHoursBeforeAndTheOverdueAtTheDeadlineEachOnce() {
    assertEquals(DUE, ticket.responseDueAt());
    assertEquals(0, alerts.raiseDue());
    world.clock.set(DUE.minus(Duration.ofHours(8)).minusSeconds(1));
    assertEquals(0, alerts.raiseDue());

    world.clock.set(DUE.minus(Duration.ofHours(8)));
    assertEquals(1, alerts.raiseDue());
    assertEquals(0, alerts.raiseDue());
    world.clock.set(DUE.minusSeconds(1));
    assertEquals(0, alerts.raiseDue());
    assertEquals(List.of(EventType.TICKET_DEADLINE_APPROACHING), alertTypes());

    world.clock.set(DUE);
    assertEquals(1, alerts.raiseDue());
    world.clock.set(DUE.plus(Duration.ofHours(30)));
    assertEquals(0, alerts.raiseDue());
    assertEquals(
        List.of(EventType.TICKET_DEADLINE_APPROACHING, EventType.TICKET_OVERDUE), alertTypes());
    DomainEvent overdue =
        world.store.outbox().ofTicket(seller.id(), ticket.number()).stream()
            .filter(e -> e.type() == EventType.TICKET_OVERDUE)
            .findFirst()
            .orElseThrow();
    assertEquals(DUE.toString(), overdue.data().get("responseDueAt"));
    assertEquals(DUE, overdue.occurredAt());
  }

  @Test
  void anAnsweredTicketGetsNoAlertAndANewDeadlineGetsItsOwn() {
    world.post(Actor.seller(seller.id()), ticket.number(), "On it", false);
    world.clock.set(DUE.plusSeconds(1));
    assertEquals(0, alerts.raiseDue());

    world.post(Actor.buyer(World.ERIKA), ticket.number(), "Still broken", false);
    Instant newDue = world.tickets.find(Actor.buyer(World.ERIKA), ticket.number()).responseDueAt();
    assertTrue(newDue.isAfter(DUE));
    world.clock.set(newDue);
    assertEquals(1, alerts.raiseDue());
    assertEquals(List.of(EventType.TICKET_OVERDUE), alertTypes());
  }

  @Test
  void weekendsDoNotCountTowardsTheWarning() {
    // Opened Friday 09:00 UTC: due Tuesday 09:00; 8 working hours before is Tuesday 01:00.
    world.clock.set(Instant.parse("2026-03-06T09:00:00Z"));
    ticket = world.open(Actor.buyer(World.ERIKA), 12);
    assertEquals(Instant.parse("2026-03-10T09:00:00Z"), ticket.responseDueAt());
    world.clock.set(Instant.parse("2026-03-08T09:00:00Z")); // Sunday: 32 working hours left
    alerts.raiseDue();
    assertEquals(List.of(), alertTypes());
    world.clock.set(Instant.parse("2026-03-10T00:59:00Z"));
    alerts.raiseDue();
    assertEquals(List.of(), alertTypes());
    world.clock.set(Instant.parse("2026-03-10T01:00:00Z"));
    alerts.raiseDue();
    assertEquals(List.of(EventType.TICKET_DEADLINE_APPROACHING), alertTypes());
  }

  @Test
  void theWarningReachesAcrossAWeekendLongerThanItsWallClockTime() {
    // Opened Thursday 04:00 in Berlin (03:00 UTC): 20 + 24 working hours by Friday's end, due
    // Monday 04:00 (03:00 UTC). On Friday at 20:00 Berlin time 8 working hours are left, but 56
    // hours of wall-clock time: the scan must still read that ticket.
    world.clock.set(Instant.parse("2026-03-05T03:00:00Z"));
    ticket = world.open(Actor.buyer(World.ERIKA), 12);
    assertEquals(Instant.parse("2026-03-09T03:00:00Z"), ticket.responseDueAt());
    world.clock.set(Instant.parse("2026-03-06T18:59:59Z"));
    alerts.raiseDue();
    assertEquals(List.of(), alertTypes());
    world.clock.set(Instant.parse("2026-03-06T19:00:00Z"));
    alerts.raiseDue();
    assertEquals(List.of(EventType.TICKET_DEADLINE_APPROACHING), alertTypes());
  }

  @Test
  void aTicketOverdueLongerThanTheEventRetentionGetsNoAlert() {
    world.clock.set(DUE.plus(Duration.ofDays(400)));
    assertEquals(0, alerts.raiseDue());
    assertEquals(List.of(), alertTypes());
  }

  @Test
  void aNodeLooksUpARecordedAlertOnceAndRemembersItTillItsTicketLeavesTheScan() {
    AtomicInteger lookups = new AtomicInteger();
    Outbox real = world.store.outbox();
    Outbox counted =
        (Outbox)
            Proxy.newProxyInstance(
                Outbox.class.getClassLoader(),
                new Class<?>[] {Outbox.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("takenOnceKeys")) {
                    lookups.incrementAndGet();
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    DeadlineAlertService scan =
        new DeadlineAlertService(
            world.store.tickets(),
            counted,
            world.tx,
            new ResponseDeadline(PublicHolidays.none()),
            world.clock,
            Duration.ofHours(8),
            CoreSettings.DEFAULT_EVENT_RETENTION);
    world.clock.set(DUE);

    assertEquals(1, scan.raiseDue()); // the overdue alert: its once-key looked up, then recorded
    assertEquals(1, lookups.get());
    assertEquals(0, scan.raiseDue()); // looked up once more: recorded, remembered from now on
    assertEquals(2, lookups.get());
    world.clock.set(DUE.plus(Duration.ofHours(1)));
    assertEquals(0, scan.raiseDue());
    assertEquals(2, lookups.get(), "a remembered alert needs no lookup");
    assertEquals(List.of(EventType.TICKET_OVERDUE), alertTypes());

    // Answered and asked again: a new deadline, a new alert, looked up as new.
    world.post(Actor.seller(seller.id()), ticket.number(), "On it", false);
    world.post(Actor.buyer(World.ERIKA), ticket.number(), "Still broken", false);
    Instant newDue = world.tickets.find(Actor.buyer(World.ERIKA), ticket.number()).responseDueAt();
    world.clock.set(newDue);
    assertEquals(1, scan.raiseDue());
    assertEquals(3, lookups.get());
    assertEquals(List.of(EventType.TICKET_OVERDUE, EventType.TICKET_OVERDUE), alertTypes());
  }
}
