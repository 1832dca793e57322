package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.FirstResponse;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.WaitingOn;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of the service-level ports: {@code ResponseTimes}, {@code SystemState} and {@code
 * Tickets.openTickets}/{@code openTicketsDue}.
 */
public abstract class ServiceLevelContractTest {
  protected StorePorts store;
  private SellerId sellerA;
  private SellerId sellerB;
  private Order deOrderA;
  private Order atOrderA;
  private Order deOrderB;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    sellerA = Fixtures.seller(store).id();
    sellerB = Fixtures.seller(store).id();
    deOrderA = Fixtures.storedOrder(store, sellerA, 1, 1);
    atOrderA = Fixtures.order(sellerA, 2, 1, Storefront.AT);
    store.orders().add(atOrderA);
    deOrderB = Fixtures.storedOrder(store, sellerB, 3, 1);
  }

  private Ticket add(Fixtures.TicketBuilder builder) {
    Ticket t = builder.build();
    store.tickets().add(t);
    return t;
  }

  private Fixtures.TicketBuilder ticket(Order order) {
    return Fixtures.ticket(store.tickets().nextNumber(), order);
  }

  @Test
  void firstResponsesAreReadByTheirDeadlineFilteredBySellerStorefrontAndHalfOpenPeriod() {
    add(
        ticket(deOrderA)
            .waiting(WaitingOn.BUYER)
            .firstResponse(at(5), at(10), Duration.ofMinutes(10)));
    add(
        ticket(deOrderA)
            .waiting(WaitingOn.BUYER)
            .firstResponse(at(130), at(30), Duration.ofMinutes(70)));
    add(
        ticket(deOrderA)
            .waiting(WaitingOn.BUYER)
            .firstResponse(at(50), at(200), Duration.ofHours(1)));
    add(
        ticket(atOrderA)
            .waiting(WaitingOn.BUYER)
            .firstResponse(at(15), at(20), Duration.ofMinutes(5)));
    add(
        ticket(deOrderB)
            .waiting(WaitingOn.BUYER)
            .firstResponse(at(15), at(20), Duration.ofMinutes(5)));
    add(ticket(deOrderA).open(at(40)));
    add(ticket(deOrderA).waiting(WaitingOn.BUYER)); // opened by the seller: nothing owed

    List<FirstResponse> a =
        sorted(store.responseTimes().firstResponsesDue(sellerA, Storefront.DE, at(10), at(100)));
    assertEquals(
        List.of(
            new FirstResponse(Storefront.DE, at(10), at(5), Duration.ofMinutes(10)),
            new FirstResponse(Storefront.DE, at(30), at(130), Duration.ofMinutes(70)),
            new FirstResponse(Storefront.DE, at(40), null, null)),
        a);
    assertEquals(
        1, store.responseTimes().firstResponsesDue(sellerA, Storefront.AT, at(0), at(1000)).size());
    assertEquals(
        3, store.responseTimes().firstResponsesDue(null, Storefront.DE, at(0), at(40)).size());
    assertTrue(
        store.responseTimes().firstResponsesDue(sellerB, Storefront.AT, at(0), at(1000)).isEmpty());
  }

  @Test
  void aResponseExactlyOnTheDeadlineIsOnTime() {
    add(
        ticket(deOrderA)
            .waiting(WaitingOn.BUYER)
            .firstResponse(at(20), at(20), Duration.ofHours(48)));
    FirstResponse r =
        store.responseTimes().firstResponsesDue(sellerA, Storefront.DE, at(0), at(100)).get(0);
    assertTrue(r.onTime());
    assertEquals(Duration.ofHours(48), r.workingTime());
  }

  @Test
  void openOverdueCountsOpenTicketsWhoseDeadlineLiesBeforeNow() {
    add(ticket(deOrderA).open(at(10)));
    add(ticket(deOrderA).open(at(49)));
    add(ticket(deOrderA).open(at(50)));
    add(ticket(deOrderA).open(at(60)));
    add(ticket(atOrderA).open(at(10)));
    add(ticket(deOrderB).open(at(10)));
    add(ticket(deOrderA).waiting(WaitingOn.BUYER));
    add(ticket(deOrderA).closed(false));

    assertEquals(2, store.responseTimes().openOverdue(sellerA, Storefront.DE, at(50)));
    assertEquals(1, store.responseTimes().openOverdue(sellerA, Storefront.AT, at(50)));
    assertEquals(3, store.responseTimes().openOverdue(null, Storefront.DE, at(50)));
    assertEquals(0, store.responseTimes().openOverdue(sellerB, Storefront.AT, at(50)));
  }

  @Test
  void openTicketsPagesThroughAllSellersInTicketNumberOrder() {
    Ticket o1 = add(ticket(deOrderA).open(at(10)));
    add(ticket(deOrderA).waiting(WaitingOn.BUYER));
    Ticket o2 = add(ticket(deOrderB).open(at(20)));
    add(ticket(atOrderA).closed(true));
    Ticket o3 = add(ticket(atOrderA).open(at(30)));

    List<Ticket> first = store.tickets().openTickets(null, 2);
    assertEquals(List.of(o1, o2), first);
    assertEquals(List.of(o3), store.tickets().openTickets(o2.number(), 2));
    assertTrue(store.tickets().openTickets(o3.number(), 2).isEmpty());
  }

  @Test
  void openTicketsDueReadsOnlyTheDeadlineWindowInDeadlineOrderAcrossSellers() {
    Ticket early = add(ticket(deOrderB).open(at(10)));
    Ticket sameDueA = add(ticket(deOrderA).open(at(20)));
    Ticket sameDueB = add(ticket(deOrderB).open(at(20)));
    add(ticket(deOrderA).waiting(WaitingOn.BUYER));
    add(ticket(atOrderA).closed(true));
    Ticket late = add(ticket(atOrderA).open(at(30)));
    add(ticket(deOrderA).open(at(40))); // at the window's end: outside (half-open)
    add(ticket(deOrderB).open(at(5))); // before the window

    List<Ticket> all = store.tickets().openTicketsDue(at(10), at(40), null, 10);
    assertEquals(List.of(early, sameDueA, sameDueB, late), all);

    List<Ticket> first = store.tickets().openTicketsDue(at(10), at(40), null, 2);
    assertEquals(List.of(early, sameDueA), first);
    var key = io.ticketdesk.application.port.out.Tickets.DueKey.of(first.get(1));
    assertEquals(List.of(sameDueB, late), store.tickets().openTicketsDue(at(10), at(40), key, 2));
    var last = io.ticketdesk.application.port.out.Tickets.DueKey.of(late);
    assertTrue(store.tickets().openTicketsDue(at(10), at(40), last, 2).isEmpty());
    assertTrue(store.tickets().openTicketsDue(at(41), at(90), null, 2).isEmpty());
  }

  @Test
  void openReturnRequestsDueReadsOnlyTheOpenReturnRequestsThatMayOweAnOptionAnswer() {
    var PR = io.ticketdesk.domain.TicketReason.PRODUCT_RETURN;
    Ticket unanswered = add(ticket(deOrderA).reason(PR).open(at(10)));
    Ticket markedAfterAnswer =
        add(
            ticket(deOrderB)
                .reason(PR)
                .returnIntent(io.ticketdesk.domain.ReturnIntent.REFUND)
                .open(at(20))
                .firstResponse(at(2))
                .returnOptionDue(at(25)));
    Ticket otherSeller = add(ticket(atOrderA).reason(PR).open(at(30)));
    add(ticket(deOrderA).reason(PR).open(at(15)).firstResponse(at(1))); // answered, not marked
    add(
        ticket(deOrderA)
            .reason(PR)
            .returnIntent(io.ticketdesk.domain.ReturnIntent.REPAIR)
            .open(at(16))); // repair: the policy never applies
    add(ticket(deOrderB).open(at(12))); // a defect, not a return request
    add(ticket(deOrderB).reason(PR).waiting(WaitingOn.BUYER)); // the seller owes nothing now
    add(ticket(deOrderA).reason(PR).closed(false));
    add(ticket(deOrderA).reason(PR).open(at(40))); // its deadline is not before the window's end

    assertEquals(
        List.of(unanswered, markedAfterAnswer, otherSeller),
        store.tickets().openReturnRequestsDue(at(40), null, 10));
    // The store's filter is the domain's rule, no more and no less.
    assertEquals(
        store.tickets().openTicketsDue(java.time.Instant.EPOCH, at(40), null, 100).stream()
            .filter(io.ticketdesk.domain.ReturnOptionPolicy::mayOweOptionAnswer)
            .toList(),
        store.tickets().openReturnRequestsDue(at(40), null, 10));

    List<Ticket> first = store.tickets().openReturnRequestsDue(at(40), null, 2);
    assertEquals(List.of(unanswered, markedAfterAnswer), first);
    var key = io.ticketdesk.application.port.out.Tickets.DueKey.of(first.get(1));
    assertEquals(List.of(otherSeller), store.tickets().openReturnRequestsDue(at(40), key, 2));
    assertTrue(store.tickets().openReturnRequestsDue(at(10), null, 10).isEmpty());
  }

  @Test
  void systemStateRemembersAndOverwritesValues() {
    assertEquals(Optional.empty(), store.systemState().get("holiday-calendar"));
    store.systemState().put("holiday-calendar", "v1");
    store.systemState().put("other", "x");
    store.systemState().put("holiday-calendar", "v2");
    assertEquals(Optional.of("v2"), store.systemState().get("holiday-calendar"));
    assertEquals(Optional.of("x"), store.systemState().get("other"));
    assertFalse(store.systemState().get("missing").isPresent());
  }

  private static List<FirstResponse> sorted(List<FirstResponse> list) {
    return list.stream().sorted(Comparator.comparing(FirstResponse::dueAt)).toList();
  }
}
