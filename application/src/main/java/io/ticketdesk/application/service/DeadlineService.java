package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.RecomputeDeadlinesUseCase;
import io.ticketdesk.application.port.in.WorkingTimeLeftUseCase;
import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.SystemState;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the stored response deadlines in line with the holiday calendar in use, and tells the
 * working time left to a deadline.
 */
public final class DeadlineService implements RecomputeDeadlinesUseCase, WorkingTimeLeftUseCase {
  static final String CALENDAR_KEY = "holiday-calendar";
  private static final int BATCH = 500;

  private final Tickets tickets;
  private final SystemState state;
  private final Transactions tx;
  private final ResponseDeadline deadline;

  public DeadlineService(
      Tickets tickets, SystemState state, Transactions tx, ResponseDeadline deadline) {
    this.tickets = requireNonNull(tickets, "tickets is null");
    this.state = requireNonNull(state, "state is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.deadline = requireNonNull(deadline, "deadline is null");
  }

  @Override
  public Optional<Duration> workingTimeLeft(Ticket ticket, Instant now) {
    requireNonNull(ticket, "ticket is null");
    requireNonNull(now, "now is null");
    if (!ticket.isOpen()) {
      return Optional.empty();
    }
    return Optional.of(deadline.workingTimeLeft(ticket.storefront(), ticket.responseDueAt(), now));
  }

  @Override
  public int recomputeIfCalendarChanged(String calendarFingerprint, boolean force) {
    requireNonNull(calendarFingerprint, "calendarFingerprint is null");
    Optional<String> stored = tx.inTransaction(() -> state.get(CALENDAR_KEY));
    if (!force && stored.isPresent() && stored.get().equals(calendarFingerprint)) {
      return 0;
    }
    int changed = 0;
    TicketNumber after = null;
    while (true) {
      TicketNumber from = after;
      List<Ticket> batch = tx.inTransaction(() -> tickets.openTickets(from, BATCH));
      if (batch.isEmpty()) {
        break;
      }
      for (Ticket t : batch) {
        if (recompute(t)) {
          changed++;
        }
      }
      after = batch.get(batch.size() - 1).number();
    }
    tx.inTransaction(
        () -> {
          state.put(CALENDAR_KEY, calendarFingerprint);
          return null;
        });
    return changed;
  }

  private boolean recompute(Ticket first) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Ticket t =
          attempt == 0
              ? first
              : tx.inTransaction(() -> tickets.find(first.sellerId(), first.number())).orElse(null);
      if (t == null
          || !t.isOpen()
          || t.responseDueAt().equals(deadline.dueAt(t.storefront(), t.openSince()))) {
        return false;
      }
      try {
        tx.inTransaction(
            () -> {
              tickets.update(t.withRecomputedDeadline(deadline));
              return null;
            });
        return true;
      } catch (ConcurrentUpdateException e) {
        // The ticket changed meanwhile: reload it and try again.
      }
    }
    return false;
  }
}
