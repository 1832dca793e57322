package io.ticketdesk.application.service;

import static io.ticketdesk.application.service.World.ERIKA;
import static io.ticketdesk.application.service.World.MAX;
import static io.ticketdesk.application.service.World.MONDAY_10_BERLIN;
import static io.ticketdesk.application.service.World.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.SearchTicketsUseCase.Query;
import io.ticketdesk.application.port.in.SearchTicketsUseCase.Sort;
import io.ticketdesk.application.port.in.SearchTicketsUseCase.TicketPage;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.TicketTopic;
import io.ticketdesk.domain.TopicFilter;
import io.ticketdesk.domain.WaitingOn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketSearchTest {
  final World w = new World();
  final Seller rack = w.seller("Rack GmbH", Storefront.DE, Storefront.CZ);
  final Seller other = w.seller("Other", Storefront.DE);
  final Actor rackActor = Actor.seller(rack.id());
  final Actor otherActor = Actor.seller(other.id());

  TicketSearchTest() {
    w.order(rack, ERIKA, "A1", Storefront.DE, 1, 2);
    w.order(rack, MAX, "A2", Storefront.CZ, 3);
    w.order(other, ERIKA, "B1", Storefront.DE, 4);
  }

  /** A query with named fields. */
  static final class Q {
    TicketStatus status;
    WaitingOn waitingOn;
    TicketReason reason;
    TopicFilter topic;
    Storefront storefront;
    Instant createdFrom;
    Instant createdTo;
    Boolean overdue;
    String q;
    Sort sort;
    Integer limit;
    String cursor;

    Query build() {
      return new Query(
          status,
          waitingOn,
          reason,
          topic,
          storefront,
          createdFrom,
          createdTo,
          overdue,
          q,
          sort,
          limit,
          cursor);
    }
  }

  List<String> numbers(Actor actor, Q q) {
    return w.tickets.search(actor, q.build()).items().stream()
        .map(t -> t.number().value())
        .toList();
  }

  List<String> numbers(Actor actor) {
    return numbers(actor, new Q());
  }

  Ticket openWith(Actor actor, long unit, TicketReason reason, TicketTopic topic) {
    return w.tickets
        .open(
            actor,
            new OpenTicketUseCase.Command(
                List.of(OrderUnitId.of(unit)), null, reason, topic, null, MessageText.of("Hi")))
        .ticket();
  }

  /** Five tickets, one minute apart: 1 (A1), 2 (A2), 3 (B1), 4 (A1, by seller), 5 (A1, closed). */
  void fiveTickets() {
    openWith(Actor.buyer(ERIKA), 1, TicketReason.PRODUCT_DEFECT, TicketTopic.ORDER_PRODUCT_DEFECT);
    w.clock.advance(Duration.ofMinutes(1));
    openWith(Actor.buyer(MAX), 3, TicketReason.PRODUCT_RETURN, TicketTopic.RETURN_REQUEST_LABEL);
    w.clock.advance(Duration.ofMinutes(1));
    openWith(Actor.buyer(ERIKA), 4, TicketReason.PRODUCT_DEFECT, null);
    w.clock.advance(Duration.ofMinutes(1));
    openWith(rackActor, 2, TicketReason.CONTACT_OTHER, null);
    w.clock.advance(Duration.ofMinutes(1));
    Ticket t5 = openWith(Actor.buyer(ERIKA), 2, TicketReason.PRODUCT_NOT_DELIVERED, null);
    w.post(rackActor, t5.number(), "Delivered today.", false);
    w.tickets.close(rackActor, t5.number(), null, null);
  }

  static String n(int seq) {
    return String.format("001%08d", seq);
  }

  @Nested
  @DisplayName("Scope")
  class Scope {
    @Test
    void aSellerSeesOnlyItsOwnTicketsNewestFirst() {
      fiveTickets();
      assertEquals(List.of(n(5), n(4), n(2), n(1)), numbers(rackActor));
      assertEquals(List.of(n(3)), numbers(otherActor));
    }

    @Test
    void aBuyerSeesOnlyTheirOwnTickets() {
      fiveTickets();
      assertEquals(List.of(n(5), n(4), n(3), n(1)), numbers(Actor.buyer(ERIKA)));
      assertEquals(List.of(n(2)), numbers(Actor.buyer(MAX)));
    }

    @Test
    void customerServiceAndTheMarketplaceSeeEverything() {
      fiveTickets();
      assertEquals(List.of(n(5), n(4), n(3), n(2), n(1)), numbers(Actor.customerService()));
      assertEquals(List.of(n(5), n(4), n(3), n(2), n(1)), numbers(Actor.marketplace()));
    }

    @Test
    void withoutAnActorIsUnauthenticated() {
      refused(ErrorCode.UNAUTHENTICATED, () -> w.tickets.search(null, Query.all()));
    }
  }

  @Nested
  @DisplayName("Filters")
  class Filters {
    @Test
    void byStatusAndWaitingOn() {
      fiveTickets();
      Q q = new Q();
      q.status = TicketStatus.OPEN;
      assertEquals(List.of(n(2), n(1)), numbers(rackActor, q));
      q.status = TicketStatus.WAITING;
      assertEquals(List.of(n(4)), numbers(rackActor, q));
      q.status = TicketStatus.CLOSED;
      assertEquals(List.of(n(5)), numbers(rackActor, q));
      q.status = null;
      q.waitingOn = WaitingOn.BUYER;
      assertEquals(List.of(n(4)), numbers(rackActor, q));
      q.waitingOn = WaitingOn.CUSTOMER_SERVICE;
      assertEquals(List.of(), numbers(rackActor, q));
    }

    @Test
    void byReasonTopicAndStorefront() {
      fiveTickets();
      Q q = new Q();
      q.reason = TicketReason.PRODUCT_DEFECT;
      assertEquals(List.of(n(3), n(1)), numbers(Actor.customerService(), q));
      q.reason = null;
      q.topic = TopicFilter.is(TicketTopic.RETURN_REQUEST_LABEL);
      assertEquals(List.of(n(2)), numbers(Actor.customerService(), q));
      q.topic = TopicFilter.NONE;
      assertEquals(List.of(n(5), n(4), n(3)), numbers(Actor.customerService(), q));
      q.topic = null;
      q.storefront = Storefront.CZ;
      assertEquals(List.of(n(2)), numbers(Actor.customerService(), q));
      q.storefront = Storefront.DE;
      assertEquals(List.of(n(5), n(4), n(1)), numbers(rackActor, q));
    }

    @Test
    void byCreationTimeFromInclusiveToExclusive() {
      fiveTickets();
      Q q = new Q();
      q.createdFrom = MONDAY_10_BERLIN.plus(Duration.ofMinutes(1));
      q.createdTo = MONDAY_10_BERLIN.plus(Duration.ofMinutes(3));
      assertEquals(List.of(n(3), n(2)), numbers(Actor.customerService(), q));
    }

    @Test
    void refusesAnEmptyTimeRange() {
      Q q = new Q();
      q.createdFrom = MONDAY_10_BERLIN;
      q.createdTo = MONDAY_10_BERLIN;
      DomainException e =
          refused(ErrorCode.VALIDATION, () -> w.tickets.search(rackActor, q.build()));
      assertEquals(Map.of("field", "createdFrom"), e.details());
    }

    @Test
    void byOverdue() {
      fiveTickets();
      Q q = new Q();
      q.overdue = true;
      assertEquals(List.of(), numbers(rackActor, q));
      w.clock.set(Instant.parse("2026-03-04T09:00:30Z")); // after ticket 1's deadline only
      assertEquals(List.of(n(1)), numbers(rackActor, q));
      q.overdue = false;
      assertEquals(List.of(n(5), n(4), n(2)), numbers(rackActor, q));
    }
  }

  @Nested
  @DisplayName("Free text q")
  class FreeText {
    @Test
    void findsATicketByNumber() {
      fiveTickets();
      Q q = new Q();
      q.q = n(2);
      assertEquals(List.of(n(2)), numbers(rackActor, q));
      q.q = "  " + n(2) + " ";
      assertEquals(List.of(n(2)), numbers(rackActor, q));
    }

    @Test
    void doesNotRevealAnotherTenantsTicketByNumber() {
      fiveTickets();
      Q q = new Q();
      q.q = n(3);
      assertEquals(List.of(), numbers(rackActor, q));
      assertEquals(List.of(), numbers(Actor.buyer(MAX), q));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A1", "a1", " a1 "})
    void findsTicketsByOrderNumberInAnyCase(String text) {
      fiveTickets();
      Q q = new Q();
      q.q = text;
      assertEquals(List.of(n(5), n(4), n(1)), numbers(rackActor, q));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"A-1", "ab cd", "001-0000001", "A1%", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"})
    void refusesAnythingElse(String text) {
      Q q = new Q();
      q.q = text;
      DomainException e =
          refused(ErrorCode.VALIDATION, () -> w.tickets.search(rackActor, q.build()));
      assertEquals(Map.of("field", "q"), e.details());
    }

    @Test
    void ignoresABlankQ() {
      fiveTickets();
      Q q = new Q();
      q.q = "   ";
      assertEquals(List.of(n(5), n(4), n(2), n(1)), numbers(rackActor, q));
    }
  }

  @Nested
  @DisplayName("Sorting by due time")
  class SortByDue {
    @Test
    void listsOnlyOpenTicketsMostUrgentFirst() {
      Ticket a = w.open(Actor.buyer(ERIKA), 1);
      w.clock.advance(Duration.ofHours(1));
      Ticket b = w.open(Actor.buyer(ERIKA), 2);
      w.clock.advance(Duration.ofHours(1));
      w.open(rackActor, 1); // waiting
      w.post(rackActor, a.number(), "answer", false); // a now waiting
      w.post(Actor.buyer(ERIKA), a.number(), "still broken", false); // a open again, due later
      Q q = new Q();
      q.sort = Sort.DUE;
      assertEquals(List.of(b.number().value(), a.number().value()), numbers(rackActor, q));
      q.status = TicketStatus.OPEN;
      assertEquals(List.of(b.number().value(), a.number().value()), numbers(rackActor, q));
    }

    @ParameterizedTest
    @EnumSource(
        value = TicketStatus.class,
        names = {"WAITING", "CLOSED"})
    void refusesAnotherStatus(TicketStatus status) {
      Q q = new Q();
      q.sort = Sort.DUE;
      q.status = status;
      DomainException e =
          refused(ErrorCode.VALIDATION, () -> w.tickets.search(rackActor, q.build()));
      assertEquals(Map.of("field", "sort"), e.details());
    }
  }

  @Nested
  @DisplayName("Paging")
  class Paging {
    List<String> openManyAtTheSameInstant(int count) {
      List<String> all = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        all.add(w.open(Actor.buyer(ERIKA), 1 + (i % 2)).number().value());
      }
      return all;
    }

    @ParameterizedTest
    @EnumSource(Sort.class)
    void returnsEveryTicketExactlyOnceAcrossPagesWithIdenticalTimestamps(Sort sort) {
      List<String> all = openManyAtTheSameInstant(23);
      List<String> seen = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        Q q = new Q();
        q.sort = sort;
        q.limit = 5;
        q.cursor = cursor;
        TicketPage page = w.tickets.search(rackActor, q.build());
        page.items().forEach(t -> seen.add(t.number().value()));
        cursor = page.nextCursor();
        pages++;
        assertTrue(pages <= 5, "too many pages");
      } while (cursor != null);
      assertEquals(5, pages);
      assertEquals(23, seen.size());
      assertEquals(new HashSet<>(all), new HashSet<>(seen));
      Comparator<String> byNumber = Comparator.naturalOrder();
      List<String> expected =
          all.stream().sorted(sort == Sort.DUE ? byNumber : byNumber.reversed()).toList();
      assertEquals(expected, seen);
    }

    @Test
    void theLastFullPageHasNoCursor() {
      openManyAtTheSameInstant(4);
      Q q = new Q();
      q.limit = 2;
      TicketPage first = w.tickets.search(rackActor, q.build());
      assertNotNull(first.nextCursor());
      q.cursor = first.nextCursor();
      TicketPage second = w.tickets.search(rackActor, q.build());
      assertEquals(
          List.of(n(2), n(1)), second.items().stream().map(t -> t.number().value()).toList());
      assertNull(second.nextCursor());
    }

    @Test
    void defaultsTo25PerPage() {
      openManyAtTheSameInstant(26);
      TicketPage page = w.tickets.search(rackActor, Query.all());
      assertEquals(25, page.items().size());
      assertNotNull(page.nextCursor());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void refusesALimitOutside1To100(int limit) {
      Q q = new Q();
      q.limit = limit;
      DomainException e =
          refused(ErrorCode.VALIDATION, () -> w.tickets.search(rackActor, q.build()));
      assertEquals(Map.of("field", "limit"), e.details());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void acceptsTheLimitBounds(int limit) {
      openManyAtTheSameInstant(101);
      Q q = new Q();
      q.limit = limit;
      TicketPage page = w.tickets.search(rackActor, q.build());
      assertEquals(limit, page.items().size());
      assertNotNull(page.nextCursor());
    }

    @Test
    void refusesACursorOfAnotherSort() {
      openManyAtTheSameInstant(3);
      Q q = new Q();
      q.limit = 1;
      String cursor = w.tickets.search(rackActor, q.build()).nextCursor();
      q.cursor = cursor;
      q.sort = Sort.DUE;
      DomainException e =
          refused(ErrorCode.VALIDATION, () -> w.tickets.search(rackActor, q.build()));
      assertEquals(Map.of("field", "cursor"), e.details());
      assertTrue(e.getMessage().contains("-created"), e.getMessage());
      q.sort = Sort.UPDATED_DESC;
      refused(ErrorCode.VALIDATION, () -> w.tickets.search(rackActor, q.build()));
    }

    static String b64(String raw) {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesATamperedCursor() {
      openManyAtTheSameInstant(3);
      Q q = new Q();
      q.limit = 1;
      String good = w.tickets.search(rackActor, q.build()).nextCursor();
      char last = good.charAt(good.length() - 2);
      Set<String> tampered =
          Set.of(
              good.substring(0, good.length() - 2)
                  + (last == 'A' ? 'B' : 'A')
                  + good.charAt(good.length() - 1),
              good + "!",
              "not a cursor",
              "x".repeat(201),
              b64("t1|-created|abc|00100000001"),
              b64("t1|-created|1|12345"),
              b64("t1|-created|99999999999999999999|00100000001"),
              b64("t2|-created|1|00100000001"),
              b64("m1|5"),
              b64("t1|-created|1|00100000001|extra"));
      for (String cursor : tampered) {
        q.cursor = cursor;
        DomainException e =
            refused(ErrorCode.VALIDATION, () -> w.tickets.search(rackActor, q.build()));
        assertEquals(Map.of("field", "cursor"), e.details(), cursor);
      }
    }

    @Test
    void aHandMadeButWellFormedCursorStillOnlyPagesWithinScope() {
      openManyAtTheSameInstant(2);
      Q q = new Q();
      q.cursor = b64("t1|-created|" + Long.MAX_VALUE / 1000 + "|00199999999");
      assertEquals(List.of(), numbers(otherActor, q));
      assertEquals(List.of(n(2), n(1)), numbers(rackActor, q));
    }
  }
}
