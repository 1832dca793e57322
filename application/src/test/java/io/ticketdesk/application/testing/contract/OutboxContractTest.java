package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.EventType;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.ticketdesk.application.port.out.Outbox}. */
public abstract class OutboxContractTest {
  protected StorePorts store;
  private SellerId seller;
  private SellerId otherSeller;
  private final TicketNumber t1 = TicketNumber.fromSequence(11);
  private final TicketNumber t2 = TicketNumber.fromSequence(12);

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    seller = Fixtures.seller(store).id();
    otherSeller = Fixtures.seller(store).id();
  }

  private DomainEvent.Draft draft(SellerId s, TicketNumber t, long minute) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("ticketNumber", t.value());
    data.put("url", "/api/v1/tickets/" + t.value());
    return DomainEvent.Draft.of(
        EventType.TICKET_STATUS_CHANGED, at(minute), s, t, OrderNumber.of("MQ8BRT7"), false, data);
  }

  private DomainEvent append(SellerId s, TicketNumber t, long minute) {
    return store.transactions().inTransaction(() -> store.outbox().append(draft(s, t, minute)));
  }

  @Test
  void eachTicketsEventsAreNumberedFromOneWithoutGaps() {
    assertEquals(1, append(seller, t1, 1).sequence());
    assertEquals(1, append(seller, t2, 2).sequence());
    assertEquals(2, append(seller, t1, 3).sequence());
    assertEquals(3, append(seller, t1, 4).sequence());
    assertEquals(1, append(otherSeller, t1, 5).sequence());

    assertEquals(
        List.of(1L, 2L, 3L),
        store.outbox().ofTicket(seller, t1).stream().map(DomainEvent::sequence).toList());
  }

  @Test
  void anEventComesBackByIdWithItsTypesAndData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("text", "a&b=c %20 ü€ \n\"x\"");
    data.put("number", 9_007_199_254_740_993L);
    data.put("flag", true);
    DomainEvent.Draft d =
        DomainEvent.Draft.of(
            EventType.TICKET_MESSAGE_CREATED, at(7), seller, t1, OrderNumber.of("A1"), true, data);

    DomainEvent added = store.transactions().inTransaction(() -> store.outbox().append(d));

    DomainEvent found = store.outbox().find(d.id()).orElseThrow();
    assertEquals(added, found);
    assertEquals(d.id(), found.id());
    assertEquals(EventType.TICKET_MESSAGE_CREATED, found.type());
    assertEquals(at(7), found.occurredAt());
    assertEquals(seller, found.sellerId());
    assertEquals(t1, found.ticketNumber());
    assertEquals(OrderNumber.of("A1"), found.orderNumber());
    assertTrue(found.internal());
    assertEquals(data, found.data());
    assertEquals(List.of("text", "number", "flag"), List.copyOf(found.data().keySet()));
    assertEquals(0, found.position());
    assertTrue(store.outbox().find("evt_00000000000000000000000000000000").isEmpty());
  }

  @Test
  void eventsComeBackByIdsInOneReadAndUnknownIdsAreAbsent() {
    DomainEvent a = append(seller, t1, 1);
    DomainEvent b = append(otherSeller, t2, 2);
    DomainEvent c = append(seller, t2, 3);
    String unknown = "evt_00000000000000000000000000000000";

    Map<String, DomainEvent> found =
        store.outbox().findAll(List.of(c.id(), unknown, a.id(), a.id()));
    assertEquals(Map.of(a.id(), a, c.id(), c), found);
    assertEquals(Map.of(b.id(), b), store.outbox().findAll(List.of(b.id())));
    assertTrue(store.outbox().findAll(List.of()).isEmpty());
    assertTrue(store.outbox().findAll(List.of(unknown)).isEmpty());
  }

  @Test
  void aRolledBackChangeLeavesNoEventAndNoNumberTaken() {
    append(seller, t1, 1);
    DomainEvent.Draft lost = draft(seller, t1, 2);

    assertThrows(
        IllegalStateException.class,
        () ->
            store
                .transactions()
                .inTransaction(
                    () -> {
                      store.outbox().append(lost);
                      throw new IllegalStateException("the change fails");
                    }));

    assertTrue(store.outbox().find(lost.id()).isEmpty());
    assertEquals(1, store.outbox().ofTicket(seller, t1).size());
    assertEquals(1, store.outbox().sequence(100));
    assertEquals(2, append(seller, t1, 3).sequence());
  }

  @Test
  void eventsReachTheFeedWhenSequencedInTheOrderTheyWereAppended() {
    DomainEvent a = append(seller, t1, 1);
    DomainEvent b = append(otherSeller, t2, 2);
    DomainEvent c = append(seller, t1, 3);
    assertTrue(store.outbox().feed(Optional.empty(), 0, 10).isEmpty());

    assertEquals(3, store.outbox().sequence(100));
    assertEquals(0, store.outbox().sequence(100));

    List<DomainEvent> all = store.outbox().feed(Optional.empty(), 0, 10);
    assertEquals(List.of(a.id(), b.id(), c.id()), all.stream().map(DomainEvent::id).toList());
    assertTrue(all.get(0).position() > 0);
    assertTrue(all.get(0).position() < all.get(1).position());
    assertTrue(all.get(1).position() < all.get(2).position());

    DomainEvent d = append(seller, t2, 4);
    assertEquals(1, store.outbox().sequence(100));
    List<DomainEvent> later = store.outbox().feed(Optional.empty(), all.get(2).position(), 10);
    assertEquals(List.of(d.id()), later.stream().map(DomainEvent::id).toList());
  }

  @Test
  void theLastPositionIsTheLastPlacedEventsSoAReaderFromThereSeesOnlyLaterEvents() {
    long start = store.outbox().lastPosition();
    DomainEvent a = append(seller, t1, 1);
    assertEquals(start, store.outbox().lastPosition(), "an unplaced event has no position yet");
    store.outbox().sequence(100);
    long placed = store.outbox().lastPosition();
    assertEquals(store.outbox().find(a.id()).orElseThrow().position(), placed);

    DomainEvent b = append(seller, t1, 2);
    store.outbox().sequence(100);
    assertEquals(
        List.of(b.id()),
        store.outbox().feed(Optional.empty(), placed, 10).stream().map(DomainEvent::id).toList());
  }

  @Test
  void aSellersFeedHasOnlyItsEventsAndPagesByPosition() {
    DomainEvent a = append(seller, t1, 1);
    append(otherSeller, t1, 2);
    DomainEvent c = append(seller, t2, 3);
    store.outbox().sequence(100);

    List<DomainEvent> first = store.outbox().feed(Optional.of(seller), 0, 1);
    assertEquals(List.of(a.id()), first.stream().map(DomainEvent::id).toList());
    List<DomainEvent> next = store.outbox().feed(Optional.of(seller), first.get(0).position(), 10);
    assertEquals(List.of(c.id()), next.stream().map(DomainEvent::id).toList());
  }

  @Test
  void theSequencerPlacesAtMostItsLimitOldestFirst() {
    DomainEvent a = append(seller, t1, 1);
    DomainEvent b = append(seller, t1, 2);
    append(seller, t1, 3);

    assertEquals(2, store.outbox().sequence(2));
    assertEquals(
        List.of(a.id(), b.id()),
        store.outbox().feed(Optional.empty(), 0, 10).stream().map(DomainEvent::id).toList());
    assertEquals(1, store.outbox().sequence(2));
    assertEquals(3, store.outbox().feed(Optional.empty(), 0, 10).size());
  }

  @Test
  void anEventWithAOnceKeyIsAppendedOncePerSeller() {
    DomainEvent first =
        store
            .transactions()
            .inTransaction(() -> store.outbox().appendOnce("alert@1", draft(seller, t1, 1)))
            .orElseThrow();
    assertEquals(1, first.sequence());
    assertTrue(
        store
            .transactions()
            .inTransaction(() -> store.outbox().appendOnce("alert@1", draft(seller, t1, 2)))
            .isEmpty());
    assertTrue(
        store
            .transactions()
            .inTransaction(() -> store.outbox().appendOnce("alert@1", draft(otherSeller, t1, 3)))
            .isPresent());
    assertTrue(
        store
            .transactions()
            .inTransaction(() -> store.outbox().appendOnce("alert@2", draft(seller, t1, 4)))
            .isPresent());
    assertEquals(2, store.outbox().ofTicket(seller, t1).size());
    // A rolled-back append leaves its key free.
    assertThrows(
        IllegalStateException.class,
        () ->
            store
                .transactions()
                .inTransaction(
                    () -> {
                      store.outbox().appendOnce("alert@3", draft(seller, t2, 5));
                      throw new IllegalStateException("rolled back");
                    }));
    assertTrue(
        store
            .transactions()
            .inTransaction(() -> store.outbox().appendOnce("alert@3", draft(seller, t2, 6)))
            .isPresent());
  }

  @Test
  void takenOnceKeysAreThoseTheSellersEventsCarry() {
    store
        .transactions()
        .inTransaction(() -> store.outbox().appendOnce("alert@1", draft(seller, t1, 1)));
    store
        .transactions()
        .inTransaction(() -> store.outbox().appendOnce("alert@2", draft(otherSeller, t1, 2)));
    assertEquals(
        java.util.Set.of("alert@1"),
        store.outbox().takenOnceKeys(seller, List.of("alert@1", "alert@2", "alert@3")));
    assertEquals(
        java.util.Set.of("alert@2"),
        store.outbox().takenOnceKeys(otherSeller, List.of("alert@1", "alert@2")));
    assertTrue(store.outbox().takenOnceKeys(seller, List.of()).isEmpty());
  }

  @Test
  void thePurgeKeepsRecentEventsAndEachTicketsLatestSoNumbersAreNeverReused() {
    append(seller, t1, 1);
    append(seller, t1, 2);
    append(seller, t2, 3);
    DomainEvent recent = append(seller, t1, 100);
    DomainEvent unplaced = append(seller, t2, 4);
    store.outbox().sequence(4);

    int purged = store.outbox().purge(at(50), 100);

    assertEquals(3, purged);
    List<DomainEvent> left = store.outbox().ofTicket(seller, t1);
    assertEquals(List.of(recent.id()), left.stream().map(DomainEvent::id).toList());
    List<DomainEvent> leftOfT2 = store.outbox().ofTicket(seller, t2);
    assertEquals(List.of(unplaced.id()), leftOfT2.stream().map(DomainEvent::id).toList());
    assertEquals(4, append(seller, t1, 101).sequence());
  }
}
