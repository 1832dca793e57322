package io.ticketdesk.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.in.EnforceReturnOptionDeadlinesUseCase;
import io.ticketdesk.application.port.in.EscalateTicketUseCase;
import io.ticketdesk.application.port.in.MarkReturnRequestUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.in.UpdateOrderUnitUseCase;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.ClosingReason;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.EscalationReason;
import io.ticketdesk.domain.EventType;
import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.PolicyPhase;
import io.ticketdesk.domain.PublicHolidays;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.ReturnOption;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.ReturnPolicyOutcome;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.SystemEventKind;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.UnitState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The automatic consequence of a return request whose option-carrying answer misses its deadline:
 * recorded once, by one instance, taken over from a dead one; on a fixed clock.
 */
class ReturnOptionDeadlineTest {
  /** Opened Monday 09:00 UTC, no holidays: the first response is due Wednesday 09:00 UTC. */
  static final Instant DUE = Instant.parse("2026-03-04T09:00:00Z");

  World world;
  Seller seller;
  Ticket ticket;
  EnforceReturnOptionDeadlinesUseCase scheduler;

  @BeforeEach
  void setUp() {
    world = new World();
    seller = world.seller("Rack GmbH", Storefront.DE);
    world.order(seller, World.ERIKA, "DE1", Storefront.DE, 11, 12);
    world.order(seller, World.ERIKA, "DE2", Storefront.DE, 21);
    ticket = returnRequest(11);
    scheduler = world.core.enforceReturnOptionDeadlines();
  }

  Ticket returnRequest(long unit) {
    return world
        .tickets
        .open(
            Actor.buyer(World.ERIKA),
            World.opening(TicketReason.PRODUCT_RETURN, "I revoke the purchase.", unit))
        .ticket();
  }

  Ticket now(Ticket t) {
    return world.tickets.find(Actor.seller(seller.id()), t.number());
  }

  List<EventType> breaches(Ticket t) {
    return world.store.outbox().ofTicket(seller.id(), t.number()).stream()
        .map(DomainEvent::type)
        .filter(e -> e == EventType.RETURN_POLICY_BREACHED)
        .toList();
  }

  List<SystemEventKind> systemKinds(Ticket t) {
    return world.store.messages().list(seller.id(), t.number(), true, 0, 100).stream()
        .filter(m -> m.authorRole() == AuthorRole.SYSTEM)
        .map(Message::event)
        .filter(java.util.Objects::nonNull)
        .map(e -> e.kind())
        .toList();
  }

  void answerWithAnOption(Ticket t) {
    world.tickets.post(
        Actor.seller(seller.id()),
        new PostMessageUseCase.Command(
            t.number(),
            MessageText.of("The label is in the parcel."),
            null,
            false,
            null,
            new ReturnOffer(List.of(ReturnOption.of(ReturnOptionType.LABEL_IN_PACKAGE)), null),
            false,
            null,
            null));
  }

  @Test
  void aMissedFirstResponseIsSanctionedOnceJustAfterItsDeadline() {
    assertEquals(DUE, ticket.responseDueAt());
    world.clock.set(DUE);
    assertEquals(0, scheduler.enforceDue());

    world.clock.set(DUE.plusSeconds(30));
    assertEquals(1, scheduler.enforceDue());
    assertEquals(0, scheduler.enforceDue());
    world.clock.set(DUE.plus(Duration.ofDays(2)));
    assertEquals(0, scheduler.enforceDue());

    ReturnPolicyOutcome outcome =
        world.store.returnPolicyOutcomes().find(seller.id(), ticket.number()).orElseThrow();
    assertTrue(outcome.breached());
    assertEquals(DUE.plusSeconds(30), outcome.breachedAt());
    // Every unit of the order cancelled and refunded, at the seller's expense (units 11 and 12).
    List<LedgerEntry> ledger = world.store.ledger().entries(seller.id(), ticket.orderNumber());
    assertEquals(2, ledger.size());
    assertTrue(ledger.stream().allMatch(e -> e.reason().equals(ReturnPolicyService.POLICY_BREACH)));
    assertEquals(List.of(EventType.RETURN_POLICY_BREACHED), breaches(ticket));
    assertEquals(
        List.of(
            SystemEventKind.RETURN_POLICY_DEADLINE_MISSED,
            SystemEventKind.ORDER_CANCELLED_FOR_BREACH),
        systemKinds(ticket));
    var state = world.core.assessReturnPolicy().state(Actor.seller(seller.id()), now(ticket));
    assertTrue(state.breach());
    assertFalse(state.satisfied());
  }

  @Test
  void aLaterAnswerIsNeitherGuardedNorSanctionedAgain() {
    world.clock.set(DUE.plusSeconds(30));
    assertEquals(1, scheduler.enforceDue());
    world.clock.set(DUE.plus(Duration.ofHours(2)));

    var posted = world.post(Actor.seller(seller.id()), ticket.number(), "Sorry, late.", false);

    assertEquals(List.of(), posted.warnings());
    assertEquals(TicketStatus.WAITING, posted.ticket().status());
    assertEquals(List.of(EventType.RETURN_POLICY_BREACHED), breaches(ticket));
    assertEquals(2, world.store.ledger().entries(seller.id(), ticket.orderNumber()).size());
    assertEquals(0, scheduler.enforceDue());
  }

