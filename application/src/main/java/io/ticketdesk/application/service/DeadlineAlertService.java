package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.RaiseDeadlineAlertsUseCase;
import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.Outbox;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scans the open tickets whose deadline is near or past ({@link #alertHorizon}), in batches, and
 * records each deadline alert that is due, in a transaction of its own that reads the ticket again
 * (so an answer that came meanwhile makes none). An alert that another instance recorded first is
 * skipped. An overdue ticket older than the events' retention gets no alert any more (its alert may
 * have been purged).
 */
public final class DeadlineAlertService implements RaiseDeadlineAlertsUseCase {
  static final int BATCH = 500;

  private final Tickets tickets;
  private final Outbox outbox;
  private final Transactions tx;
  private final ResponseDeadline deadline;
  private final Clock clock;
  private final Duration warning;
  private final Duration retention;

  DeadlineAlertService(
      Tickets tickets,
      Outbox outbox,
      Transactions tx,
      ResponseDeadline deadline,
      Clock clock,
      Duration warning,
      Duration retention) {
    this.tickets = requireNonNull(tickets, "tickets is null");
    this.outbox = requireNonNull(outbox, "outbox is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.deadline = requireNonNull(deadline, "deadline is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.warning = requireNonNull(warning, "warning is null");
    this.retention = requireNonNull(retention, "retention is null");
    if (warning.isNegative() || warning.compareTo(ResponseDeadline.WORKING_TIME) >= 0) {
      throw new IllegalArgumentException("the deadline warning lies within the 48 working hours");
    }
  }

  /**
   * The once-keys ({@code seller/key}) of alerts this node saw recorded: an alert once recorded
   * stays recorded until its event is purged after the retention, and by then the scan no longer
   * reads its ticket. So each poll reads the once-keys of new alerts only (at 10 M tickets a poll
   * read them for ~12,000 overdue tickets, one statement per seller and batch). Kept to the keys
   * the last full scan saw.
   */
  private final Set<String> knownRecorded = ConcurrentHashMap.newKeySet();

  @Override
  public int raiseDue() {
    Instant now = clock.instant();
    Instant dueFrom = now.minus(retention);
    Instant dueBefore = alertHorizon(now);
    int raised = 0;
    Set<String> seen = new HashSet<>();
    Tickets.DueKey after = null;
    while (true) {
      Tickets.DueKey from = after;
      List<Ticket> batch =
          tx.inTransaction(() -> tickets.openTicketsDue(dueFrom, dueBefore, from, BATCH));
      if (batch.isEmpty()) {
        knownRecorded.retainAll(seen);
        return raised;
      }
      for (Ticket t : notYetRaised(batch, now, seen)) {
        if (raise(t, now)) {
          raised++;
        }
      }
      after = Tickets.DueKey.of(batch.get(batch.size() - 1));
    }
  }

  /**
   * A deadline at or after this instant leaves at least the warning's working time on every
   * storefront (working time only grows with the deadline), so no alert is due for it: the scan
   * reads the open tickets due before it (and not older than the retention) only.
   */
  Instant alertHorizon(Instant now) {
    Instant latest = now;
    for (Storefront sf : Storefront.values()) {
      Instant end = deadline.afterWorkingTime(sf, now, warning);
      latest = end.isAfter(latest) ? end : latest;
    }
    return latest.plusSeconds(1);
  }

  /**
   * The batch's tickets with an alert due whose once-key no event carries yet: one read per seller
   * instead of a transaction per ticket for the alerts raised in earlier polls.
   */
  private List<Ticket> notYetRaised(List<Ticket> batch, Instant now, Set<String> seen) {
    Map<SellerId, Map<String, Ticket>> due = new LinkedHashMap<>();
    for (Ticket t : batch) {
      due(t, now)
          .ifPresent(
              alert -> {
                String key = TicketEvents.onceKey(alert);
                String known = recordedKey(t.sellerId(), key);
                seen.add(known);
                if (!knownRecorded.contains(known)) {
                  due.computeIfAbsent(t.sellerId(), s -> new LinkedHashMap<>()).put(key, t);
                }
              });
    }
    List<Ticket> open = new ArrayList<>();
    due.forEach(
        (seller, byKey) -> {
          Set<String> taken = tx.inTransaction(() -> outbox.takenOnceKeys(seller, byKey.keySet()));
          byKey.forEach(
              (key, t) -> {
                if (taken.contains(key)) {
                  knownRecorded.add(recordedKey(seller, key));
                } else {
                  open.add(t);
                }
              });
        });
    return open;
  }

  private static String recordedKey(SellerId seller, String onceKey) {
    return seller.value() + "/" + onceKey;
  }

  private Optional<DomainEvent.Draft> due(Ticket t, Instant now) {
    if (t.responseDueAt() != null && t.responseDueAt().isBefore(now.minus(retention))) {
      return Optional.empty();
    }
    return TicketEvents.deadlineAlert(t, now, warning, deadline);
  }

  private boolean raise(Ticket scanned, Instant now) {
    try {
      return tx.inTransaction(
          () -> {
            Optional<Ticket> t = tickets.find(scanned.sellerId(), scanned.number());
            Optional<DomainEvent.Draft> alert = t.flatMap(x -> due(x, now));
            return alert.isPresent()
                && outbox.appendOnce(TicketEvents.onceKey(alert.get()), alert.get()).isPresent();
          });
    } catch (ConcurrentUpdateException | DuplicateKeyException e) {
      return false; // another instance or a change of the ticket was first: the next round sees
    }
  }
}
