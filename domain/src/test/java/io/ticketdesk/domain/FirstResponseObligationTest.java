package io.ticketdesk.domain;

import static io.ticketdesk.domain.Fixtures.WEEKDAYS;
import static io.ticketdesk.domain.Fixtures.berlin;
import static io.ticketdesk.domain.Fixtures.refused;
import static io.ticketdesk.domain.TicketTransitionsTest.MONDAY_11;
import static io.ticketdesk.domain.TicketTransitionsTest.THURSDAY_15;
import static io.ticketdesk.domain.TicketTransitionsTest.WEDNESDAY_10;
import static io.ticketdesk.domain.TicketTransitionsTest.answered;
import static io.ticketdesk.domain.TicketTransitionsTest.openedByBuyer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ticket's first response is owed from the first deadline on: a seller cannot close its way out
 * of it, customer service closes an unanswered ticket only with a reason, a close and a reopen keep
 * the first deadline, and the KPI counts silence past it as late.
 */
class FirstResponseObligationTest {

  @Test
  void aSellerCannotCloseATicketItNeverAnswered() {
    Ticket t = openedByBuyer();
    DomainException e =
        refused(ErrorCode.CONFLICT, () -> t.close(AuthorRole.SELLER, null, MONDAY_11));
    assertTrue(e.getMessage().contains("answer the buyer first"), e.getMessage());
    Ticket reopenedUnanswered =
        openedByBuyer().onMessage(AuthorRole.BUYER, false, MONDAY_11, WEEKDAYS);
    refused(ErrorCode.CONFLICT, () -> reopenedUnanswered.close(AuthorRole.SELLER, null, MONDAY_11));
  }

  @Test
  void aSellerClosesATicketItAnsweredOrOpenedItself() {
    assertTrue(answered().close(AuthorRole.SELLER, null, MONDAY_11).isClosed());
    assertTrue(
        TicketTransitionsTest.openedBySeller()
            .close(AuthorRole.SELLER, null, MONDAY_11)
            .isClosed());
  }

  @Test
  void customerServiceClosesAnUnansweredTicketOnlyWithAReason() {
    Ticket t = openedByBuyer();
    DomainException e =
        refused(ErrorCode.VALIDATION, () -> t.close(AuthorRole.CUSTOMER_SERVICE, null, MONDAY_11));
    assertEquals("reason", e.details().get("field"));
    Ticket closed =
        t.close(AuthorRole.CUSTOMER_SERVICE, ClosingReason.of("buyer withdrew"), MONDAY_11);
    assertTrue(closed.closedFinally());
    assertTrue(answered().close(AuthorRole.CUSTOMER_SERVICE, null, MONDAY_11).isClosed());
  }

  @Test
  void aClosingReasonIsNotBlankAndAtMostAThousandCharacters() {
    refused(ErrorCode.VALIDATION, () -> ClosingReason.of(" "));
    refused(ErrorCode.VALIDATION, () -> ClosingReason.of("x".repeat(1001)));
    assertEquals(1000, ClosingReason.of("x".repeat(1000)).value().length());
  }

  @Test
  void theFirstDeadlineIsSetWhenTheTicketOpensAndSurvivesACloseAndAReopen() {
    Ticket t = openedByBuyer();
    assertEquals(WEDNESDAY_10, t.firstResponseDueAt());
    assertTrue(t.owesFirstResponse());
    // A ticket closed unanswered (as the old rules allowed) and reopened by the buyer later.
    Ticket closed = closedUnanswered(t);
    Ticket reopened = closed.onMessage(AuthorRole.BUYER, false, THURSDAY_15, WEEKDAYS);
    assertEquals(berlin("2026-03-09T15:00"), reopened.responseDueAt());
    assertEquals(WEDNESDAY_10, reopened.firstResponseDueAt());

    Instant friday10 = berlin("2026-03-06T10:00");
    Ticket late = reopened.onMessage(AuthorRole.SELLER, false, friday10, WEEKDAYS);
    assertEquals(WEDNESDAY_10, late.firstResponseDueAt());
    assertFalse(late.firstResponseOnTime());
    // 48 h to Wednesday 10:00, then 48 h more to Friday 10:00.
    assertEquals(Duration.ofHours(96), late.firstResponseWorkingTime());
  }

