package io.ticketdesk.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.in.CancelOrderUnitUseCase;
import io.ticketdesk.application.port.in.EscalateTicketUseCase;
import io.ticketdesk.application.port.in.IdempotencyKey;
import io.ticketdesk.application.port.in.RefundUseCase;
import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.CancellationReason;
import io.ticketdesk.domain.CostBearer;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.EscalationReason;
import io.ticketdesk.domain.Language;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.RefundReason;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.SystemEventKind;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.UnitState;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The actions from a ticket through the service, on the in-memory store. */
class TicketActionServiceTest {
  World world;
  TicketActionService actions;
  Seller seller;
  Actor sellerActor;
  Ticket ticket;

  @BeforeEach
  void setUp() {
    world = new World();
    // The core's one implementation of the actions from a ticket.
    actions = (TicketActionService) world.core.refund();
    seller = world.seller("Kola s.r.o.", Storefront.CZ);
    sellerActor = Actor.seller(seller.id());
    world.order(seller, World.ERIKA, "CZ1", Storefront.CZ, 11, 12);
    ticket = world.open(Actor.buyer(World.ERIKA), 11);
  }

  private RefundUseCase.Command refund(long amount, String key) {
    return new RefundUseCase.Command(
        ticket.number(),
        OrderUnitId.of(11),
        Money.of(amount, "CZK"),
        RefundReason.INCOMPLETE_DELIVERY,
        null,
        key == null ? null : IdempotencyKey.of(key),
        null);
  }

  private List<Message> chat() {
    return world.store.messages().list(seller.id(), ticket.number(), true, 0, 100);
  }

  @Test
  void aRefundInCrownsIsLedgeredAndToldInTheChatWithItsCurrency() {
    var result = actions.refund(sellerActor, refund(1_050, null));

    assertEquals(Money.of(1_050, "CZK"), result.entry().amount());
    assertEquals(CostBearer.SELLER, result.entry().bearer());
    assertFalse(result.replayed());
    Message last = chat().get(chat().size() - 1);
    assertEquals(AuthorRole.SYSTEM, last.authorRole());
    assertEquals(SystemEventKind.PARTIAL_REFUND, last.event().kind());
    assertEquals("1050 CZK", last.event().params().get("amount"));
    assertEquals("incomplete_delivery", last.event().params().get("reason"));
    String english = last.text().value();
    assertTrue(english.contains("Partial refund of CZK10.50 on order unit 11"), english);
    assertTrue(english.contains("Refunded so far: CZK10.50 of CZK29.99."), english);
    String czech = last.textFor(Language.CZECH, Storefront.CZ);
    assertTrue(czech.contains("Částečné vrácení peněz ve výši 10,50\u00a0Kč"), czech);
    assertTrue(czech.contains("Dosud vráceno: 10,50\u00a0Kč z 29,99\u00a0Kč."), czech);
    assertEquals(
        ticket.version() + 1,
        actions.orderDetails(sellerActor, ticket.number()).ticket().version());
  }

  @Test
  void theRefundThatTakesTheLastOfTheTicketsUnitsSaysAllItsUnitsAreRefunded() {
    actions.refund(sellerActor, refund(1_000, null));
    Message first = chat().get(chat().size() - 1);
    actions.refund(sellerActor, refund(1_999, null)); // the rest of CZK29.99
    Message second = chat().get(chat().size() - 1);

    assertEquals(null, first.event().params().get("allUnitsRefunded"));
    assertEquals("2999 CZK", second.event().params().get("refundedSoFar"));
    assertEquals("true", second.event().params().get("allUnitsRefunded"));
  }

  @Test
  void aReplayedKeyReturnsTheStoredEntryAndAnotherRequestUnderItIsRefused() {
    var first = actions.refund(sellerActor, refund(100, "k1"));
    var again = actions.refund(sellerActor, refund(100, "k1"));

    assertTrue(again.replayed());
    assertEquals(first.entry(), again.entry());
    DomainException reused =
        assertThrows(DomainException.class, () -> actions.refund(sellerActor, refund(101, "k1")));
    assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, reused.code());
    assertEquals(
        Money.of(100, "CZK"),
        actions.orderDetails(sellerActor, ticket.number()).units().get(0).refunded());
  }

  @Test
  void theSellerAndCustomerServiceHaveTheirOwnKeys() {
    var bySeller = actions.refund(sellerActor, refund(100, "k1"));
    var byService = actions.refund(Actor.customerService(), refund(100, "k1"));

    assertFalse(byService.replayed());
    assertFalse(bySeller.entry().equals(byService.entry()));
    assertEquals(bySeller.entry(), actions.refund(sellerActor, refund(100, "k1")).entry());
    assertEquals(
        byService.entry(), actions.refund(Actor.customerService(), refund(100, "k1")).entry());
    assertEquals(
        Money.of(200, "CZK"),
        actions.orderDetails(sellerActor, ticket.number()).units().get(0).refunded());
  }

  @Test
  void aRefusedRefundWritesNothingAndLeavesTheKeyUnused() {
    DomainException e =
        assertThrows(DomainException.class, () -> actions.refund(sellerActor, refund(3_000, "k2")));

    assertEquals(ErrorCode.REFUND_EXCEEDS_REMAINING, e.code());
    assertTrue(
        world
            .store
            .idempotencyKeys()
            .find(new IdempotencyKeys.Key(seller.id(), "seller:" + seller.id().value(), "k2"))
            .isEmpty());
    assertEquals(1, chat().size());
    assertEquals(ticket.version(), world.tickets.find(sellerActor, ticket.number()).version());
    assertEquals(
        Money.of(2_999, "CZK"), actions.refund(sellerActor, refund(2_999, "k2")).entry().amount());
  }

  @Test
  void customerServiceCancelsAtTheMarketplacesExpenseAndTheUnitIsCancelled() {
    actions.refund(sellerActor, refund(999, null));

    var result =
        actions.cancel(
            Actor.customerService(),
            new CancelOrderUnitUseCase.Command(
                ticket.number(),
                OrderUnitId.of(11),
                CancellationReason.BUYER_CANCELLED,
                null,
                null,
                null));

    assertEquals(Money.of(2_000, "CZK"), result.entry().amount());
    assertEquals(CostBearer.MARKETPLACE, result.entry().bearer());
    var unit = actions.orderDetails(Actor.customerService(), ticket.number()).units().get(0);
    assertEquals(UnitState.CANCELLED, unit.unit().state());
    assertEquals(Money.of(0, "CZK"), unit.remaining());
  }

  @Test
  void theEscalationNoteIsAnInternalNoteAndCustomerServiceOnlyHandsBack() {
    Ticket escalated =
        actions.escalate(
            sellerActor,
            new EscalateTicketUseCase.Command(
                ticket.number(),
                EscalationReason.NOT_DIRECTED_AT_SELLER,
                MessageText.of("Buyer means the carrier"),
                null));

    assertTrue(escalated.customerServiceLeads());
    Message note = chat().get(chat().size() - 1);
    assertTrue(note.internal());
    assertEquals(AuthorRole.SELLER, note.authorRole());
    DomainException e =
        assertThrows(
            DomainException.class, () -> actions.handBack(sellerActor, ticket.number(), null));
    assertEquals(ErrorCode.FORBIDDEN, e.code());
    Ticket back = actions.handBack(Actor.customerService(), ticket.number(), null);
    assertTrue(back.isOpen());
    assertEquals(world.deadline.dueAt(Storefront.CZ, world.clock.instant()), back.responseDueAt());
  }
}
