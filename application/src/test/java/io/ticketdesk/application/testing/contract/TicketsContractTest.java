package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.TicketQuery;
import io.ticketdesk.application.port.out.TicketSort;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.TicketTopic;
import io.ticketdesk.domain.TopicFilter;
import io.ticketdesk.domain.WaitingOn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.ticketdesk.application.port.out.Tickets}. */
public abstract class TicketsContractTest {
  /** "Now" of the searches: some deadlines lie before it, one exactly on it, some after. */
  private static final Instant NOW = at(500);

  private static final TicketReason[] REASONS = TicketReason.values();
  private static final TicketTopic[] TOPICS = {
    null, TicketTopic.ORDER_CANCEL, TicketTopic.DELIVERY_DELAYED
  };

  protected StorePorts store;
  private SellerId sellerA;
  private SellerId sellerB;
  private Order orderA1;
  private Order orderA2;
  private Order orderB1;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    sellerA = Fixtures.seller(store).id();
    sellerB = Fixtures.seller(store).id();
    orderA1 = Fixtures.storedOrder(store, sellerA, 1, 3);
    orderA2 = Fixtures.order(sellerA, 2, 2, Storefront.AT);
    store.orders().add(orderA2);
    orderB1 = Fixtures.storedOrder(store, sellerB, 1, 2);
  }

  @Test
  void nextNumberIsNeverReused() {
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      numbers.add(store.tickets().nextNumber().value());
    }
    assertEquals(5, new HashSet<>(numbers).size());
    assertEquals(numbers.stream().sorted().toList(), numbers);
  }

  @Test
  void everyFieldRoundTrips() {
    Ticket full =
        Fixtures.ticket(store.tickets().nextNumber(), orderA1)
            .units(
                List.of(
                    orderA1.units().get(2).id(),
                    orderA1.units().get(0).id(),
                    orderA1.units().get(1).id()))
            .reason(TicketReason.PRODUCT_RETURN)
            .topic(TicketTopic.RETURN_REQUEST_LABEL)
            .returnIntent(ReturnIntent.MISSING_PARTS)
            .created(at(1))
            .open(at(2881))
            .updated(at(7))
            .firstResponse(at(5), at(4), Duration.ofMinutes(5).plusNanos(123_000))
            .returnOptionDue(at(2000))
            .version(42)
            .build();
    Ticket sparse =
        Fixtures.ticket(store.tickets().nextNumber(), orderA2)
            .reason(TicketReason.CONTACT_OTHER)
            .waiting(WaitingOn.CUSTOMER_SERVICE)
            .build();
    Ticket closed = Fixtures.ticket(store.tickets().nextNumber(), orderB1).closed(true).build();
    for (Ticket t : List.of(full, sparse, closed)) {
      store.tickets().add(t);
    }

    for (Ticket t : List.of(full, sparse, closed)) {
      assertEquals(Optional.of(t), store.tickets().find(t.number()));
      assertEquals(Optional.of(t), store.tickets().find(t.sellerId(), t.number()));
    }
  }

  @Test
  void findIsScopedBySeller() {
    Ticket t = add(Fixtures.ticket(store.tickets().nextNumber(), orderA1));

    assertTrue(store.tickets().find(sellerB, t.number()).isEmpty());
    assertTrue(store.tickets().find(TicketNumber.of("00199999999")).isEmpty());
    assertTrue(store.tickets().find(sellerA, TicketNumber.of("00199999999")).isEmpty());
  }

  @Test
  void duplicateNumberIsRefused() {
    Ticket t = add(Fixtures.ticket(store.tickets().nextNumber(), orderA1));
    Ticket again = Fixtures.ticket(t.number(), orderA1).waiting(WaitingOn.BUYER).build();

    assertThrows(DuplicateKeyException.class, () -> store.tickets().add(again));
    assertEquals(Optional.of(t), store.tickets().find(t.number()));
  }

  @Test
  void updateStoresTheNextVersion() {
    Ticket v1 = add(Fixtures.ticket(store.tickets().nextNumber(), orderA1));
    Ticket v2 =
        Fixtures.ticket(v1.number(), orderA1)
            .waiting(WaitingOn.BUYER)
            .updated(at(9))
            .firstResponse(at(9))
            .version(2)
            .build();
    Ticket v3 =
        Fixtures.ticket(v1.number(), orderA1)
            .closed(false)
            .updated(at(10))
            .firstResponse(at(9))
            .version(3)
            .build();

    store.tickets().update(v2);
    assertEquals(Optional.of(v2), store.tickets().find(v1.number()));
    store.tickets().update(v3);
    assertEquals(Optional.of(v3), store.tickets().find(sellerA, v1.number()));
  }

  @Test
  void staleUpdateIsRefusedAndChangesNothing() {
    Ticket v1 = add(Fixtures.ticket(store.tickets().nextNumber(), orderA1));
    Ticket v2 = Fixtures.ticket(v1.number(), orderA1).waiting(WaitingOn.BUYER).version(2).build();
    Ticket otherV2 = Fixtures.ticket(v1.number(), orderA1).closed(false).version(2).build();
    Ticket v5 = Fixtures.ticket(v1.number(), orderA1).closed(true).version(5).build();
    store.tickets().update(v2);

    assertThrows(ConcurrentUpdateException.class, () -> store.tickets().update(otherV2));
    assertThrows(ConcurrentUpdateException.class, () -> store.tickets().update(v5));
    assertEquals(Optional.of(v2), store.tickets().find(v1.number()));
  }

  @Test
  void updateOfAnUnknownTicketIsRefused() {
    Ticket never = Fixtures.ticket(store.tickets().nextNumber(), orderA1).version(2).build();

    assertThrows(ConcurrentUpdateException.class, () -> store.tickets().update(never));
    assertTrue(store.tickets().find(never.number()).isEmpty());
  }

  // ---- search ----

  /** About 40 tickets over two sellers, two buyers and two storefronts, many sharing times. */
  private List<Ticket> addSearchData() {
    List<Ticket> all = new ArrayList<>();
    Order[] orders = {orderA1, orderA2, orderB1};
    for (int i = 0; i < 42; i++) {
      Order order = orders[i % 3];
      Instant created = at(i / 4 * 10L);
      Fixtures.TicketBuilder b =
          Fixtures.ticket(store.tickets().nextNumber(), order)
              .units(
                  i % 5 == 0
                      ? order.units().stream().map(u -> u.id()).toList()
                      : List.of(order.units().get(i % order.units().size()).id()))
              .reason(REASONS[i % REASONS.length])
              .topic(TOPICS[i % TOPICS.length])
              .created(created);
      switch (i % 4) {
        case 0, 3 -> b.open(at(400 + (i % 3) * 100L));
        case 1 -> b.waiting(i % 8 == 1 ? WaitingOn.BUYER : WaitingOn.CUSTOMER_SERVICE);
        default -> b.closed(i % 8 == 2);
      }
      b.updated(created.plusSeconds((i % 3) * 600L));
      all.add(add(b));
    }
    return all;
  }

  @Test
  void searchFiltersByEveryCriterion() {
    List<Ticket> all = addSearchData();
    Instant from = at(30);
    Instant to = at(70);
    Ticket some = all.get(17);

    check(all, q -> q, t -> true);
    check(all, q -> q.seller(sellerA), t -> t.sellerId().equals(sellerA));
    check(all, q -> q.buyer(BuyerId.of(1)), t -> t.buyerId().value() == 1);
    check(
        all,
        q -> q.seller(sellerA).buyer(BuyerId.of(1)),
        t -> t.sellerId().equals(sellerA) && t.buyerId().value() == 1);
    for (TicketStatus s : TicketStatus.values()) {
      check(all, q -> q.status(s), t -> t.status() == s);
    }
    for (WaitingOn w : WaitingOn.values()) {
      check(all, q -> q.waitingOn(w), t -> t.waitingOn() == w);
    }
    for (TicketReason r : REASONS) {
      check(all, q -> q.reason(r), t -> t.reason() == r);
    }
    check(all, q -> q.topic(TicketTopic.ORDER_CANCEL), t -> t.topic() == TicketTopic.ORDER_CANCEL);
    check(all, Q::noTopic, t -> t.topic() == null);
    check(
        all,
        q -> q.noTopic().seller(sellerB),
        t -> t.topic() == null && t.sellerId().equals(sellerB));
    check(all, q -> q.storefront(Storefront.AT), t -> t.storefront() == Storefront.AT);
    check(all, q -> q.storefront(Storefront.PL), t -> false);
    check(all, q -> q.createdFrom(from), t -> !t.createdAt().isBefore(from));
    check(all, q -> q.createdTo(to), t -> t.createdAt().isBefore(to));
    check(
        all,
        q -> q.createdFrom(from).createdTo(to),
        t -> !t.createdAt().isBefore(from) && t.createdAt().isBefore(to));
    check(all, q -> q.ticketNumber(some.number()), t -> t.equals(some));
    check(all, q -> q.orderNumber(orderA2.number()), t -> t.orderNumber().equals(orderA2.number()));
    check(all, q -> q.seller(sellerB).orderNumber(orderA2.number()), t -> false);
    check(all, q -> q.overdue(true), t -> t.overdueAt(NOW));
    check(all, q -> q.overdue(false), t -> !t.overdueAt(NOW));
    check(
        all,
        q -> q.seller(sellerA).status(TicketStatus.OPEN).overdue(false).reason(REASONS[0]),
        t ->
            t.sellerId().equals(sellerA)
                && t.isOpen()
                && !t.overdueAt(NOW)
                && t.reason() == REASONS[0]);
    assertTrue(all.stream().anyMatch(t -> t.overdueAt(NOW)), "data has overdue tickets");
    assertTrue(
        all.stream().anyMatch(t -> t.isOpen() && t.responseDueAt().equals(NOW)),
        "data has a ticket due exactly now (not overdue)");
  }

  @Test
  void countByStatusCountsWhatTheScopeAndFiltersMatch() {
    List<Ticket> all = addSearchData();

    checkCounts(all, q -> q, t -> true);
    checkCounts(all, q -> q.seller(sellerA), t -> t.sellerId().equals(sellerA));
    checkCounts(all, q -> q.buyer(BuyerId.of(1)), t -> t.buyerId().value() == 1);
    checkCounts(
        all,
        q -> q.seller(sellerA).reason(REASONS[0]).topic(TicketTopic.ORDER_CANCEL),
        t ->
            t.sellerId().equals(sellerA)
                && t.reason() == REASONS[0]
                && t.topic() == TicketTopic.ORDER_CANCEL);
    checkCounts(all, q -> q.storefront(Storefront.AT), t -> t.storefront() == Storefront.AT);
    checkCounts(
        all,
        q -> q.createdFrom(at(30)).createdTo(at(70)),
        t -> !t.createdAt().isBefore(at(30)) && t.createdAt().isBefore(at(70)));
    checkCounts(
        all, q -> q.orderNumber(orderA2.number()), t -> t.orderNumber().equals(orderA2.number()));
    checkCounts(all, q -> q.overdue(true), t -> t.overdueAt(NOW));
    checkCounts(all, q -> q.status(TicketStatus.CLOSED), t -> true);
    checkCounts(all, q -> q.storefront(Storefront.PL), t -> false);
  }

  private void checkCounts(List<Ticket> all, UnaryOperator<Q> query, Predicate<Ticket> matches) {
    java.util.Map<TicketStatus, Long> want = new java.util.HashMap<>();
    all.stream().filter(matches).forEach(t -> want.merge(t.status(), 1L, Long::sum));
    TicketQuery q = query.apply(new Q()).limit(1).build();
    assertEquals(want, new java.util.HashMap<>(store.tickets().countByStatus(q)), q.toString());
  }

  @Test
  void searchLoadsTheUnitsOfEveryTicket() {
    List<Ticket> all = addSearchData();

    assertEquals(
        expected(all, t -> true, TicketSort.CREATED_DESC).subList(0, 20),
        store.tickets().search(new Q().limit(20).build()));
  }

  @Test
  void pagesNewestFirstWithTiesBrokenByNumber() {
    checkPaging(addSearchData(), TicketSort.CREATED_DESC);
  }

  @Test
  void pagesRecentlyUpdatedFirstWithTiesBrokenByNumber() {
    checkPaging(addSearchData(), TicketSort.UPDATED_DESC);
  }

  @Test
  void pagesOpenTicketsByDeadlineWithTiesBrokenByNumber() {
    checkPaging(addSearchData(), TicketSort.DUE);
  }

  @Test
  void dueSortListsOpenTicketsOnly() {
    List<Ticket> all = addSearchData();

    List<Ticket> found = store.tickets().search(new Q().sort(TicketSort.DUE).limit(101).build());
    assertFalse(found.isEmpty());
    assertEquals(expected(all, Ticket::isOpen, TicketSort.DUE), found);
  }

  private void checkPaging(List<Ticket> all, TicketSort sort) {
    for (Q scope : List.of(new Q(), new Q().seller(sellerA), new Q().buyer(BuyerId.of(1)))) {
      TicketQuery probe = scope.build();
      Predicate<Ticket> matches =
          t ->
              (probe.seller() == null || t.sellerId().equals(probe.seller()))
                  && (probe.buyer() == null || t.buyerId().equals(probe.buyer()))
                  && (sort != TicketSort.DUE || t.isOpen());
      List<Ticket> read = new ArrayList<>();
      TicketQuery.Keyset after = null;
      for (int pages = 0; pages < 100; pages++) {
        List<Ticket> page = store.tickets().search(scope.sort(sort).after(after).limit(4).build());
        read.addAll(page);
        if (page.size() < 4) {
          break;
        }
        after = keyset(sort, page.get(page.size() - 1));
      }
      List<Ticket> want = expected(all, matches, sort);
      assertTrue(want.size() > 8, "several pages");
      assertEquals(want, read, "paging " + sort + " " + probe);
    }
  }

  private static TicketQuery.Keyset keyset(TicketSort sort, Ticket t) {
    Instant key =
        switch (sort) {
          case CREATED_DESC -> t.createdAt();
          case UPDATED_DESC -> t.updatedAt();
          case DUE -> t.responseDueAt();
        };
    return new TicketQuery.Keyset(key, t.number());
  }

  private void check(List<Ticket> all, UnaryOperator<Q> query, Predicate<Ticket> matches) {
    for (TicketSort sort : TicketSort.values()) {
      Predicate<Ticket> want = sort == TicketSort.DUE ? matches.and(Ticket::isOpen) : matches;
      TicketQuery q = query.apply(new Q()).sort(sort).limit(101).build();
      assertEquals(expected(all, want, sort), store.tickets().search(q), q.toString());
    }
  }

  private static List<Ticket> expected(List<Ticket> all, Predicate<Ticket> matches, TicketSort s) {
    Comparator<Ticket> byNumber = Comparator.comparing(t -> t.number().value());
    Comparator<Ticket> order =
        switch (s) {
          case CREATED_DESC ->
              Comparator.comparing(Ticket::createdAt).thenComparing(byNumber).reversed();
          case UPDATED_DESC ->
              Comparator.comparing(Ticket::updatedAt).thenComparing(byNumber).reversed();
          case DUE -> Comparator.comparing(Ticket::responseDueAt).thenComparing(byNumber);
        };
    return all.stream().filter(matches).sorted(order).toList();
  }

  private Ticket add(Fixtures.TicketBuilder builder) {
    Ticket t = builder.build();
    store.tickets().add(t);
    return t;
  }

  /** A mutable builder of ticket queries, "now" fixed at {@link #NOW}. */
  private static final class Q {
    private SellerId seller;
    private BuyerId buyer;
    private TicketStatus status;
    private WaitingOn waitingOn;
    private TicketReason reason;
    private TopicFilter topic;
    private Storefront storefront;
    private Instant createdFrom;
    private Instant createdTo;
    private TicketNumber ticketNumber;
    private OrderNumber orderNumber;
    private Boolean overdue;
    private TicketSort sort = TicketSort.CREATED_DESC;
    private TicketQuery.Keyset after;
    private int limit = 101;

    Q seller(SellerId v) {
      seller = v;
      return this;
    }

    Q buyer(BuyerId v) {
      buyer = v;
      return this;
    }

    Q status(TicketStatus v) {
      status = v;
      return this;
    }

    Q waitingOn(WaitingOn v) {
      waitingOn = v;
      return this;
    }

    Q reason(TicketReason v) {
      reason = v;
      return this;
    }

    Q topic(TicketTopic v) {
      topic = TopicFilter.is(v);
      return this;
    }

    Q noTopic() {
      topic = TopicFilter.NONE;
      return this;
    }

    Q storefront(Storefront v) {
      storefront = v;
      return this;
    }

    Q createdFrom(Instant v) {
      createdFrom = v;
      return this;
    }

    Q createdTo(Instant v) {
      createdTo = v;
      return this;
    }

    Q ticketNumber(TicketNumber v) {
      ticketNumber = v;
      return this;
    }

    Q orderNumber(OrderNumber v) {
      orderNumber = v;
      return this;
    }

    Q overdue(Boolean v) {
      overdue = v;
      return this;
    }

    Q sort(TicketSort v) {
      sort = v;
      return this;
    }

    Q after(TicketQuery.Keyset v) {
      after = v;
      return this;
    }

    Q limit(int v) {
      limit = v;
      return this;
    }

    TicketQuery build() {
      return new TicketQuery(
          seller,
          buyer,
          status,
          waitingOn,
          reason,
          topic,
          storefront,
          createdFrom,
          createdTo,
          ticketNumber,
          orderNumber,
          overdue,
          NOW,
          sort,
          after,
          limit);
    }
  }
}
