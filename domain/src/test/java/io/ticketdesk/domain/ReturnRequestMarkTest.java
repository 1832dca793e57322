package io.ticketdesk.domain;

import static io.ticketdesk.domain.Fixtures.WEEKDAYS;
import static io.ticketdesk.domain.Fixtures.berlin;
import static io.ticketdesk.domain.Fixtures.refused;
import static io.ticketdesk.domain.TicketTransitionsTest.MONDAY_11;
import static io.ticketdesk.domain.TicketTransitionsTest.MONDAY_12;
import static io.ticketdesk.domain.TicketTransitionsTest.WEDNESDAY_10;
import static io.ticketdesk.domain.TicketTransitionsTest.answered;
import static io.ticketdesk.domain.TicketTransitionsTest.openedByBuyer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The seller or customer service marks a ticket as a return request later: the seller's next answer
 * to the buyer owes a valid return option, due 48 working hours after the mark.
 */
class ReturnRequestMarkTest {
  @Test
  void aTicketWaitingOnTheBuyerIsOpenAgainWithADeadlineFromTheMark() {
    Ticket t = answered(); // defect ticket, answered Monday 11:00, waits on the buyer
    Ticket marked =
        t.markReturnRequest(AuthorRole.SELLER, ReturnIntent.REFUND, MONDAY_12, WEEKDAYS);

    assertEquals(TicketReason.PRODUCT_RETURN, marked.reason());
    assertEquals(ReturnIntent.REFUND, marked.returnIntent());
    assertEquals(TicketStatus.OPEN, marked.status());
    assertEquals(berlin("2026-03-04T12:00"), marked.responseDueAt());
    assertEquals(berlin("2026-03-04T12:00"), marked.returnOptionDueAt());
    assertTrue(marked.owesReturnOption());
    // The KPI stays judged on the first deadline and the first response.
    assertEquals(t.firstResponseDueAt(), marked.firstResponseDueAt());
    assertEquals(t.firstResponseAt(), marked.firstResponseAt());
  }

  @Test
  void anOpenTicketKeepsItsRunningDeadline() {
    Ticket marked =
        openedByBuyer().markReturnRequest(AuthorRole.CUSTOMER_SERVICE, null, MONDAY_11, WEEKDAYS);
    assertEquals(WEDNESDAY_10, marked.responseDueAt());
    assertEquals(berlin("2026-03-04T11:00"), marked.returnOptionDueAt());
    assertNull(marked.returnIntent());
  }

  @Test
  void theSellersNextAnswerToTheBuyerSettlesIt() {
    Ticket marked = answered().markReturnRequest(AuthorRole.SELLER, null, MONDAY_12, WEEKDAYS);
    Ticket note = marked.onMessage(AuthorRole.SELLER, true, MONDAY_12, WEEKDAYS);
    assertTrue(note.owesReturnOption());
    Ticket replied = marked.onMessage(AuthorRole.SELLER, false, MONDAY_12, WEEKDAYS);
    assertFalse(replied.owesReturnOption());
    assertEquals(TicketStatus.WAITING, replied.status());
  }

  @Test
  void onlyTheSellerOrCustomerServiceMarksAnOpenOrWaitingTicketOnce() {
    Ticket t = answered();
    refused(
        ErrorCode.FORBIDDEN,
        () -> t.markReturnRequest(AuthorRole.BUYER, null, MONDAY_12, WEEKDAYS));
    Ticket closed = t.close(AuthorRole.SELLER, null, MONDAY_12);
    refused(
        ErrorCode.TICKET_CLOSED,
        () -> closed.markReturnRequest(AuthorRole.SELLER, null, MONDAY_12, WEEKDAYS));
    Ticket marked =
        t.markReturnRequest(AuthorRole.SELLER, ReturnIntent.REFUND, MONDAY_12, WEEKDAYS);
    refused(
        ErrorCode.CONFLICT,
        () ->
            marked.markReturnRequest(AuthorRole.SELLER, ReturnIntent.REFUND, MONDAY_12, WEEKDAYS));
    Ticket leads = openedByBuyer().escalate(MONDAY_11);
    refused(
        ErrorCode.CONFLICT,
        () -> leads.markReturnRequest(AuthorRole.SELLER, null, MONDAY_12, WEEKDAYS));
  }
}