  @Test
  void anAnswerWithAValidOptionInTimeMeansNoConsequence() {
    world.clock.set(DUE.minusSeconds(60));
    answerWithAnOption(ticket);
    world.clock.set(DUE.plus(Duration.ofDays(1)));
    assertEquals(0, scheduler.enforceDue());
    assertEquals(List.of(), breaches(ticket));
  }

  @Test
  void inTheTransitionalPeriodTheConsequenceIsTheWarningOutcomeAndNote() {
    // Opened Monday 26 Jan 2026 10:00 Berlin: due Wednesday 28 Jan, transitional.
    world.clock.set(Instant.parse("2026-01-26T09:00:00Z"));
    Ticket early = returnRequest(21);
    world.clock.set(Instant.parse("2026-01-28T09:00:01Z"));
    assertEquals(1, scheduler.enforceDue());
    ReturnPolicyOutcome outcome =
        world.store.returnPolicyOutcomes().find(seller.id(), early.number()).orElseThrow();
    assertEquals(PolicyPhase.TRANSITIONAL, outcome.phase());
    assertFalse(outcome.satisfied());
    assertFalse(outcome.breached());
    assertEquals(List.of(SystemEventKind.RETURN_ANSWER_MISSED), systemKinds(early));
    assertEquals(List.of(), world.store.ledger().entries(seller.id(), early.orderNumber()));
    world.clock.set(Instant.parse("2026-02-05T09:00:00Z"));
    assertEquals(0, scheduler.enforceDue());
  }

  @Test
  void whileCustomerServiceLeadsNothingHappensAfterTheHandBackTheNewDeadlineCounts() {
    world.clock.set(DUE.minus(Duration.ofHours(1)));
    world
        .core
        .escalateTicket()
        .escalate(
            Actor.seller(seller.id()),
            new EscalateTicketUseCase.Command(
                ticket.number(), EscalationReason.CANNOT_HELP_FURTHER, null, null));
    world.clock.set(DUE.plus(Duration.ofDays(1))); // Thursday 09:00 UTC
    assertEquals(0, scheduler.enforceDue());

    Ticket back =
        world.core.handBackTicket().handBack(Actor.customerService(), ticket.number(), null);
    Instant newDue = Instant.parse("2026-03-09T09:00:00Z"); // Monday
    assertEquals(newDue, back.responseDueAt());
    world.clock.set(newDue);
    assertEquals(0, scheduler.enforceDue());
    world.clock.set(newDue.plusSeconds(1));
    assertEquals(1, scheduler.enforceDue());
  }

  @Test
  void aTicketCustomerServiceClosedIsNotSanctioned() {
    world.clock.set(DUE.minus(Duration.ofHours(1)));
    world.tickets.close(
        Actor.customerService(), ticket.number(), ClosingReason.of("Settled by phone"), null);
    world.clock.set(DUE.plus(Duration.ofDays(1)));
    assertEquals(0, scheduler.enforceDue());
    assertEquals(List.of(), breaches(ticket));
  }

  /** The marketplace sets when unit 11 was delivered (empty: not delivered after all). */
  void deliverUnit11(Instant deliveredAt) {
    world.feed.update(
        Actor.marketplace(),
        new UpdateOrderUnitUseCase.Command(
            ticket.orderNumber(),
            OrderUnitId.of(11),
            Optional.of(deliveredAt == null ? UnitState.SENT : UnitState.RECEIVED),
            Optional.ofNullable(deliveredAt),
            deliveredAt == null));
  }

  /**
   * Delivered in January, so the return request of March is outside the 14-day period and owes
   * nothing at the first scan after its deadline; then the marketplace corrects the order (not
   * delivered after all): the policy applies and the answer is missed.
   */
  void judgedToOweNothingThenTheOrderIsCorrected() {
    world.clock.set(DUE.minus(Duration.ofHours(1)));
    deliverUnit11(Instant.parse("2026-01-10T12:00:00Z"));
    world.clock.set(DUE.plusSeconds(30));
    assertEquals(0, scheduler.enforceDue());
    world.clock.set(DUE.plusSeconds(45));
    deliverUnit11(null);
  }

  @Test
  void aReturnRequestThatOwesNothingIsJudgedAgainOnlyAfterTenMinutesWhileItIsUnchanged() {
    judgedToOweNothingThenTheOrderIsCorrected();
    world.clock.set(DUE.plusSeconds(60));
    assertEquals(0, scheduler.enforceDue(), "the unchanged ticket is not judged again yet");
    world.clock.set(DUE.plusSeconds(30).plus(ReturnOptionDeadlineService.REJUDGE_AFTER));
    assertEquals(1, scheduler.enforceDue());
    assertEquals(List.of(EventType.RETURN_POLICY_BREACHED), breaches(ticket));
  }

