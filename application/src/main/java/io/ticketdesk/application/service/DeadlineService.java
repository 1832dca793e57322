package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.RecomputeDeadlinesUseCase;
import io.ticketdesk.application.port.in.WorkingTimeLeftUseCase;
import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.Leases;
import io.ticketdesk.application.port.out.Leases.Lease;
import io.ticketdesk.application.port.out.SystemState;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the stored response deadlines in line with the holiday calendar in use, once for the whole
 * cluster: the node that takes the lease {@value #LEASE} recomputes the open tickets in batches,
 * each batch one transaction that also extends the lease and records the last ticket done (the
 * lease's progress), so a node that dies halfway leaves a point from which the next one continues,
 * and a node that lost its lease cannot write a batch any more. When all are done, the calendar's
 * fingerprint is recorded ({@value #CALENDAR_KEY}), so a node that starts later with the same
 * calendar does nothing. It also tells the working time left to a ticket's deadline.
 */
public final class DeadlineService implements RecomputeDeadlinesUseCase, WorkingTimeLeftUseCase {
  static final String CALENDAR_KEY = "holiday-calendar";
  static final String LEASE = "deadline-recomputation";

  /** How long a node holds the work without extending it (each batch extends it). */
  static final Duration LEASE_TIME = Duration.ofSeconds(30);

  static final int BATCH = 500;
  private static final int ATTEMPTS = 5;

  private final Tickets tickets;
  private final SystemState state;
  private final Leases leases;
  private final Transactions tx;
  private final ResponseDeadline deadline;
  private final Clock clock;
  private final String node;
  private final int batchSize;

  public DeadlineService(
      Tickets tickets,
      SystemState state,
      Leases leases,
      Transactions tx,
      ResponseDeadline deadline,
      Clock clock,
      String node) {
    this(tickets, state, leases, tx, deadline, clock, node, BATCH);
  }

  DeadlineService(
      Tickets tickets,
      SystemState state,
      Leases leases,
      Transactions tx,
      ResponseDeadline deadline,
      Clock clock,
      String node,
      int batchSize) {
    this.batchSize = batchSize;
    this.tickets = requireNonNull(tickets, "tickets is null");
    this.state = requireNonNull(state, "state is null");
    this.leases = requireNonNull(leases, "leases is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.deadline = requireNonNull(deadline, "deadline is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.node = requireNonNull(node, "node is null");
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
  public Recomputation recomputeIfCalendarChanged(String calendarFingerprint) {
    requireNonNull(calendarFingerprint, "calendarFingerprint is null");
    if (upToDate(calendarFingerprint)) {
      return Recomputation.nothingToDo();
    }
    return run(calendarFingerprint);
  }

  @Override
  public Recomputation resumeUnfinished(String calendarFingerprint) {
    requireNonNull(calendarFingerprint, "calendarFingerprint is null");
    Optional<Progress> begun =
        tx.inTransaction(() -> leases.find(LEASE)).map(l -> Progress.parse(l.progress()));
    if (begun.isEmpty()
        || begun.get().finished()
        || !begun.get().fingerprint().equals(calendarFingerprint)
        || upToDate(calendarFingerprint)) {
      return Recomputation.nothingToDo();
    }
    return run(calendarFingerprint);
  }

  private boolean upToDate(String fingerprint) {
    return tx.inTransaction(() -> state.get(CALENDAR_KEY)).filter(fingerprint::equals).isPresent();
  }

  private Recomputation run(String fingerprint) {
    Optional<Lease> taken =
        leases.acquire(LEASE, node, clock.instant(), clock.instant().plus(LEASE_TIME));
    if (taken.isEmpty()) {
      return new Recomputation(Outcome.ANOTHER_NODE, 0);
    }
    Lease lease = taken.get();
    Progress begun = Progress.parse(lease.progress());
    // Continue where the previous holder stopped if it worked for this calendar; else start over.
    Optional<TicketNumber> after =
        begun.fingerprint().equals(fingerprint) && !begun.finished()
            ? begun.after()
            : Optional.empty();
    int changed = 0;
    while (true) {
      Batch batch = nextBatch(lease, fingerprint, after);
      if (batch == null) {
        return new Recomputation(Outcome.LOST, changed);
      }
      changed += batch.changed();
      if (batch.last().isEmpty()) {
        break;
      }
      after = batch.last();
    }
    boolean finished =
        tx.inTransaction(
            () -> {
              if (!leases.extend(lease, clock.instant(), Progress.done(fingerprint))) {
                return false;
              }
              state.put(CALENDAR_KEY, fingerprint);
              return true;
            });
    return new Recomputation(finished ? Outcome.RECOMPUTED : Outcome.LOST, changed);
  }

  private record Batch(int changed, Optional<TicketNumber> last) {}

  /** One batch in one transaction with the lease extended; null when the lease was lost. */
  private Batch nextBatch(Lease lease, String fingerprint, Optional<TicketNumber> after) {
    return tx.inTransaction(
        () -> {
          // Extending first locks the lease: nobody takes it while this batch is written.
          if (!leases.extend(lease, renewal(), Progress.at(fingerprint, after).toString())) {
            return null;
          }
          List<Ticket> batch = tickets.openTickets(after.orElse(null), batchSize);
          if (batch.isEmpty()) {
            return new Batch(0, Optional.empty());
          }
          int changed = 0;
          for (Ticket t : batch) {
            if (recompute(t)) {
              changed++;
            }
          }
          Optional<TicketNumber> last = Optional.of(batch.get(batch.size() - 1).number());
          leases.extend(lease, renewal(), Progress.at(fingerprint, last).toString());
          return new Batch(changed, last);
        });
  }

  private java.time.Instant renewal() {
    return clock.instant().plus(LEASE_TIME);
  }

  /**
   * One ticket under a savepoint of its own, reloaded and tried again when it changed meanwhile.
   */
  private boolean recompute(Ticket first) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Ticket t = attempt == 0 ? first : tickets.find(first.sellerId(), first.number()).orElse(null);
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
    throw new ConcurrentUpdateException(
        "ticket " + first.number().value() + " kept changing during the deadline recomputation");
  }

  /** A lease's progress: the calendar worked for, the last ticket done, and whether all are. */
  record Progress(String fingerprint, Optional<TicketNumber> after, boolean finished) {
    private static final String DONE = "done";

    static Progress at(String fingerprint, Optional<TicketNumber> after) {
      return new Progress(fingerprint, after, false);
    }

    static String done(String fingerprint) {
      return new Progress(fingerprint, Optional.empty(), true).toString();
    }

    static Progress parse(String text) {
      String[] parts = text.split("\n", -1);
      if (parts.length != 3) {
        return new Progress("", Optional.empty(), false);
      }
      Optional<TicketNumber> after =
          parts[1].isEmpty() ? Optional.empty() : Optional.of(new TicketNumber(parts[1]));
      return new Progress(parts[0], after, DONE.equals(parts[2]));
    }

    @Override
    public String toString() {
      return fingerprint
          + "\n"
          + after.map(TicketNumber::value).orElse("")
          + "\n"
          + (finished ? DONE : "running");
    }
  }
}
