package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.SearchTicketsUseCase;
import io.ticketdesk.application.port.out.TicketQuery;
import io.ticketdesk.application.port.out.TicketSort;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Listing and searching the tickets in the actor's scope, a keyset page at a time. */
public final class SearchTicketsService implements SearchTicketsUseCase {
  private final Tickets tickets;
  private final Clock clock;

  SearchTicketsService(Tickets tickets, Clock clock) {
    this.tickets = requireNonNull(tickets, "tickets is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public TicketPage search(Actor actor, Query q) {
    if (actor == null) {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, "authentication required");
    }
    TicketSort sort =
        q.sort() == null ? TicketSort.CREATED_DESC : TicketSort.valueOf(q.sort().name());
    int limit = q.limit() == null ? SearchTicketsUseCase.DEFAULT_LIMIT : q.limit();
    if (limit < 1 || limit > SearchTicketsUseCase.MAX_LIMIT) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "limit must be between 1 and " + SearchTicketsUseCase.MAX_LIMIT,
          Map.of("field", "limit"));
    }
    validRange(q);
    TicketStatus status = q.status();
    if (sort == TicketSort.DUE) {
      if (status != null && status != TicketStatus.OPEN) {
        throw new DomainException(
            ErrorCode.VALIDATION,
            "sort=due lists open tickets only; drop status or use status=open",
            Map.of("field", "sort"));
      }
      status = TicketStatus.OPEN;
    }
    TicketQuery.Keyset after =
        q.cursor() == null ? null : PageCursor.parseTickets(q.cursor(), sort);
    TicketQuery query = ticketQuery(actor, q, status, sort, after, limit + 1);
    List<Ticket> rows = tickets.search(query);
    if (rows.size() <= limit) {
      return new TicketPage(rows, null);
    }
    List<Ticket> page = rows.subList(0, limit);
    Ticket last = page.get(limit - 1);
    return new TicketPage(List.copyOf(page), PageCursor.tickets(sort, keyset(sort, last)));
  }

  @Override
  public Map<TicketStatus, Long> countByStatus(Actor actor, Query q) {
    if (actor == null) {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, "authentication required");
    }
    validRange(q);
    Map<TicketStatus, Long> found =
        tickets.countByStatus(ticketQuery(actor, q, null, TicketSort.CREATED_DESC, null, 1));
    Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
    for (TicketStatus s : TicketStatus.values()) {
      counts.put(s, found.getOrDefault(s, 0L));
    }
    return counts;
  }

  /**
   * The store's query for a search in the actor's scope; {@code q.q()} is a ticket or order number.
   */
  private TicketQuery ticketQuery(
      Actor actor,
      Query q,
      TicketStatus status,
      TicketSort sort,
      TicketQuery.Keyset after,
      int limit) {
    TicketNumber ticketNumber = null;
    OrderNumber orderNumber = null;
    if (q.q() != null && !q.q().isBlank()) {
      String text = q.q().strip();
      if (TicketNumber.looksLike(text)) {
        ticketNumber = TicketNumber.of(text);
      } else if (OrderNumber.looksLike(text.toUpperCase(java.util.Locale.ROOT))) {
        orderNumber = OrderNumber.of(text.toUpperCase(java.util.Locale.ROOT));
      } else {
        throw new DomainException(
            ErrorCode.VALIDATION,
            "q must be an 11-digit ticket number (001…) or an order number (letters and digits)",
            Map.of("field", "q"));
      }
    }
    return new TicketQuery(
        actor.is(Role.SELLER) ? actor.sellerId().orElseThrow() : null,
        actor.is(Role.BUYER) ? actor.buyerId().orElseThrow() : null,
        status,
        q.waitingOn(),
        q.reason(),
        q.topic(),
        q.storefront(),
        q.createdFrom(),
        q.createdTo(),
        ticketNumber,
        orderNumber,
        q.overdue(),
        clock.instant().truncatedTo(ChronoUnit.MICROS),
        sort,
        after,
        limit);
  }

  private static void validRange(Query q) {
    if (q.createdFrom() != null
        && q.createdTo() != null
        && !q.createdFrom().isBefore(q.createdTo())) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "createdFrom must be before createdTo",
          Map.of("field", "createdFrom"));
    }
  }

  static TicketQuery.Keyset keyset(TicketSort sort, Ticket t) {
    Instant key =
        switch (sort) {
          case CREATED_DESC -> t.createdAt();
          case UPDATED_DESC -> t.updatedAt();
          case DUE -> t.responseDueAt();
        };
    return new TicketQuery.Keyset(key, t.number());
  }
}
