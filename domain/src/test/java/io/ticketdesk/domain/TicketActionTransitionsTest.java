package io.ticketdesk.domain;

import static io.ticketdesk.domain.Fixtures.WEEKDAYS;
import static io.ticketdesk.domain.Fixtures.berlin;
import static io.ticketdesk.domain.Fixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Notifying customer service, the handback, and actions on the order as ticket transitions. */
class TicketActionTransitionsTest {
  static final Instant FRIDAY_10 = berlin("2026-03-06T10:00");
  static final Instant FRIDAY_11 = berlin("2026-03-06T11:00");

  @Test
  void escalationMakesTheTicketWaitOnCustomerServiceAndStopsTheClock() {
    Ticket open = TicketTransitionsTest.openedByBuyer();

    Ticket escalated = open.escalate(TicketTransitionsTest.MONDAY_11);

    assertEquals(TicketStatus.WAITING, escalated.status());
    assertEquals(WaitingOn.CUSTOMER_SERVICE, escalated.waitingOn());
    assertTrue(escalated.customerServiceLeads());
    assertNull(escalated.responseDueAt());
    assertEquals(open.version() + 1, escalated.version());
    assertEquals(TicketTransitionsTest.MONDAY_11, escalated.updatedAt());
  }

  @Test
  void aTicketWaitingForTheBuyerCanBeEscalatedToo() {
    Ticket escalated =
        TicketTransitionsTest.openedBySeller().escalate(TicketTransitionsTest.MONDAY_11);
    assertTrue(escalated.customerServiceLeads());
  }

  @Test
  void aSecondEscalationWhileCustomerServiceLeadsIsAConflict() {
    Ticket leads = TicketTransitionsTest.openedByBuyer().escalate(TicketTransitionsTest.MONDAY_11);
    refused(ErrorCode.CONFLICT, () -> leads.escalate(TicketTransitionsTest.MONDAY_12));
  }

  @Test
  void aClosedTicketCannotBeEscalated() {
    Ticket closed =
        TicketTransitionsTest.answered()
            .close(AuthorRole.SELLER, null, TicketTransitionsTest.MONDAY_11);
    refused(ErrorCode.TICKET_CLOSED, () -> closed.escalate(TicketTransitionsTest.MONDAY_12));
  }

  @Test
  void theHandbackOpensTheTicketWithANewFortyEightWorkingHourDeadline() {
    Ticket leads = TicketTransitionsTest.openedByBuyer().escalate(berlin("2026-03-05T09:00"));

    Ticket back = leads.handBack(FRIDAY_10, WEEKDAYS);

    assertEquals(TicketStatus.OPEN, back.status());
    assertNull(back.waitingOn());
    assertEquals(FRIDAY_10, back.openSince());
    assertEquals(berlin("2026-03-10T10:00"), back.responseDueAt());
    assertEquals(leads.version() + 1, back.version());
  }

  @Test
  void onlyATicketCustomerServiceLeadsCanBeHandedBack() {
    Ticket open = TicketTransitionsTest.openedByBuyer();
    refused(ErrorCode.CONFLICT, () -> open.handBack(FRIDAY_10, WEEKDAYS));
    Ticket waitingForBuyer = TicketTransitionsTest.openedBySeller();
    refused(ErrorCode.CONFLICT, () -> waitingForBuyer.handBack(FRIDAY_10, WEEKDAYS));
    Ticket closed =
        open.escalate(FRIDAY_10)
            .close(
                AuthorRole.CUSTOMER_SERVICE,
                ClosingReason.of("resolved by customer service"),
                FRIDAY_11);
    refused(ErrorCode.TICKET_CLOSED, () -> closed.handBack(FRIDAY_11, WEEKDAYS));
  }

  @Test
  void customerServiceClosesAnEscalatedTicketFinallyAndTheBuyerCannotReopenIt() {
    Ticket closed =
        TicketTransitionsTest.openedByBuyer()
            .escalate(FRIDAY_10)
            .close(
                AuthorRole.CUSTOMER_SERVICE,
                ClosingReason.of("resolved by customer service"),
                FRIDAY_11);

    assertTrue(closed.closedFinally());
    refused(
        ErrorCode.TICKET_CLOSED,
        () -> closed.onMessage(AuthorRole.BUYER, false, FRIDAY_11, WEEKDAYS));
  }

  @Test
  void theSellerCannotCloseWhileCustomerServiceLeads() {
    Ticket leads = TicketTransitionsTest.openedByBuyer().escalate(FRIDAY_10);
    refused(ErrorCode.CONFLICT, () -> leads.close(AuthorRole.SELLER, null, FRIDAY_11));
  }

  @Test
  void anActionOnTheOrderKeepsTheStatusAndRaisesTheVersion() {
    Ticket open = TicketTransitionsTest.openedByBuyer();

    Ticket acted = open.recordAction(AuthorRole.SELLER, TicketTransitionsTest.MONDAY_11);

    assertEquals(TicketStatus.OPEN, acted.status());
    assertEquals(open.responseDueAt(), acted.responseDueAt());
    assertEquals(open.version() + 1, acted.version());
    assertEquals(TicketTransitionsTest.MONDAY_11, acted.updatedAt());
  }

  @Test
  void onAClosedTicketOnlyCustomerServiceActsOnTheOrder() {
    Ticket closed =
        TicketTransitionsTest.answered()
            .close(AuthorRole.SELLER, null, TicketTransitionsTest.MONDAY_11);

    refused(
        ErrorCode.TICKET_CLOSED,
        () -> closed.recordAction(AuthorRole.SELLER, TicketTransitionsTest.MONDAY_12));
    Ticket acted =
        closed.recordAction(AuthorRole.CUSTOMER_SERVICE, TicketTransitionsTest.MONDAY_12);
    assertTrue(acted.isClosed());
    assertFalse(acted.closedFinally());
    assertEquals(closed.version() + 1, acted.version());
  }
}
