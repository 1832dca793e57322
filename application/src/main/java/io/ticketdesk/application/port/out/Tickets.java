package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tickets, with optimistic locking on {@code version}. */
public interface Tickets {
  /** Allocates the next ticket number; numbers are never reused. */
  TicketNumber nextNumber();

  void add(Ticket ticket);

  Optional<Ticket> find(TicketNumber number);

  Optional<Ticket> find(SellerId seller, TicketNumber number);

  /**
   * Stores the next state of a ticket whose stored version is {@code next.version() - 1}.
   *
   * @throws ConcurrentUpdateException when the stored version differs
   */
  void update(Ticket next);

  /**
   * Open tickets of all sellers in ticket-number order after {@code after} (null = from the start),
   * at most {@code limit}; for recomputing deadlines in batches.
   */
  List<Ticket> openTickets(TicketNumber after, int limit);

  /**
   * Open tickets of all sellers whose running deadline lies in [{@code dueFrom}, {@code
   * dueBefore}), in (deadline, ticket number) order after {@code after} (null = from the start), at
   * most {@code limit}: for the background scans (deadline alerts, missed return-option answers),
   * which need only the tickets whose deadline is near or past, not every open ticket.
   */
  List<Ticket> openTicketsDue(Instant dueFrom, Instant dueBefore, DueKey after, int limit);

  /**
   * Of the open tickets whose running deadline is before {@code dueBefore}, those that may owe an
   * option-carrying answer ({@code ReturnOptionPolicy.mayOweOptionAnswer}), in (deadline, ticket
   * number) order after {@code after}, at most {@code limit}: the return-option scan's candidates,
   * a small part of the overdue open tickets (the others are never read).
   */
  List<Ticket> openReturnRequestsDue(Instant dueBefore, DueKey after, int limit);

  /** Where a scan in deadline order stopped: the last ticket's deadline and number. */
  record DueKey(Instant due, TicketNumber number) {
    public DueKey {
      java.util.Objects.requireNonNull(due, "due is null");
      java.util.Objects.requireNonNull(number, "number is null");
    }

    public static DueKey of(Ticket t) {
      return new DueKey(t.responseDueAt(), t.number());
    }
  }

  /** One page of tickets matching the query, in its sort order, after its cursor. */
  List<Ticket> search(TicketQuery query);

  /**
   * How many tickets match the query's scope and filters, per status (absent = none); the query's
   * status, sort, keyset and limit are ignored.
   */
  Map<TicketStatus, Long> countByStatus(TicketQuery query);
}
