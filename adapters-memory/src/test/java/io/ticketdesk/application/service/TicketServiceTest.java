package io.ticketdesk.application.service;

import static io.ticketdesk.application.service.World.ERIKA;
import static io.ticketdesk.application.service.World.MAX;
import static io.ticketdesk.application.service.World.MONDAY_10_BERLIN;
import static io.ticketdesk.application.service.World.opening;
import static io.ticketdesk.application.service.World.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.in.ListMessagesUseCase;
import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.out.TicketQuery;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.ClosingReason;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.TicketTopic;
import io.ticketdesk.domain.WaitingOn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TicketServiceTest {
  /** Rack sells on de; its order A1 (units 1, 2) is Erika's; Other's order B1 (unit 3) is Max's. */
  final World w = new World();

  final Seller rack = w.seller("Rack GmbH", Storefront.DE);
  final Seller other = w.seller("Other", Storefront.DE);
  final Actor rackActor = Actor.seller(rack.id());
  final Actor otherActor = Actor.seller(other.id());

  TicketServiceTest() {
    w.order(rack, ERIKA, "A1", Storefront.DE, 1, 2);
    w.order(other, MAX, "B1", Storefront.DE, 3);
  }

  List<Message> storedMessages(Ticket t) {
    return w.store.messages().list(t.sellerId(), t.number(), true, 0, 1000);
  }

  @Nested
  @DisplayName("Opening a ticket")
  class Opening {
    @Test
    void byTheBuyerOnTheirOrderOpensItWithADeadlineAndTheFirstMessage() {
      OpenTicketUseCase.Opened opened =
          w.tickets.open(
              Actor.buyer(ERIKA),
              new OpenTicketUseCase.Command(
                  List.of(OrderUnitId.of(2)),
                  OrderNumber.of("A1"),
                  TicketReason.PRODUCT_RETURN,
                  TicketTopic.RETURN_REQUEST_LABEL,
                  ReturnIntent.REFUND,
                  MessageText.of("Please send a label")));
      Ticket t = opened.ticket();
      assertEquals(TicketNumber.of("00100000001"), t.number());
      assertEquals(rack.id(), t.sellerId());
      assertEquals(ERIKA, t.buyerId());
      assertEquals(OrderNumber.of("A1"), t.orderNumber());
      assertEquals(List.of(OrderUnitId.of(2)), t.orderUnitIds());
      assertEquals(TicketStatus.OPEN, t.status());
      assertEquals(MONDAY_10_BERLIN, t.createdAt());
      assertEquals(Instant.parse("2026-03-04T09:00:00Z"), t.responseDueAt());
      assertEquals(ReturnIntent.REFUND, t.returnIntent());
      assertEquals(Optional.of(t), w.store.tickets().find(t.number()));
      Message m = opened.message();
      assertEquals(AuthorRole.BUYER, m.authorRole());
      assertEquals("Please send a label", m.text().value());
      assertFalse(m.internal());
      assertEquals(List.of(m), storedMessages(t));
    }

    @Test
    void truncatesTheClockToMicroseconds() {
      w.clock.set(Instant.parse("2026-03-02T09:00:00.123456789Z"));
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      assertEquals(Instant.parse("2026-03-02T09:00:00.123456Z"), t.createdAt());
    }

    @Test
    void byTheBuyerOnAnotherBuyersOrderIsNotFoundAndUsesNoNumber() {
      refused(ErrorCode.NOT_FOUND, () -> w.open(Actor.buyer(MAX), 1));
      assertEquals(TicketNumber.of("00100000001"), w.open(Actor.buyer(ERIKA), 1).number());
    }

    @Test
    void byTheSellerOnItsOrderWaitsForTheBuyer() {
      OpenTicketUseCase.Opened opened =
          w.tickets.open(rackActor, opening(1, "Which colour did you want?"));
      assertEquals(TicketStatus.WAITING, opened.ticket().status());
      assertEquals(WaitingOn.BUYER, opened.ticket().waitingOn());
      assertNull(opened.ticket().responseDueAt());
      assertEquals(AuthorRole.SELLER, opened.message().authorRole());
    }

    @Test
    void byTheSellerOnAnotherSellersOrderIsNotFound() {
      refused(ErrorCode.NOT_FOUND, () -> w.open(otherActor, 1));
      assertTrue(w.store.tickets().find(TicketNumber.fromSequence(1)).isEmpty());
    }

    @Test
    void byCustomerServiceOrTheMarketplaceIsForbidden() {
      refused(ErrorCode.FORBIDDEN, () -> w.open(Actor.customerService(), 1));
      refused(ErrorCode.FORBIDDEN, () -> w.open(Actor.marketplace(), 1));
    }

    @Test
    void withAnOrderNumberThatDoesNotHoldTheUnitIsAValidationError() {
      DomainException e =
          refused(
              ErrorCode.VALIDATION,
              () ->
                  w.tickets.open(
                      Actor.buyer(ERIKA),
                      new OpenTicketUseCase.Command(
                          List.of(OrderUnitId.of(1)),
                          OrderNumber.of("B1"),
                          TicketReason.PRODUCT_DEFECT,
                          null,
                          null,
                          MessageText.of("Broken"))));
      assertEquals(Map.of("field", "orderNumber"), e.details());
    }

    @Test
    void withUnitsOfTwoOrdersIsAValidationError() {
      w.order(rack, ERIKA, "A2", Storefront.DE, 4);
      DomainException e =
          refused(
              ErrorCode.VALIDATION,
              () ->
                  w.tickets.open(
                      Actor.buyer(ERIKA), opening(TicketReason.PRODUCT_DEFECT, "Broken", 1, 4)));
      assertEquals(Map.of("field", "orderUnitIds"), e.details());
    }

    @Test
    void onAnUnknownUnitIsNotFound() {
      refused(ErrorCode.NOT_FOUND, () -> w.open(Actor.buyer(ERIKA), 99));
    }

    @Test
    void withAReturnIntentButAnotherReasonIsAValidationError() {
      refused(
          ErrorCode.VALIDATION,
          () ->
              w.tickets.open(
                  Actor.buyer(ERIKA),
                  new OpenTicketUseCase.Command(
                      List.of(OrderUnitId.of(1)),
                      null,
                      TicketReason.PRODUCT_DEFECT,
                      null,
                      ReturnIntent.REPAIR,
                      MessageText.of("Broken"))));
    }
  }

  @Nested
  @DisplayName("Reading a ticket")
  class Reading {
    @Test
    void isLimitedToTheActorsTenancy() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      assertEquals(t, w.tickets.find(rackActor, t.number()));
      assertEquals(t, w.tickets.find(Actor.buyer(ERIKA), t.number()));
      assertEquals(t, w.tickets.find(Actor.customerService(), t.number()));
      assertEquals(t, w.tickets.find(Actor.marketplace(), t.number()));
      refused(ErrorCode.NOT_FOUND, () -> w.tickets.find(otherActor, t.number()));
      refused(ErrorCode.NOT_FOUND, () -> w.tickets.find(Actor.buyer(MAX), t.number()));
    }

    @Test
    void ofAnUnknownNumberIsNotFound() {
      refused(
          ErrorCode.NOT_FOUND,
          () -> w.tickets.find(Actor.customerService(), TicketNumber.of("00100000999")));
    }

    @Test
    void withoutAnActorIsUnauthenticated() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      refused(ErrorCode.UNAUTHENTICATED, () -> w.tickets.find(null, t.number()));
    }
  }

  @Nested
  @DisplayName("Writing messages")
  class Writing {
    @Test
    void theSellersAnswerMakesTheTicketWaitForTheBuyer() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      Instant later = w.clock.advance(Duration.ofHours(2));
      PostMessageUseCase.Posted p = w.post(rackActor, t.number(), "Sorry, here is a label", false);
      assertEquals(TicketStatus.WAITING, p.ticket().status());
      assertEquals(WaitingOn.BUYER, p.ticket().waitingOn());
      assertEquals(later, p.ticket().firstResponseAt());
      assertEquals(2, p.ticket().version());
      assertEquals(AuthorRole.SELLER, p.message().authorRole());
      assertEquals(later, p.message().createdAt());
      assertEquals(Optional.of(p.ticket()), w.store.tickets().find(t.number()));
      assertEquals(2, storedMessages(t).size());
    }

    @Test
    void aBuyerNeverSeesInternalNotes() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      w.post(rackActor, t.number(), "Customer seems upset", true);
      w.post(Actor.customerService(), t.number(), "CS note", true);
      w.post(rackActor, t.number(), "Here is a label", false);
      List<String> buyerSees =
          w.tickets.list(Actor.buyer(ERIKA), t.number(), null, null).items().stream()
              .map(m -> m.text().value())
              .toList();
      assertEquals(List.of("Hello", "Here is a label"), buyerSees);
      List<String> sellerSees =
          w.tickets.list(rackActor, t.number(), null, null).items().stream()
              .map(m -> m.text().value())
              .toList();
      assertEquals(
          List.of("Hello", "Customer seems upset", "CS note", "Here is a label"), sellerSees);
    }

    @Test
    void aBuyerCannotWriteAnInternalNote() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      DomainException e =
          refused(ErrorCode.VALIDATION, () -> w.post(Actor.buyer(ERIKA), t.number(), "x", true));
      assertEquals(Map.of("field", "internal"), e.details());
      assertEquals(1, storedMessages(t).size());
    }

    @Test
    void onAnotherSellersTicketIsNotFoundAndStoresNothing() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      refused(ErrorCode.NOT_FOUND, () -> w.post(otherActor, t.number(), "Hi", false));
      refused(ErrorCode.NOT_FOUND, () -> w.post(Actor.buyer(MAX), t.number(), "Hi", false));
      assertEquals(1, storedMessages(t).size());
      assertEquals(1, w.store.tickets().find(t.number()).orElseThrow().version());
    }

    @Test
    void byTheMarketplaceIsForbidden() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      refused(ErrorCode.FORBIDDEN, () -> w.post(Actor.marketplace(), t.number(), "Hi", false));
    }

    @Test
    void theBuyerReopensATicketTheSellerClosed() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      w.post(rackActor, t.number(), "Fixed, see the new part.", false);
      w.tickets.close(rackActor, t.number(), null, null);
      Instant later = w.clock.advance(Duration.ofDays(1));
      Ticket reopened = w.post(Actor.buyer(ERIKA), t.number(), "Still broken", false).ticket();
      assertEquals(TicketStatus.OPEN, reopened.status());
      assertEquals(later, reopened.openSince());
      assertEquals(Instant.parse("2026-03-05T09:00:00Z"), reopened.responseDueAt());
    }

    @Test
    void theBuyerCannotReopenATicketCustomerServiceClosedFinally() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      w.tickets.close(Actor.customerService(), t.number(), ClosingReason.of("duplicate"), null);
      refused(
          ErrorCode.TICKET_CLOSED, () -> w.post(Actor.buyer(ERIKA), t.number(), "Hello?", false));
      assertEquals(2, storedMessages(t).size());
    }

    @Test
    void aStaleIfMatchIsAFailedPrecondition() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      w.post(Actor.buyer(ERIKA), t.number(), "Any news?", false);
      DomainException e =
          refused(
              ErrorCode.PRECONDITION_FAILED,
              () ->
                  w.tickets.post(
                      rackActor,
                      new PostMessageUseCase.Command(
                          t.number(), MessageText.of("Answer"), false, 1L)));
      assertEquals(Map.of("currentVersion", 2L), e.details());
      assertEquals(2, storedMessages(t).size());
    }

    @Test
    void aMatchingIfMatchIsAccepted() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      PostMessageUseCase.Posted p =
          w.tickets.post(
              rackActor,
              new PostMessageUseCase.Command(t.number(), MessageText.of("Answer"), false, 1L));
      assertEquals(2, p.ticket().version());
    }
  }

  @Nested
  @DisplayName("Listing messages")
  class ListingMessages {
    @Test
    void pagesOldestFirst() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      for (int i = 1; i <= 4; i++) {
        w.post(Actor.buyer(ERIKA), t.number(), "m" + i, false);
      }
      ListMessagesUseCase.MessagePage p1 = w.tickets.list(rackActor, t.number(), 2, null);
      assertEquals(List.of("Hello", "m1"), p1.items().stream().map(m -> m.text().value()).toList());
      ListMessagesUseCase.MessagePage p2 =
          w.tickets.list(rackActor, t.number(), 2, p1.nextCursor());
      assertEquals(List.of("m2", "m3"), p2.items().stream().map(m -> m.text().value()).toList());
      ListMessagesUseCase.MessagePage p3 =
          w.tickets.list(rackActor, t.number(), 2, p2.nextCursor());
      assertEquals(List.of("m4"), p3.items().stream().map(m -> m.text().value()).toList());
      assertNull(p3.nextCursor());
    }

    @Test
    void refusesABadLimitOrCursor() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      refused(ErrorCode.VALIDATION, () -> w.tickets.list(rackActor, t.number(), 0, null));
      refused(ErrorCode.VALIDATION, () -> w.tickets.list(rackActor, t.number(), 101, null));
      assertEquals(1, w.tickets.list(rackActor, t.number(), 100, null).items().size());
      refused(ErrorCode.VALIDATION, () -> w.tickets.list(rackActor, t.number(), 10, "%%%"));
      refused(ErrorCode.VALIDATION, () -> w.tickets.list(rackActor, t.number(), 10, "bTF8LTE"));
    }

    @Test
    void ofAnotherSellersTicketIsNotFound() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      refused(ErrorCode.NOT_FOUND, () -> w.tickets.list(otherActor, t.number(), null, null));
      refused(ErrorCode.NOT_FOUND, () -> w.tickets.list(Actor.buyer(MAX), t.number(), null, null));
    }
  }

  @Nested
  @DisplayName("Closing")
  class Closing {
    @Test
    void byTheSellerClosesAndWritesASystemMessage() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      w.post(rackActor, t.number(), "Fixed.", false);
      Ticket closed = w.tickets.close(rackActor, t.number(), null, 2L);
      assertEquals(TicketStatus.CLOSED, closed.status());
      assertFalse(closed.closedFinally());
      assertEquals(Optional.of(closed), w.store.tickets().find(t.number()));
      Message last = storedMessages(t).get(2);
      assertEquals(AuthorRole.SYSTEM, last.authorRole());
      assertEquals("Ticket closed by the seller.", last.text().value());
    }

    @Test
    void byCustomerServiceClosesFinally() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      Ticket closed =
          w.tickets.close(
              Actor.customerService(), t.number(), ClosingReason.of("the buyer withdrew"), null);
      assertTrue(closed.closedFinally());
      assertEquals(
          "Ticket closed by customer service (final: a buyer reply will not reopen it)."
              + " Reason: the buyer withdrew",
          storedMessages(t).get(1).text().value());
    }

    @Test
    void byTheSellerBeforeAnsweringIsAConflictSayingToAnswerFirst() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      DomainException e =
          refused(ErrorCode.CONFLICT, () -> w.tickets.close(rackActor, t.number(), null, null));
      assertTrue(e.getMessage().contains("answer the buyer first"), e.getMessage());
      assertEquals(TicketStatus.OPEN, w.store.tickets().find(t.number()).orElseThrow().status());
      assertEquals(1, storedMessages(t).size());
    }

    @Test
    void byCustomerServiceBeforeTheSellerAnsweredNeedsAReason() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      refused(
          ErrorCode.VALIDATION,
          () -> w.tickets.close(Actor.customerService(), t.number(), null, null));
      assertEquals(1, storedMessages(t).size());
    }

    @Test
    void twiceIsRefused() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      w.post(rackActor, t.number(), "Fixed.", false);
      w.tickets.close(rackActor, t.number(), null, null);
      refused(ErrorCode.TICKET_CLOSED, () -> w.tickets.close(rackActor, t.number(), null, null));
      assertEquals(3, storedMessages(t).size());
    }

    @Test
    void byTheBuyerOrTheMarketplaceIsForbidden() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      refused(
          ErrorCode.FORBIDDEN, () -> w.tickets.close(Actor.buyer(ERIKA), t.number(), null, null));
      refused(
          ErrorCode.FORBIDDEN, () -> w.tickets.close(Actor.marketplace(), t.number(), null, null));
      assertEquals(TicketStatus.OPEN, w.store.tickets().find(t.number()).orElseThrow().status());
    }

    @Test
    void anotherSellersTicketIsNotFound() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      refused(ErrorCode.NOT_FOUND, () -> w.tickets.close(otherActor, t.number(), null, null));
    }

    @Test
    void withAStaleIfMatchIsAFailedPrecondition() {
      Ticket t = w.open(Actor.buyer(ERIKA), 1);
      w.post(rackActor, t.number(), "an answer", false);
      refused(
          ErrorCode.PRECONDITION_FAILED, () -> w.tickets.close(rackActor, t.number(), null, 1L));
      assertEquals(TicketStatus.WAITING, w.store.tickets().find(t.number()).orElseThrow().status());
    }
  }

  @Test
  void anInternalNoteLeavesTheTicketAsItWasSoTheBuyersEtagStaysValid() {
    Ticket t = w.open(Actor.buyer(ERIKA), 1);
    w.post(rackActor, t.number(), "an answer", false);
    Ticket answered = w.store.tickets().find(t.number()).orElseThrow();
    w.post(rackActor, t.number(), "note", true);
    Ticket after = w.store.tickets().find(t.number()).orElseThrow();
    assertEquals(answered.version(), after.version());
    assertEquals(answered.updatedAt(), after.updatedAt());
    assertEquals(
        TicketStatus.CLOSED,
        w.tickets.close(rackActor, t.number(), null, answered.version()).status());
  }

  /**
   * A ticket store in which, on the first {@code failures} updates, another writer changes the
   * ticket just before ours is stored, so ours loses the optimistic race.
   */
  static final class RacingTickets implements Tickets {
    final Tickets delegate;
    final AtomicInteger updates = new AtomicInteger();
    final int failures;

    RacingTickets(Tickets delegate, int failures) {
      this.delegate = delegate;
      this.failures = failures;
    }

    @Override
    public void update(Ticket next) {
      if (updates.incrementAndGet() <= failures) {
        Ticket current = delegate.find(next.number()).orElseThrow();
        delegate.update(
            current.onMessage(
                AuthorRole.SYSTEM,
                true,
                current.updatedAt(),
                new io.ticketdesk.domain.ResponseDeadline(
                    io.ticketdesk.domain.PublicHolidays.none())));
      }
      delegate.update(next);
    }

    @Override
    public TicketNumber nextNumber() {
      return delegate.nextNumber();
    }

    @Override
    public void add(Ticket ticket) {
      delegate.add(ticket);
    }

    @Override
    public Optional<Ticket> find(TicketNumber number) {
      return delegate.find(number);
    }

    @Override
    public Optional<Ticket> find(SellerId seller, TicketNumber number) {
      return delegate.find(seller, number);
    }

    @Override
    public List<Ticket> search(TicketQuery query) {
      return delegate.search(query);
    }

    @Override
    public java.util.Map<io.ticketdesk.domain.TicketStatus, Long> countByStatus(TicketQuery query) {
      return delegate.countByStatus(query);
    }

    @Override
    public List<Ticket> openTickets(TicketNumber after, int limit) {
      return delegate.openTickets(after, limit);
    }

    @Override
    public List<Ticket> openTicketsDue(
        java.time.Instant dueFrom, java.time.Instant dueBefore, DueKey after, int limit) {
      return delegate.openTicketsDue(dueFrom, dueBefore, after, limit);
    }

    @Override
    public List<Ticket> openReturnRequestsDue(
        java.time.Instant dueBefore, DueKey after, int limit) {
      return delegate.openReturnRequestsDue(dueBefore, after, limit);
    }
  }

  @Nested
  @DisplayName("A concurrent update")
  class ConcurrentUpdate {
    @Test
    void isRetriedAndTheMessageIsStoredExactlyOnce() {
      World world = new World(tickets -> new RacingTickets(tickets, 1));
      RacingTickets port = (RacingTickets) world.ticketsPort;
      var service = world.tickets;
      Seller s = world.seller("Rack GmbH", Storefront.DE);
      world.order(s, ERIKA, "A1", Storefront.DE, 1);
      Ticket t = service.open(Actor.buyer(ERIKA), opening(1, "Hello")).ticket();

      PostMessageUseCase.Posted p =
          service.post(
              Actor.seller(s.id()),
              new PostMessageUseCase.Command(t.number(), MessageText.of("Answer"), false, null));

      assertEquals(2, port.updates.get());
      // The simulated rival write ran inside the lost transaction and was rolled back with it.
      assertEquals(2, p.ticket().version());
      assertEquals(TicketStatus.WAITING, p.ticket().status());
      assertEquals(Optional.of(p.ticket()), world.store.tickets().find(t.number()));
      List<Message> stored = world.store.messages().list(s.id(), t.number(), true, 0, 100);
      assertEquals(
          1, stored.stream().filter(m -> m.text().value().equals("Answer")).count(), "stored once");
      assertEquals(2, stored.size());
    }

    @Test
    void withIfMatchIsAFailedPreconditionAndStoresNothing() {
      World world = new World(tickets -> new RacingTickets(tickets, 1));
      RacingTickets port = (RacingTickets) world.ticketsPort;
      var service = world.tickets;
      Seller s = world.seller("Rack GmbH", Storefront.DE);
      world.order(s, ERIKA, "A1", Storefront.DE, 1);
      Ticket t = service.open(Actor.buyer(ERIKA), opening(1, "Hello")).ticket();
      refused(
          ErrorCode.PRECONDITION_FAILED,
          () ->
              service.post(
                  Actor.seller(s.id()),
                  new PostMessageUseCase.Command(t.number(), MessageText.of("Answer"), false, 1L)));
      assertEquals(1, world.store.messages().list(s.id(), t.number(), true, 0, 100).size());
    }

    @Test
    void thatNeverEndsGivesUpWithAConflict() {
      World world = new World(tickets -> new RacingTickets(tickets, Integer.MAX_VALUE));
      RacingTickets port = (RacingTickets) world.ticketsPort;
      var service = world.tickets;
      Seller s = world.seller("Rack GmbH", Storefront.DE);
      world.order(s, ERIKA, "A1", Storefront.DE, 1);
      Ticket t = service.open(Actor.buyer(ERIKA), opening(1, "Hello")).ticket();
      refused(
          ErrorCode.CONFLICT,
          () ->
              service.close(
                  Actor.customerService(), t.number(), ClosingReason.of("duplicate"), null));
      assertEquals(8, port.updates.get());
      assertEquals(1, world.store.messages().list(s.id(), t.number(), true, 0, 100).size());
    }
  }
}
