package io.ticketdesk.domain;

import static io.ticketdesk.domain.Fixtures.WEEKDAYS;
import static io.ticketdesk.domain.Fixtures.berlin;
import static io.ticketdesk.domain.Fixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A return request's option-carrying answer that does not come by its deadline has the consequence
 * of a non-compliant first response, once; on a fixed clock (Berlin, weekdays only).
 */
class MissedOptionAnswerTest {
  static final ReturnOptionPolicy POLICY = ReturnOptionPolicy.withDefaults();

  /** Opened Monday 2 March 2026 10:00 (enforced): the first response is due Wednesday 10:00. */
  static final Instant OPENED = berlin("2026-03-02T10:00");

  static final Instant DUE = berlin("2026-03-04T10:00");

  static Order order() {
    return ReturnOptionPolicyTest.order(Storefront.DE, 5_999, OPENED.minus(Duration.ofDays(3)));
  }

  static Ticket returnRequest(Instant at) {
    return ReturnOptionPolicyTest.ticket(order(), TicketReason.PRODUCT_RETURN, null, at);
  }

  static Optional<MissedOptionAnswer> missed(Ticket t, boolean judged, Instant now) {
    return MissedOptionAnswer.of(POLICY, t, order(), List.of(), Optional.empty(), judged, now);
  }

  @Test
  void anUnansweredReturnRequestIsABreachJustAfterItsDeadlineOnce() {
    Ticket t = returnRequest(OPENED);
    assertEquals(Optional.of(DUE), t.optionAnswerDueAt());
    assertTrue(missed(t, false, DUE).isEmpty(), "due at the deadline itself, not yet missed");

    MissedOptionAnswer m = missed(t, false, DUE.plusSeconds(1)).orElseThrow();
    assertEquals(DUE, m.dueAt());
    assertEquals(ReturnOptionPolicy.Verdict.BREACH, m.verdict());

    Ticket after = t.optionAnswerMissed(DUE.plusSeconds(1));
    assertEquals(t.version() + 1, after.version());
    // Once the consequence is recorded (an outcome exists), nothing more is due.
    assertTrue(missed(after, true, DUE.plus(Duration.ofDays(3))).isEmpty());
  }

  @Test
  void inTheTransitionalPeriodTheConsequenceIsTheWarningJudgedOnTheDeadlinesDay() {
    // Opened Thursday 29 Jan 2026 10:00: due Monday 2 Feb 10:00, enforced from 1 Feb.
    Ticket early = returnRequest(berlin("2026-01-29T10:00"));
    assertEquals(Optional.of(berlin("2026-02-02T10:00")), early.optionAnswerDueAt());
    assertEquals(
        ReturnOptionPolicy.Verdict.BREACH,
        missed(early, false, berlin("2026-02-02T10:01")).orElseThrow().verdict());
    // Opened Tuesday 27 Jan 10:00: due Thursday 29 Jan 10:00, still transitional.
    Ticket transitional = returnRequest(berlin("2026-01-27T10:00"));
    assertEquals(
        ReturnOptionPolicy.Verdict.WARNING,
        missed(transitional, false, berlin("2026-02-05T10:00")).orElseThrow().verdict());
  }

  @Test
  void aDeadlineThatPassedBeforeThePolicyBeganNeverOwesAConsequence() {
    Ticket old = returnRequest(berlin("2025-03-03T10:00"));
    Instant later = berlin("2026-03-10T10:00");
    assertFalse(MissedOptionAnswer.mayBeDue(POLICY, old, later));
    assertTrue(missed(old, false, later).isEmpty());

    Ticket recent = returnRequest(OPENED);
    assertFalse(MissedOptionAnswer.mayBeDue(POLICY, recent, DUE), "not yet past its deadline");
    assertTrue(MissedOptionAnswer.mayBeDue(POLICY, recent, DUE.plusSeconds(1)));
    assertTrue(missed(recent, false, DUE.plusSeconds(1)).isPresent());
  }

