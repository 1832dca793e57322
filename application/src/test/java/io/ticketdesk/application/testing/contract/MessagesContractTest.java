package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.CostBearer;
import io.ticketdesk.domain.Language;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.RefundReason;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.SystemEvent;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.UnitState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.ticketdesk.application.port.out.Messages}. */
public abstract class MessagesContractTest {
  protected StorePorts store;
  private SellerId seller;
  private TicketNumber ticket;
  private TicketNumber otherTicket;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    seller = Fixtures.seller(store).id();
    Order order = Fixtures.storedOrder(store, seller, 1, 1);
    ticket = addTicket(order);
    otherTicket = addTicket(order);
  }

  private TicketNumber addTicket(Order order) {
    Ticket t = Fixtures.ticket(store.tickets().nextNumber(), order).build();
    store.tickets().add(t);
    return t.number();
  }

  @Test
  void addReturnsTheStoredMessageWithAnIncreasingId() {
    Message first =
        store
            .messages()
            .add(seller, ticket, AuthorRole.BUYER, MessageText.of("Hello"), false, at(1));
    Message second =
        store
            .messages()
            .add(seller, ticket, AuthorRole.SELLER, MessageText.of("Note"), true, at(2));

    assertEquals(ticket, first.ticketNumber());
    assertEquals(seller, first.sellerId());
    assertEquals(AuthorRole.BUYER, first.authorRole());
    assertEquals("Hello", first.text().value());
    assertEquals(at(1), first.createdAt());
    assertTrue(second.id() > first.id());
    assertEquals(List.of(first, second), store.messages().list(seller, ticket, true, 0, 10));
  }

  @Test
  void aSystemEventRoundTripsWithItsKindAndParameters() {
    SystemEvent refund =
        SystemEvent.partialRefund(
            Money.of(1464, "EUR"),
            new OrderUnit(
                OrderUnitId.of(77),
                "Fahrradträger & Co. = 100% \"gut\"\nzweite Zeile",
                "4006381333931",
                Money.of(12999, "EUR"),
                UnitState.RECEIVED,
                null),
            AuthorRole.SELLER,
            RefundReason.DELIVERY_DAMAGE,
            CostBearer.SELLER,
            Money.of(1464, "EUR"),
            true);
    SystemEvent address =
        SystemEvent.returnAddress(
            new ReturnAddress("Nordlicht Retouren", "Hafenstraße 12", "20457", "Hamburg", "DE"));
    Message a =
        store
            .messages()
            .addEvent(seller, ticket, refund, MessageText.of("Partial refund …"), false, at(1));
    Message b =
        store.messages().addEvent(seller, ticket, address, MessageText.of("Address"), true, at(2));

    assertEquals(AuthorRole.SYSTEM, a.authorRole());
    assertEquals(refund, a.event());
    List<Message> read = store.messages().list(seller, ticket, true, 0, 10);
    assertEquals(List.of(a, b), read);
    assertEquals(refund, read.get(0).event());
    assertEquals(address, read.get(1).event());
    assertEquals("Partial refund …", read.get(0).text().value());
  }

  @Test
  void messagesWithoutAnEventReadWithoutOne() {
    store.messages().add(seller, ticket, AuthorRole.SYSTEM, MessageText.of("Legacy"), false, at(1));

    Message read = store.messages().list(seller, ticket, true, 0, 10).get(0);
    assertNull(read.event());
    assertEquals("Legacy", read.textFor(Language.CZECH, Storefront.CZ));
  }

  @Test
  void longUnicodeTextRoundTrips() {
    String text = "😀".repeat(MessageText.MAX_LENGTH);
    Message m =
        store.messages().add(seller, ticket, AuthorRole.SYSTEM, MessageText.of(text), false, at(1));

    assertEquals(List.of(m), store.messages().list(seller, ticket, false, 0, 10));
  }

  @Test
  void pagesAfterAnIdInWritingOrder() {
    List<Message> all = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      AuthorRole author = i % 2 == 0 ? AuthorRole.BUYER : AuthorRole.SELLER;
      all.add(store.messages().add(seller, ticket, author, MessageText.of("m" + i), false, at(1)));
      store.messages().add(seller, otherTicket, author, MessageText.of("x" + i), false, at(1));
    }
    List<Message> read = new ArrayList<>();
    long after = 0;
    while (true) {
      List<Message> page = store.messages().list(seller, ticket, true, after, 3);
      assertTrue(page.size() <= 3);
      if (page.isEmpty()) {
        break;
      }
      read.addAll(page);
      after = page.get(page.size() - 1).id();
    }
    assertEquals(all, read);
    assertEquals(
        all.subList(2, 5), store.messages().list(seller, ticket, true, all.get(1).id(), 3));
  }

  @Test
  void internalNotesOnlyWhenAsked() {
    Message open =
        store.messages().add(seller, ticket, AuthorRole.BUYER, MessageText.of("a"), false, at(1));
    Message note =
        store.messages().add(seller, ticket, AuthorRole.SELLER, MessageText.of("b"), true, at(2));
    Message answer =
        store.messages().add(seller, ticket, AuthorRole.SELLER, MessageText.of("c"), false, at(3));

    assertEquals(List.of(open, note, answer), store.messages().list(seller, ticket, true, 0, 10));
    assertEquals(List.of(open, answer), store.messages().list(seller, ticket, false, 0, 10));
    assertEquals(List.of(answer), store.messages().list(seller, ticket, false, open.id(), 1));
  }

  @Test
  void scopedBySellerAndTicket() {
    store.messages().add(seller, ticket, AuthorRole.BUYER, MessageText.of("a"), false, at(1));

    assertTrue(store.messages().list(seller, otherTicket, true, 0, 10).isEmpty());
    assertTrue(store.messages().list(SellerId.of(999_999), ticket, true, 0, 10).isEmpty());
  }
}