  @Test
  void escalatingBeforeTheDeadlineWithdrawsItAndTheHandbackSetsANewOne() {
    Ticket leads = openedByBuyer().escalate(MONDAY_11);
    assertNull(leads.firstResponseDueAt());
    assertFalse(leads.owesFirstResponse());
    Instant friday10 = berlin("2026-03-06T10:00");
    Ticket back = leads.handBack(friday10, WEEKDAYS);
    assertEquals(berlin("2026-03-10T10:00"), back.firstResponseDueAt());
    Ticket answered =
        back.onMessage(AuthorRole.SELLER, false, berlin("2026-03-06T12:00"), WEEKDAYS);
    assertTrue(answered.firstResponseOnTime());
    assertEquals(Duration.ofHours(2), answered.firstResponseWorkingTime());
  }

  @Test
  void escalatingAfterTheDeadlineKeepsItOnRecord() {
    Ticket leads = openedByBuyer().escalate(THURSDAY_15);
    assertEquals(WEDNESDAY_10, leads.firstResponseDueAt());
    Ticket back = leads.handBack(berlin("2026-03-06T10:00"), WEEKDAYS);
    assertEquals(WEDNESDAY_10, back.firstResponseDueAt());
  }

  @Test
  void customerServiceClosingBeforeTheDeadlineWithdrawsItAfterwardsItStays() {
    ClosingReason why = ClosingReason.of("duplicate of another ticket");
    assertNull(
        openedByBuyer().close(AuthorRole.CUSTOMER_SERVICE, why, MONDAY_11).firstResponseDueAt());
    assertEquals(
        WEDNESDAY_10,
        openedByBuyer().close(AuthorRole.CUSTOMER_SERVICE, why, THURSDAY_15).firstResponseDueAt());
  }

  @Test
  void theKpiCountsATicketUnansweredPastItsFirstDeadlineAsLate() {
    Instant now = berlin("2026-03-20T10:00");
    List<FirstResponse> due = new ArrayList<>();
    for (int i = 0; i < 33; i++) {
      due.add(new FirstResponse(Storefront.DE, WEDNESDAY_10, null, null));
    }
    ResponseTimeFigures silent = ResponseTimeFigures.of(due, now, 33);
    assertEquals(33, silent.firstResponses());
    assertEquals(0, silent.onTimeFirstResponses());
    assertEquals(33, silent.unansweredLate());
    assertEquals(0.0, silent.onTimeRate());
    assertNull(silent.medianWorkingTime());

    due.add(new FirstResponse(Storefront.DE, WEDNESDAY_10, MONDAY_11, Duration.ofHours(1)));
    due.add(new FirstResponse(Storefront.DE, now.plusSeconds(60), null, null)); // not due yet
    ResponseTimeFigures mixed = ResponseTimeFigures.of(due, now, 33);
    assertEquals(34, mixed.firstResponses());
    assertEquals(1, mixed.onTimeFirstResponses());
    assertEquals(1.0 / 34, mixed.onTimeRate());
    assertEquals(Duration.ofHours(1), mixed.medianWorkingTime());
  }

  @Test
  void aFirstResponseIsJudgedAgainstItsDeadlineExactlyOnItIsOnTime() {
    assertTrue(
        new FirstResponse(Storefront.DE, WEDNESDAY_10, WEDNESDAY_10, Duration.ofHours(48))
            .onTime());
    assertFalse(
        new FirstResponse(
                Storefront.DE, WEDNESDAY_10, WEDNESDAY_10.plusNanos(1000), Duration.ofHours(48))
            .onTime());
    assertFalse(new FirstResponse(Storefront.DE, WEDNESDAY_10, null, null).judgedAt(WEDNESDAY_10));
    assertTrue(
        new FirstResponse(Storefront.DE, WEDNESDAY_10, null, null)
            .judgedAt(WEDNESDAY_10.plusSeconds(1)));
  }

  private static Ticket closedUnanswered(Ticket t) {
    return new Ticket(
        t.number(),
        t.sellerId(),
        t.buyerId(),
        t.storefront(),
        t.orderNumber(),
        t.orderUnitIds(),
        t.reason(),
        t.topic(),
        t.returnIntent(),
        TicketStatus.CLOSED,
        null,
        false,
        t.createdAt(),
        MONDAY_11,
        null,
        null,
        null,
        t.firstResponseDueAt(),
        null,
        null,
        t.version() + 1);
  }
}
