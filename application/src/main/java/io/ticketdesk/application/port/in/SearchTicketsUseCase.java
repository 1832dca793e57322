package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.TopicFilter;
import io.ticketdesk.domain.Validation;
import io.ticketdesk.domain.WaitingOn;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Use case: list and search the tickets in the actor's scope, a keyset page at a time. */
public interface SearchTicketsUseCase {
  int MAX_LIMIT = 100;
  int DEFAULT_LIMIT = 25;

  TicketPage search(Actor actor, Query query);

  /**
   * How many tickets in the actor's scope match the query's filters, per status (every status is
   * present; the query's status, sort, limit and cursor are ignored): the counts of the inbox tabs.
   */
  Map<TicketStatus, Long> countByStatus(Actor actor, Query query);

  /**
   * Filters (null = none), the free-text {@code q} (a ticket number or an order number), the sort,
   * the page size and the opaque cursor of the previous page.
   */
  record Query(
      TicketStatus status,
      WaitingOn waitingOn,
      TicketReason reason,
      TopicFilter topic,
      Storefront storefront,
      Instant createdFrom,
      Instant createdTo,
      Boolean overdue,
      String q,
      Sort sort,
      Integer limit,
      String cursor) {
    public static Query all() {
      return new Query(null, null, null, null, null, null, null, null, null, null, null, null);
    }
  }

  /** The orders a ticket list can be sorted in. */
  enum Sort {
    /** Newest first. */
    CREATED_DESC("-created"),
    /** Most recently changed first. */
    UPDATED_DESC("-updated"),
    /** Open tickets, most urgent (earliest response deadline) first. */
    DUE("due");

    private final String wire;

    Sort(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
    public static Sort of(String value) {
      return Validation.parseEnum(Sort.class, value, "sort", Sort::wire);
    }
  }

  /** One page; {@code nextCursor} is null on the last page. */
  record TicketPage(List<Ticket> items, String nextCursor) {}
}