  @Test
  void aReturnRequestThatOwesNothingIsJudgedAgainAtTheNextTurnOnceTheTicketChanged() {
    judgedToOweNothingThenTheOrderIsCorrected();
    world.tickets.post(
        Actor.buyer(World.ERIKA),
        new PostMessageUseCase.Command(
            ticket.number(),
            MessageText.of("Any news?"),
            null,
            false,
            null,
            null,
            false,
            null,
            null));
    world.clock.set(DUE.plusSeconds(60));
    assertEquals(1, scheduler.enforceDue());
    assertEquals(List.of(EventType.RETURN_POLICY_BREACHED), breaches(ticket));
  }

  @Test
  void aMarkedTicketsMissedAnswerIsSanctionedEvenAfterAnEarlierOutcome() {
    // The first response came in time with a valid option (outcome: satisfied) ...
    world.clock.set(DUE.minus(Duration.ofHours(30)));
    answerWithAnOption(ticket);
    // ... then customer service marks it again with the intent stated: the next answer owes one.
    Instant mark = DUE.minus(Duration.ofHours(29));
    world.clock.set(mark);
    Ticket marked =
        world
            .core
            .markReturnRequest()
            .markReturnRequest(
                Actor.customerService(),
                new MarkReturnRequestUseCase.Command(ticket.number(), ReturnIntent.REFUND, null));
    Instant due = marked.returnOptionDueAt();
    world.clock.set(due.plusSeconds(1));

    assertEquals(1, scheduler.enforceDue());

    assertTrue(
        world
            .store
            .returnPolicyOutcomes()
            .find(seller.id(), ticket.number())
            .orElseThrow()
            .breached());
    assertFalse(now(ticket).owesReturnOption());
    assertEquals(List.of(EventType.RETURN_POLICY_BREACHED), breaches(ticket));
    assertEquals(0, scheduler.enforceDue());
    var later = world.post(Actor.seller(seller.id()), ticket.number(), "Any news?", false);
    assertEquals(List.of(), later.warnings());
  }

  /** A second instance of the core on the same store (another node). */
  EnforceReturnOptionDeadlinesUseCase otherInstance(String node) {
    return new TicketdeskCore(
            world.ports,
            Carriers.none(),
            DefaultTextModuleSource.none(),
            PublicHolidays.none(),
            world.clock,
            CoreSettings.defaults().withNode(node))
        .enforceReturnOptionDeadlines();
  }

  @Test
  void instancesRacingRecordEachConsequenceOnce() throws Exception {
    List<Ticket> more = new ArrayList<>();
    for (long unit = 100; unit < 120; unit++) {
      world.order(seller, World.ERIKA, "DX" + unit, Storefront.DE, unit);
      more.add(returnRequest(unit));
    }
    world.clock.set(DUE.plusSeconds(1));
    List<EnforceReturnOptionDeadlinesUseCase> instances =
        List.of(scheduler, otherInstance("node-b"), otherInstance("node-c"));
    ExecutorService pool = Executors.newFixedThreadPool(instances.size());
    int recorded = 0;
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (EnforceReturnOptionDeadlinesUseCase s : instances) {
          runs.add(pool.submit((Callable<Integer>) s::enforceDue));
        }
      }
      for (Future<Integer> f : runs) {
        recorded += f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    for (EnforceReturnOptionDeadlinesUseCase s : instances) {
      recorded += s.enforceDue(); // whatever lost a race is recorded now, once
    }
    assertEquals(21, recorded);
    assertEquals(List.of(EventType.RETURN_POLICY_BREACHED), breaches(ticket));
    for (Ticket t : more) {
      assertEquals(List.of(EventType.RETURN_POLICY_BREACHED), breaches(t));
    }
  }

  @Test
  void aDeadInstancesClaimIsTakenOverWhenItsLeaseRunsOut() {
    world.clock.set(DUE.plusSeconds(1));
    Instant now = world.clock.instant();
    // Another node took the scan and died without a word.
    assertTrue(
        world
            .store
            .leases()
            .acquire(
                ReturnOptionDeadlineService.LEASE,
                "node-dead",
                now,
                now.plus(ReturnOptionDeadlineService.LEASE_TIME))
            .isPresent());
    assertEquals(0, scheduler.enforceDue());
    assertEquals(List.of(), breaches(ticket));

    world.clock.set(now.plus(ReturnOptionDeadlineService.LEASE_TIME).plusSeconds(1));
    assertEquals(1, scheduler.enforceDue());
    assertEquals(List.of(EventType.RETURN_POLICY_BREACHED), breaches(ticket));
    // The finished scan freed the lease: another node may scan the next turn at once.
    assertEquals(0, otherInstance("node-b").enforceDue());
    assertTrue(
        world
            .store
            .leases()
            .acquire(ReturnOptionDeadlineService.LEASE, "node-x", now, now.plusSeconds(1))
            .isEmpty());
  }
}