  @Test
  void noConsequenceWithoutAnObligation() {
    Ticket repair =
        ReturnOptionPolicyTest.ticket(
            order(), TicketReason.PRODUCT_RETURN, ReturnIntent.REPAIR, OPENED);
    assertTrue(missed(repair, false, DUE.plusSeconds(1)).isEmpty());
    Ticket defect =
        ReturnOptionPolicyTest.ticket(order(), TicketReason.PRODUCT_DEFECT, null, OPENED);
    assertTrue(missed(defect, false, DUE.plusSeconds(1)).isEmpty());
    Ticket answered =
        returnRequest(OPENED).onMessage(AuthorRole.SELLER, false, OPENED.plusSeconds(60), WEEKDAYS);
    assertTrue(answered.optionAnswerDueAt().isEmpty());
    assertTrue(missed(answered, false, DUE.plusSeconds(1)).isEmpty());
    // Refunded in full from the action menu: that is a refund without return.
    Order order = order();
    OrderUnit unit = order.units().get(0);
    LedgerEntry refund =
        new LedgerEntry(
            1,
            Fixtures.SELLER,
            order.number(),
            unit.id(),
            LedgerEntry.Kind.REFUND,
            unit.price(),
            CostBearer.SELLER,
            "other_refund",
            Fixtures.NUMBER,
            AuthorRole.SELLER,
            OPENED);
    assertTrue(
        MissedOptionAnswer.of(
                POLICY,
                returnRequest(OPENED),
                order,
                List.of(refund),
                Optional.empty(),
                false,
                DUE.plusSeconds(1))
            .isEmpty());
  }

  @Test
  void whileCustomerServiceLeadsOrTheTicketIsClosedTheSellerOwesNothing() {
    Ticket escalated = returnRequest(OPENED).escalate(OPENED.plusSeconds(60));
    assertTrue(escalated.optionAnswerDueAt().isEmpty());
    assertTrue(missed(escalated, false, DUE.plusSeconds(1)).isEmpty());
    // Handed back: the seller's answer is due 48 working hours after the hand-back.
    Instant back = berlin("2026-03-05T09:00");
    Ticket handedBack = escalated.handBack(back, WEEKDAYS);
    assertEquals(Optional.of(berlin("2026-03-09T09:00")), handedBack.optionAnswerDueAt());
    assertTrue(missed(handedBack, false, berlin("2026-03-09T09:00")).isEmpty());
    assertTrue(missed(handedBack, false, berlin("2026-03-09T09:01")).isPresent());

    Ticket closed =
        returnRequest(OPENED)
            .close(AuthorRole.CUSTOMER_SERVICE, ClosingReason.of("settled by phone"), OPENED);
    assertTrue(missed(closed, false, DUE.plusSeconds(1)).isEmpty());
  }

  @Test
  void afterAMarkTheNextAnswerIsDueFortyEightWorkingHoursLaterAndSettledByTheConsequence() {
    Ticket defect =
        ReturnOptionPolicyTest.ticket(order(), TicketReason.PRODUCT_DEFECT, null, OPENED)
            .onMessage(AuthorRole.SELLER, false, OPENED.plusSeconds(60), WEEKDAYS);
    Instant mark = berlin("2026-03-03T12:00");
    Ticket marked =
        defect.markReturnRequest(AuthorRole.SELLER, ReturnIntent.REFUND, mark, WEEKDAYS);
    Instant due = berlin("2026-03-05T12:00");
    assertEquals(Optional.of(due), marked.optionAnswerDueAt());
    // The first response was judged long ago: the mark's answer is owed all the same.
    assertTrue(missed(marked, true, due).isEmpty());
    assertEquals(
        ReturnOptionPolicy.Verdict.BREACH,
        missed(marked, true, due.plusSeconds(1)).orElseThrow().verdict());

    Ticket settled = marked.optionAnswerMissed(due.plusSeconds(1));
    assertFalse(settled.owesReturnOption());
    assertTrue(settled.optionAnswerDueAt().isEmpty());
    refused(ErrorCode.CONFLICT, () -> settled.optionAnswerMissed(due.plusSeconds(2)));
    // A later answer owes no option and is no first response: nothing more.
    Ticket answered = settled.onMessage(AuthorRole.SELLER, false, due.plusSeconds(60), WEEKDAYS);
    assertTrue(missed(answered, false, due.plus(Duration.ofDays(5))).isEmpty());
  }

  @Test
  void aSellerCannotCloseAMarkedTicketBeforeAnsweringCustomerServiceWithAReason() {
    Ticket marked =
        ReturnOptionPolicyTest.ticket(order(), TicketReason.PRODUCT_DEFECT, null, OPENED)
            .onMessage(AuthorRole.SELLER, false, OPENED.plusSeconds(60), WEEKDAYS)
            .markReturnRequest(
                AuthorRole.CUSTOMER_SERVICE, null, OPENED.plusSeconds(120), WEEKDAYS);
    refused(
        ErrorCode.CONFLICT, () -> marked.close(AuthorRole.SELLER, null, OPENED.plusSeconds(180)));
    refused(
        ErrorCode.VALIDATION,
        () -> marked.close(AuthorRole.CUSTOMER_SERVICE, null, OPENED.plusSeconds(180)));
    Ticket closed =
        marked.close(
            AuthorRole.CUSTOMER_SERVICE,
            ClosingReason.of("refunded by CS"),
            OPENED.plusSeconds(180));
    assertTrue(closed.optionAnswerDueAt().isEmpty());
  }
}
