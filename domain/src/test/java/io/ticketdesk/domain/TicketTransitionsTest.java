package io.ticketdesk.domain;

import static io.ticketdesk.domain.Fixtures.BUYER;
import static io.ticketdesk.domain.Fixtures.NUMBER;
import static io.ticketdesk.domain.Fixtures.ORDER_NUMBER;
import static io.ticketdesk.domain.Fixtures.SELLER;
import static io.ticketdesk.domain.Fixtures.UNIT_1;
import static io.ticketdesk.domain.Fixtures.WEEKDAYS;
import static io.ticketdesk.domain.Fixtures.berlin;
import static io.ticketdesk.domain.Fixtures.opening;
import static io.ticketdesk.domain.Fixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every transition of a ticket, and every forbidden one. */
class TicketTransitionsTest {
  /** Monday 2 March 2026, 10:00 in Berlin. */
  static final Instant MONDAY_10 = berlin("2026-03-02T10:00");

  static final Instant MONDAY_11 = berlin("2026-03-02T11:00");
  static final Instant MONDAY_12 = berlin("2026-03-02T12:00");
  static final Instant TUESDAY_09 = berlin("2026-03-03T09:00");
  static final Instant WEDNESDAY_10 = berlin("2026-03-04T10:00");
  static final Instant THURSDAY_15 = berlin("2026-03-05T15:00");

  static Ticket openedByBuyer() {
    return Ticket.openedByBuyer(NUMBER, opening(), MONDAY_10, WEEKDAYS);
  }

  /** A ticket the buyer opened and the seller answered on Monday 11:00. */
  static Ticket answered() {
    return openedByBuyer().onMessage(AuthorRole.SELLER, false, MONDAY_11, WEEKDAYS);
  }

  static Ticket openedBySeller() {
    return Ticket.openedBySeller(NUMBER, opening(), MONDAY_10);
  }

