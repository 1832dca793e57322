package io.ticketdesk.application.service;

import static io.ticketdesk.domain.EventType.ORDER_UNIT_CANCELLED;
import static io.ticketdesk.domain.EventType.ORDER_UNIT_REFUNDED;
import static io.ticketdesk.domain.EventType.TICKET_CLOSED;
import static io.ticketdesk.domain.EventType.TICKET_ESCALATED;
import static io.ticketdesk.domain.EventType.TICKET_HANDED_BACK;
import static io.ticketdesk.domain.EventType.TICKET_MESSAGE_CREATED;
import static io.ticketdesk.domain.EventType.TICKET_OPENED;
import static io.ticketdesk.domain.EventType.TICKET_REASON_CHANGED;
import static io.ticketdesk.domain.EventType.TICKET_STATUS_CHANGED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.in.CancelOrderUnitUseCase;
import io.ticketdesk.application.port.in.EscalateTicketUseCase;
import io.ticketdesk.application.port.in.MarkReturnRequestUseCase;
import io.ticketdesk.application.port.in.RefundUseCase;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.CancellationReason;
import io.ticketdesk.domain.ClosingReason;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.EscalationReason;
import io.ticketdesk.domain.EventType;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.RefundReason;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every use case that changes a ticket or its units records its events, in its transaction. */
class EventRecordingTest {
  World world;
  Seller seller;
  Actor sellerActor;
  Ticket ticket;

  @BeforeEach
  void setUp() {
    world = new World();
    seller = world.seller("Rack GmbH", Storefront.DE);
    sellerActor = Actor.seller(seller.id());
    world.order(seller, World.ERIKA, "DE1", Storefront.DE, 11, 12);
    ticket = world.open(Actor.buyer(World.ERIKA), 11);
  }

  private List<DomainEvent> events() {
    return world.store.outbox().ofTicket(seller.id(), ticket.number());
  }

  private List<EventType> typesSince(int from) {
    List<DomainEvent> all = events();
    return all.subList(from, all.size()).stream().map(DomainEvent::type).toList();
  }

  @Test
  void openingRecordsTheTicketAndTheBuyersFirstMessage() {
    assertEquals(List.of(TICKET_OPENED, TICKET_MESSAGE_CREATED), typesSince(0));
    DomainEvent opened = events().get(0);
    assertEquals(seller.id(), opened.sellerId());
    assertEquals(ticket.number().value(), opened.data().get("ticketNumber"));
    assertEquals("DE1", opened.data().get("orderNumber"));
    assertEquals("/api/v1/tickets/" + ticket.number().value(), opened.data().get("url"));
    assertEquals("open", opened.data().get("status"));
    assertEquals(world.clock.instant(), opened.occurredAt());
  }

  @Test
  void theSellersAnswerChangesTheStatusAndAnInternalNoteIsAnInternalEventOnly() {
    world.post(sellerActor, ticket.number(), "We send a new one", false);
    assertEquals(List.of(TICKET_STATUS_CHANGED, TICKET_MESSAGE_CREATED), typesSince(2));
    DomainEvent status = events().get(2);
    assertEquals("waiting", status.data().get("status"));
    assertEquals("open", status.data().get("previousStatus"));
    assertEquals("buyer", status.data().get("waitingOn"));

    world.post(sellerActor, ticket.number(), "check stock first", true);
    assertEquals(List.of(TICKET_MESSAGE_CREATED), typesSince(4));
    DomainEvent note = events().get(4);
    assertTrue(note.internal());
    assertEquals(true, note.data().get("internal"));
    assertFalse(events().get(3).internal());
  }

  @Test
  void escalationHandbackRefundCancellationAndClosingEachRecordTheirEvents() {
    world
        .core
        .escalateTicket()
        .escalate(
            sellerActor,
            new EscalateTicketUseCase.Command(
                ticket.number(), EscalationReason.NOT_DIRECTED_AT_SELLER, null, null));
    assertEquals(
        List.of(TICKET_ESCALATED, TICKET_STATUS_CHANGED, TICKET_MESSAGE_CREATED), typesSince(2));

    world.core.handBackTicket().handBack(Actor.customerService(), ticket.number(), null);
    assertEquals(
        List.of(TICKET_HANDED_BACK, TICKET_STATUS_CHANGED, TICKET_MESSAGE_CREATED), typesSince(5));

    world
        .core
        .refund()
        .refund(
            sellerActor,
            new RefundUseCase.Command(
                ticket.number(),
                OrderUnitId.of(11),
                Money.of(500, "EUR"),
                RefundReason.DEFECT,
                null,
                null,
                null));
    assertTrue(typesSince(8).contains(ORDER_UNIT_REFUNDED));
    DomainEvent refunded =
        events().stream().filter(e -> e.type() == ORDER_UNIT_REFUNDED).findFirst().orElseThrow();
    assertEquals(11L, refunded.data().get("orderUnitId"));
    assertEquals(500L, refunded.data().get("amount"));
    assertEquals("EUR", refunded.data().get("currency"));

    int before = events().size();
    world
        .core
        .cancelOrderUnit()
        .cancel(
            Actor.customerService(),
            new CancelOrderUnitUseCase.Command(
                ticket.number(),
                OrderUnitId.of(11),
                CancellationReason.NO_INVENTORY,
                null,
                null,
                null));
    assertTrue(typesSince(before).contains(ORDER_UNIT_CANCELLED));

    before = events().size();
    world
        .core
        .markReturnRequest()
        .markReturnRequest(
            sellerActor,
            new MarkReturnRequestUseCase.Command(ticket.number(), ReturnIntent.REFUND, null));
    assertTrue(typesSince(before).contains(TICKET_REASON_CHANGED));

    before = events().size();
    world.tickets.close(
        Actor.customerService(), ticket.number(), ClosingReason.of("resolved"), null);
    assertTrue(typesSince(before).containsAll(List.of(TICKET_STATUS_CHANGED, TICKET_CLOSED)));
  }

  @Test
  void aTicketsSequenceNumbersRunFromOneWithoutGaps() {
    world.post(sellerActor, ticket.number(), "Answer", false);
    world.post(Actor.buyer(World.ERIKA), ticket.number(), "Thanks", false);
    world.post(sellerActor, ticket.number(), "note", true);

    List<Long> sequences = events().stream().map(DomainEvent::sequence).toList();
    assertEquals(LongStream.rangeClosed(1, sequences.size()).boxed().toList(), sequences);
  }

  @Test
  void aRefusedChangeRecordsNothing() {
    int before = events().size();
    assertThrows(
        DomainException.class,
        () ->
            world
                .core
                .refund()
                .refund(
                    sellerActor,
                    new RefundUseCase.Command(
                        ticket.number(),
                        OrderUnitId.of(11),
                        Money.of(999_999, "EUR"),
                        RefundReason.DEFECT,
                        null,
                        null,
                        null)));
    assertEquals(before, events().size());
  }

  @Test
  void aUnitOfWorkThatFailsAfterItsUseCaseSucceededLeavesNoEvent() {
    int before = events().size();
    assertThrows(
        IllegalStateException.class,
        () ->
            world
                .core
                .requests()
                .inOne(
                    () -> {
                      world.post(sellerActor, ticket.number(), "Answer", false);
                      throw new IllegalStateException("the answer could not be written");
                    }));
    assertEquals(before, events().size());
    world.post(sellerActor, ticket.number(), "Answer", false);
    assertEquals(before + 2, events().size());
    assertEquals(before + 2L, events().get(before + 1).sequence());
  }
}
