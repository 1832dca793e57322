package io.ticketdesk.application.service;

import static io.ticketdesk.application.service.World.ERIKA;
import static io.ticketdesk.application.service.World.MAX;
import static io.ticketdesk.application.service.World.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.in.IdempotencyKey;
import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.in.SearchTicketsUseCase;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Posting a message and opening a ticket under an Idempotency-Key, on the in-memory store. */
class IdempotentWritesTest {
  final World w = new World();
  final World.TicketUseCases tickets = w.tickets;
  final Seller rack = w.seller("Rack GmbH", Storefront.DE);
  final Actor seller = Actor.seller(rack.id());
  final Actor erika = Actor.buyer(ERIKA);
  final Actor max = Actor.buyer(MAX);
  final Ticket ticket;

  IdempotentWritesTest() {
    w.order(rack, ERIKA, "A1", Storefront.DE, 1, 2);
    w.order(rack, MAX, "A2", Storefront.DE, 3);
    ticket = tickets.open(erika, World.opening(1, "Both racks are scratched.")).ticket();
  }

  private static PostMessageUseCase.Command message(
      Ticket t, String text, boolean internal, Long ifMatch, String key) {
    return new PostMessageUseCase.Command(
        t.number(), MessageText.of(text), null, internal, ifMatch, null, false, null, key(key));
  }

  private static IdempotencyKey key(String key) {
    return key == null ? null : IdempotencyKey.of(key);
  }

  private PostMessageUseCase.Posted post(Actor actor, String text, String key) {
    return tickets.post(actor, message(ticket, text, false, null, key));
  }

  private List<Message> chat() {
    return w.store.messages().list(rack.id(), ticket.number(), true, 0, 100);
  }

  private long version() {
    return tickets.find(seller, ticket.number()).version();
  }

  private static OpenTicketUseCase.Command opening(
      long unit, TicketReason reason, String text, String key) {
    return new OpenTicketUseCase.Command(
        List.of(OrderUnitId.of(unit)), null, reason, null, null, MessageText.of(text), key(key));
  }

  private int ticketsOf(Actor buyer) {
    return tickets.search(buyer, SearchTicketsUseCase.Query.all()).items().size();
  }

  @Test
  void aRepeatedPostAnswersTheFirstMessageAndStoresItOnce() {
    PostMessageUseCase.Posted first = post(seller, "We send a new one.", "m-1");
    long after = version();
    w.clock.advance(Duration.ofMinutes(5));

    PostMessageUseCase.Posted again = post(seller, "We send a new one.", "m-1");

    assertFalse(first.replayed());
    assertTrue(again.replayed());
    assertEquals(first.message(), again.message());
    assertEquals(first.warnings(), again.warnings());
    assertEquals(2, chat().size());
    assertEquals(after, version());
    assertEquals(after, again.ticket().version());
  }

  @Test
  void anotherRequestUnderAUsedKeyIsRefusedAndWritesNothing() {
    post(seller, "We send a new one.", "m-1");
    long after = version();

    refused(ErrorCode.IDEMPOTENCY_KEY_REUSED, () -> post(seller, "We send two.", "m-1"));
    refused(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        () -> tickets.post(seller, message(ticket, "We send a new one.", true, null, "m-1")));

    assertEquals(2, chat().size());
    assertEquals(after, version());
  }

  @Test
  void aRefusedPostLeavesTheKeyUnused() {
    long before = version();
    refused(
        ErrorCode.PRECONDITION_FAILED,
        () -> tickets.post(seller, message(ticket, "Sorry!", false, before + 7, "m-2")));
    assertEquals(1, chat().size());

    PostMessageUseCase.Posted posted =
        tickets.post(seller, message(ticket, "Sorry!", false, before, "m-2"));

    assertFalse(posted.replayed());
    assertEquals(2, chat().size());
  }

  @Test
  void aRetryWithTheIfMatchOfTheFirstRequestIsReplayedNotRefused() {
    long before = version();
    PostMessageUseCase.Posted first =
        tickets.post(seller, message(ticket, "On its way.", false, before, "m-3"));

    PostMessageUseCase.Posted again =
        tickets.post(seller, message(ticket, "On its way.", false, before, "m-3"));

    assertTrue(again.replayed());
    assertEquals(first.message().id(), again.message().id());
    assertEquals(2, chat().size());
  }

  @Test
  void callersHaveTheirOwnKeys() {
    PostMessageUseCase.Posted bySeller = post(seller, "We send a new one.", "same");
    PostMessageUseCase.Posted byBuyer = post(erika, "Thank you!", "same");

    assertFalse(byBuyer.replayed());
    assertNotEquals(bySeller.message().id(), byBuyer.message().id());
    assertEquals(3, chat().size());
    assertEquals(bySeller.message(), post(seller, "We send a new one.", "same").message());
    assertEquals(byBuyer.message(), post(erika, "Thank you!", "same").message());
    PostMessageUseCase.Posted byService =
        tickets.post(Actor.customerService(), message(ticket, "Thank you!", false, null, "same"));
    assertFalse(byService.replayed());
    assertEquals(4, chat().size());
  }

  @Test
  void aRepeatedOpeningAnswersTheFirstTicketAndOpensOnce() {
    OpenTicketUseCase.Opened first =
        tickets.open(erika, opening(2, TicketReason.PRODUCT_DEFECT, "Broken strap.", "t-1"));
    w.clock.advance(Duration.ofMinutes(1));
    post(seller, "Which strap?", null);

    OpenTicketUseCase.Opened again =
        tickets.open(erika, opening(2, TicketReason.PRODUCT_DEFECT, "Broken strap.", "t-1"));

    assertFalse(first.replayed());
    assertTrue(again.replayed());
    assertEquals(first.ticket().number(), again.ticket().number());
    assertEquals(first.message(), again.message());
    assertEquals(2, ticketsOf(erika));
    refused(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        () -> tickets.open(erika, opening(2, TicketReason.PRODUCT_RETURN, "Broken strap.", "t-1")));
    refused(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        () -> tickets.open(erika, opening(2, TicketReason.PRODUCT_DEFECT, "Broken!", "t-1")));
    assertEquals(2, ticketsOf(erika));
  }

  @Test
  void anotherBuyersOpeningUnderTheSameKeyIsTheirOwnAndARefusedOneUsesNoKey() {
    tickets.open(erika, opening(2, TicketReason.PRODUCT_DEFECT, "Broken strap.", "t-1"));

    refused(
        ErrorCode.NOT_FOUND,
        () -> tickets.open(max, opening(2, TicketReason.PRODUCT_DEFECT, "Broken strap.", "t-1")));
    OpenTicketUseCase.Opened maxs =
        tickets.open(max, opening(3, TicketReason.PRODUCT_DEFECT, "Broken strap.", "t-1"));

    assertFalse(maxs.replayed());
    assertEquals(1, ticketsOf(max));
    assertEquals(2, ticketsOf(erika));
  }
}