  /** A ticket the seller handed to customer service, which now leads it. */
  static Ticket customerServiceLeads() {
    Ticket t = openedByBuyer();
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
        TicketStatus.WAITING,
        WaitingOn.CUSTOMER_SERVICE,
        false,
        t.createdAt(),
        MONDAY_11,
        null,
        null,
        null,
        null,
        null,
        null,
        2);
  }

  @Nested
  @DisplayName("A buyer opening a ticket")
  class BuyerOpens {
    @Test
    void opensItWithTheOrdersPartiesAndA48WorkingHourDeadline() {
      Ticket t = openedByBuyer();
      assertEquals(NUMBER, t.number());
      assertEquals(SELLER, t.sellerId());
      assertEquals(BUYER, t.buyerId());
      assertEquals(Storefront.DE, t.storefront());
      assertEquals(ORDER_NUMBER, t.orderNumber());
      assertEquals(List.of(UNIT_1), t.orderUnitIds());
      assertEquals(TicketReason.PRODUCT_DEFECT, t.reason());
      assertEquals(TicketTopic.ORDER_PRODUCT_DEFECT, t.topic());
      assertNull(t.returnIntent());
      assertEquals(TicketStatus.OPEN, t.status());
      assertNull(t.waitingOn());
      assertFalse(t.closedFinally());
      assertEquals(MONDAY_10, t.createdAt());
      assertEquals(MONDAY_10, t.updatedAt());
      assertEquals(MONDAY_10, t.openSince());
      assertEquals(WEDNESDAY_10, t.responseDueAt());
      assertNull(t.firstResponseAt());
      assertEquals(1, t.version());
      assertTrue(t.isOpen());
    }

    @Test
    void isOverdueOnlyAfterTheDeadline() {
      Ticket t = openedByBuyer();
      assertFalse(t.overdueAt(WEDNESDAY_10));
      assertTrue(t.overdueAt(WEDNESDAY_10.plusNanos(1)));
    }
  }

  @Nested
  @DisplayName("A seller opening a ticket to ask the buyer something")
  class SellerOpens {
    @Test
    void waitsForTheBuyerWithoutADeadline() {
      Ticket t = openedBySeller();
      assertEquals(TicketStatus.WAITING, t.status());
      assertEquals(WaitingOn.BUYER, t.waitingOn());
      assertNull(t.openSince());
      assertNull(t.responseDueAt());
      assertNull(t.firstResponseAt());
      assertEquals(MONDAY_10, t.createdAt());
      assertEquals(MONDAY_10, t.updatedAt());
      assertEquals(1, t.version());
      assertFalse(t.overdueAt(Instant.parse("2030-01-01T00:00:00Z")));
    }
  }

  @Nested
  @DisplayName("A seller answering")
  class SellerAnswers {
    @Test
    void anOpenTicketWaitsForTheBuyerAndRecordsTheFirstResponse() {
      Ticket t = openedByBuyer().onMessage(AuthorRole.SELLER, false, MONDAY_12, WEEKDAYS);
      assertEquals(TicketStatus.WAITING, t.status());
      assertEquals(WaitingOn.BUYER, t.waitingOn());
      assertNull(t.openSince());
      assertNull(t.responseDueAt());
      assertEquals(MONDAY_12, t.firstResponseAt());
      assertEquals(MONDAY_12, t.updatedAt());
      assertEquals(2, t.version());
    }

    @Test
    void recordsTheFirstResponseOnlyOnce() {
      Ticket t =
          openedByBuyer()
              .onMessage(AuthorRole.SELLER, false, MONDAY_11, WEEKDAYS)
              .onMessage(AuthorRole.BUYER, false, MONDAY_12, WEEKDAYS)
              .onMessage(AuthorRole.SELLER, false, TUESDAY_09, WEEKDAYS);
      assertEquals(MONDAY_11, t.firstResponseAt());
      assertEquals(TicketStatus.WAITING, t.status());
      assertEquals(4, t.version());
    }

    @Test
    void aTicketAlreadyWaitingForTheBuyerRecordsNoFirstResponse() {
      Ticket t = openedBySeller().onMessage(AuthorRole.SELLER, false, MONDAY_12, WEEKDAYS);
      assertNull(t.firstResponseAt());
      assertEquals(TicketStatus.WAITING, t.status());
      assertEquals(WaitingOn.BUYER, t.waitingOn());
      assertEquals(2, t.version());
    }

    @Test
    void aClosedTicketIsRefused() {
      Ticket closed = answered().close(AuthorRole.SELLER, null, MONDAY_11);
      refused(
          ErrorCode.TICKET_CLOSED,
          () -> closed.onMessage(AuthorRole.SELLER, false, MONDAY_12, WEEKDAYS));
    }

    @Test
    void whileCustomerServiceLeadsIsAConflict() {
      Ticket t = customerServiceLeads();
      refused(ErrorCode.CONFLICT, () -> t.onMessage(AuthorRole.SELLER, false, MONDAY_12, WEEKDAYS));
    }
  }

  @Nested
  @DisplayName("A buyer writing")
  class BuyerWrites {
    @Test
    void aWaitingTicketBecomesOpenWithAFreshDeadline() {
      Ticket answered = openedByBuyer().onMessage(AuthorRole.SELLER, false, MONDAY_11, WEEKDAYS);
      Ticket t = answered.onMessage(AuthorRole.BUYER, false, TUESDAY_09, WEEKDAYS);
      assertEquals(TicketStatus.OPEN, t.status());
      assertNull(t.waitingOn());
      assertEquals(TUESDAY_09, t.openSince());
      assertEquals(berlin("2026-03-05T09:00"), t.responseDueAt());
      assertEquals(MONDAY_11, t.firstResponseAt());
      assertEquals(3, t.version());
    }

    @Test
    void anOpenTicketKeepsTheRunningDeadline() {
      Ticket t = openedByBuyer().onMessage(AuthorRole.BUYER, false, TUESDAY_09, WEEKDAYS);
      assertEquals(TicketStatus.OPEN, t.status());
      assertEquals(MONDAY_10, t.openSince());
      assertEquals(WEDNESDAY_10, t.responseDueAt());
      assertEquals(TUESDAY_09, t.updatedAt());
      assertEquals(2, t.version());
    }

    @Test
    void reopensATicketTheSellerClosed() {
      Ticket closed = answered().close(AuthorRole.SELLER, null, MONDAY_11);
      Ticket t = closed.onMessage(AuthorRole.BUYER, false, THURSDAY_15, WEEKDAYS);
      assertEquals(TicketStatus.OPEN, t.status());
      assertNull(t.waitingOn());
      assertFalse(t.closedFinally());
      assertEquals(THURSDAY_15, t.openSince());
      assertEquals(berlin("2026-03-09T15:00"), t.responseDueAt());
      assertEquals(WEDNESDAY_10, t.firstResponseDueAt());
      assertEquals(4, t.version());
    }

    @Test
    void isRefusedWhenCustomerServiceClosedTheTicketFinally() {
      Ticket closed =
          openedByBuyer()
              .close(AuthorRole.CUSTOMER_SERVICE, ClosingReason.of("duplicate"), MONDAY_11);
      assertTrue(closed.closedFinally());
      DomainException e =
          refused(
              ErrorCode.TICKET_CLOSED,
              () -> closed.onMessage(AuthorRole.BUYER, false, MONDAY_12, WEEKDAYS));
      assertTrue(e.getMessage().contains("finally"), e.getMessage());
    }

    @Test
    void whileCustomerServiceLeadsStaysWithCustomerService() {
      Ticket t = customerServiceLeads().onMessage(AuthorRole.BUYER, false, MONDAY_12, WEEKDAYS);
      assertEquals(TicketStatus.WAITING, t.status());
      assertEquals(WaitingOn.CUSTOMER_SERVICE, t.waitingOn());
      assertNull(t.responseDueAt());
      assertEquals(3, t.version());
    }

    @Test
    void cannotWriteAnInternalNote() {
      Ticket t = openedByBuyer();
      refused(ErrorCode.VALIDATION, () -> t.onMessage(AuthorRole.BUYER, true, MONDAY_12, WEEKDAYS));
    }
  }

  @Nested
  @DisplayName("An internal note")
  class InternalNote {
    @ParameterizedTest
    @EnumSource(
        value = AuthorRole.class,
        names = {"SELLER", "CUSTOMER_SERVICE", "SYSTEM"})
    void changesNothingTheBuyerSeesNeitherVersionNorUpdatedAt(AuthorRole author) {
      Ticket before = openedByBuyer();
      Ticket t = before.onMessage(author, true, MONDAY_12, WEEKDAYS);
      assertEquals(before, t);
      assertEquals(TicketStatus.OPEN, t.status());
      assertNull(t.firstResponseAt());
      assertEquals(before.updatedAt(), t.updatedAt());
      assertEquals(1, t.version());
    }

    @Test
    void fromTheSellerIsAllowedWhileCustomerServiceLeads() {
      Ticket t = customerServiceLeads().onMessage(AuthorRole.SELLER, true, MONDAY_12, WEEKDAYS);
      assertEquals(WaitingOn.CUSTOMER_SERVICE, t.waitingOn());
      assertEquals(2, t.version());
    }

    @Test
    void onAClosedTicketKeepsItClosed() {
      Ticket t =
          answered()
              .close(AuthorRole.SELLER, null, MONDAY_11)
              .onMessage(AuthorRole.SELLER, true, MONDAY_12, WEEKDAYS);
      assertEquals(TicketStatus.CLOSED, t.status());
      assertEquals(3, t.version(), "answered (2), closed (3), the note changes nothing");
    }
  }

  @Nested
  @DisplayName("Customer service and system messages")
  class OtherAuthors {
    @Test
    void customerServiceWritingChangesNoStatus() {
      Ticket t =
          customerServiceLeads().onMessage(AuthorRole.CUSTOMER_SERVICE, false, MONDAY_12, WEEKDAYS);
      assertEquals(TicketStatus.WAITING, t.status());
      assertEquals(WaitingOn.CUSTOMER_SERVICE, t.waitingOn());
      assertEquals(3, t.version());
    }

    @Test
    void customerServiceCannotWriteOnAClosedTicket() {
      Ticket closed = answered().close(AuthorRole.SELLER, null, MONDAY_11);
      refused(
          ErrorCode.TICKET_CLOSED,
          () -> closed.onMessage(AuthorRole.CUSTOMER_SERVICE, false, MONDAY_12, WEEKDAYS));
    }

    @Test
    void aSystemMessageChangesNoStatus() {
      Ticket t = openedByBuyer().onMessage(AuthorRole.SYSTEM, false, MONDAY_12, WEEKDAYS);
      assertEquals(TicketStatus.OPEN, t.status());
      assertEquals(WEDNESDAY_10, t.responseDueAt());
      assertEquals(2, t.version());
    }
  }

  @Nested
  @DisplayName("Closing")
  class Closing {
    @Test
    void byTheSellerClosesNotFinally() {
      Ticket t = answered().close(AuthorRole.SELLER, null, MONDAY_12);
      assertEquals(TicketStatus.CLOSED, t.status());
      assertNull(t.waitingOn());
      assertNull(t.openSince());
      assertNull(t.responseDueAt());
      assertFalse(t.closedFinally());
      assertEquals(MONDAY_12, t.updatedAt());
      assertEquals(3, t.version());
      assertFalse(t.overdueAt(Instant.parse("2030-01-01T00:00:00Z")));
    }

    @Test
    void byCustomerServiceClosesFinally() {
      Ticket t = customerServiceLeads().close(AuthorRole.CUSTOMER_SERVICE, null, MONDAY_12);
      assertEquals(TicketStatus.CLOSED, t.status());
      assertTrue(t.closedFinally());
      assertEquals(3, t.version());
    }

    @Test
    void keepsTheFirstResponse() {
      Ticket t =
          openedByBuyer()
              .onMessage(AuthorRole.SELLER, false, MONDAY_11, WEEKDAYS)
              .close(AuthorRole.SELLER, null, MONDAY_12);
      assertEquals(MONDAY_11, t.firstResponseAt());
    }

    @ParameterizedTest
    @EnumSource(
        value = AuthorRole.class,
        names = {"SELLER", "CUSTOMER_SERVICE"})
    void twiceIsRefusedAsClosed(AuthorRole by) {
      Ticket closed = answered().close(by, null, MONDAY_11);
      refused(ErrorCode.TICKET_CLOSED, () -> closed.close(by, null, MONDAY_12));
    }

    @ParameterizedTest
    @EnumSource(
        value = AuthorRole.class,
        names = {"BUYER", "SYSTEM"})
    void byAnyoneElseIsForbidden(AuthorRole by) {
      Ticket t = openedByBuyer();
      refused(ErrorCode.FORBIDDEN, () -> t.close(by, null, MONDAY_12));
    }

    @Test
    void byTheSellerWhileCustomerServiceLeadsIsAConflict() {
      Ticket t = customerServiceLeads();
      refused(ErrorCode.CONFLICT, () -> t.close(AuthorRole.SELLER, null, MONDAY_12));
    }
  }

  @Nested
  @DisplayName("Versions and timestamps")
  class VersionsAndTimestamps {
    @Test
    void everyChangeIncrementsTheVersionByOne() {
      Ticket t = openedByBuyer();
      long v = t.version();
      t = t.onMessage(AuthorRole.SELLER, false, MONDAY_11, WEEKDAYS);
      assertEquals(v + 1, t.version());
      t = t.onMessage(AuthorRole.SELLER, true, MONDAY_11, WEEKDAYS);
      assertEquals(v + 1, t.version(), "an internal note is no change of the ticket");
      t = t.onMessage(AuthorRole.BUYER, false, MONDAY_12, WEEKDAYS);
      assertEquals(v + 2, t.version());
      t = t.close(AuthorRole.SELLER, null, MONDAY_12);
      assertEquals(v + 3, t.version());
      t = t.onMessage(AuthorRole.BUYER, false, TUESDAY_09, WEEKDAYS);
      assertEquals(v + 4, t.version());
      t = t.withRecomputedDeadline(WEEKDAYS);
      assertEquals(v + 5, t.version());
    }

    @Test
    void updatedAtNeverGoesBackwards() {
      Ticket t = openedByBuyer().onMessage(AuthorRole.SELLER, false, TUESDAY_09, WEEKDAYS);
      Ticket earlier = t.onMessage(AuthorRole.BUYER, false, MONDAY_11, WEEKDAYS);
      assertEquals(TUESDAY_09, earlier.updatedAt());
      Ticket closedEarlier = earlier.close(AuthorRole.SELLER, null, MONDAY_12);
      assertEquals(TUESDAY_09, closedEarlier.updatedAt());
      Ticket noteEarlier = closedEarlier.onMessage(AuthorRole.SELLER, true, MONDAY_10, WEEKDAYS);
      assertEquals(TUESDAY_09, noteEarlier.updatedAt());
    }

    @Test
    void theCreationTimeNeverChanges() {
      Ticket t =
          openedByBuyer()
              .onMessage(AuthorRole.SELLER, false, MONDAY_11, WEEKDAYS)
              .close(AuthorRole.SELLER, null, TUESDAY_09);
      assertEquals(MONDAY_10, t.createdAt());
    }
  }

  @Nested
  @DisplayName("Recomputing the deadline")
  class RecomputingTheDeadline {
    @Test
    void ofAnOpenTicketUsesTheNewCalendarFromTheSameStart() {
      Ticket t = openedByBuyer();
      Ticket recomputed =
          t.withRecomputedDeadline(
              new ResponseDeadline(Fixtures.holidays(Storefront.DE, "2026-03-03")));
      assertEquals(MONDAY_10, recomputed.openSince());
      assertEquals(berlin("2026-03-05T10:00"), recomputed.responseDueAt());
      assertEquals(t.updatedAt(), recomputed.updatedAt());
      assertEquals(2, recomputed.version());
    }

    @Test
    void ofATicketThatIsNotOpenChangesNothing() {
      Ticket waiting = openedBySeller();
      assertSame(waiting, waiting.withRecomputedDeadline(WEEKDAYS));
    }
  }

  @Nested
  @DisplayName("The ticket's invariants")
  class Invariants {
    @Test
    void aWaitingTicketNeedsWaitingOn() {
      Ticket t = openedBySeller();
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class,
          () ->
              new Ticket(
                  t.number(),
                  t.sellerId(),
                  t.buyerId(),
                  t.storefront(),
                  t.orderNumber(),
                  t.orderUnitIds(),
                  t.reason(),
                  t.topic(),
                  t.returnIntent(),
                  TicketStatus.WAITING,
                  null,
                  false,
                  t.createdAt(),
                  t.updatedAt(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  1));
    }

    @Test
    void anOpenTicketNeedsADeadline() {
      Ticket t = openedBySeller();
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class,
          () ->
              new Ticket(
                  t.number(),
                  t.sellerId(),
                  t.buyerId(),
                  t.storefront(),
                  t.orderNumber(),
                  t.orderUnitIds(),
                  t.reason(),
                  t.topic(),
                  t.returnIntent(),
                  TicketStatus.OPEN,
                  null,
                  false,
                  t.createdAt(),
                  t.updatedAt(),
                  MONDAY_10,
                  null,
                  null,
                  null,
                  null,
                  null,
                  1));
    }

    @Test
    void aClosedTicketHasNoDeadline() {
      Ticket t = openedBySeller();
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class,
          () ->
              new Ticket(
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
                  t.updatedAt(),
                  MONDAY_10,
                  WEDNESDAY_10,
                  null,
                  null,
                  null,
                  null,
                  1));
    }

    @Test
    void theUnitListIsACopy() {
      java.util.ArrayList<OrderUnitId> ids = new java.util.ArrayList<>(List.of(UNIT_1));
      Ticket t = openedBySeller();
      Ticket copy =
          new Ticket(
              t.number(),
              t.sellerId(),
              t.buyerId(),
              t.storefront(),
              t.orderNumber(),
              ids,
              t.reason(),
              t.topic(),
              t.returnIntent(),
              t.status(),
              t.waitingOn(),
              false,
              t.createdAt(),
              t.updatedAt(),
              null,
              null,
              null,
              null,
              null,
              null,
              1);
      ids.add(Fixtures.UNIT_2);
      assertEquals(List.of(UNIT_1), copy.orderUnitIds());
    }
  }
}
