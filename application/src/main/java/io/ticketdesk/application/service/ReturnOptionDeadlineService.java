package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.EnforceReturnOptionDeadlinesUseCase;
import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.Leases;
import io.ticketdesk.application.port.out.Leases.Lease;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.MissedOptionAnswer;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the consequence of every return request whose option-carrying answer is overdue, once for
 * the whole cluster: the node that takes the lease {@value #LEASE} scans the open tickets past
 * their running deadline that may owe an option-carrying answer ({@link
 * io.ticketdesk.domain.ReturnOptionPolicy#mayOweOptionAnswer}) in batches and records each due
 * consequence in a transaction of its own that first extends the lease (so a node that lost it
 * writes nothing: fencing) and reads the ticket again (so an answer that came meanwhile, or another
 * node's consequence, makes none). The ticket's version increases with the consequence, so a
 * seller's answer racing with it loses and is tried again on the ticket as it is then. A node that
 * dies mid-scan leaves the lease to run out ({@link #LEASE_TIME}); the next node that looks takes
 * it and scans from the start (what is done is not due any more). A finished scan frees the lease
 * for the next turn of whichever node comes first.
 *
 * <p>A return request past its deadline that owes nothing (e.g. its units are outside the
 * cancellation period or refunded in full) stays open and in the scan's candidates. The node
 * remembers it with its version and judges it again only after {@link #REJUDGE_AFTER} unless the
 * ticket changed meanwhile: a change of the ticket is seen at the next turn, a change of its order
 * alone (the marketplace corrects a delivery date after the deadline) within that bound. Judging
 * every such ticket on every turn cost a transaction of seven statements each, about 1,500 every 30
 * s at a million tickets.
 */
public final class ReturnOptionDeadlineService implements EnforceReturnOptionDeadlinesUseCase {
  static final String LEASE = "return-option-deadlines";

  /** How long a node holds the scan without extending it (each batch and ticket extends it). */
  static final Duration LEASE_TIME = Duration.ofSeconds(30);

  static final int BATCH = 500;

  /**
   * How long a judgement that a return request owes nothing stands while the ticket is unchanged.
   */
  static final Duration REJUDGE_AFTER = Duration.ofMinutes(10);

  /** This node's return requests judged to owe nothing: the ticket's version and when. */
  private final Map<Key, OwesNothing> owesNothing = new ConcurrentHashMap<>();

  private record Key(SellerId seller, TicketNumber number) {
    static Key of(Ticket t) {
      return new Key(t.sellerId(), t.number());
    }
  }

  private record OwesNothing(long version, Instant judgedAt) {}

  private final Tickets tickets;
  private final Leases leases;
  private final Transactions tx;
  private final ReturnPolicyService returnPolicy;
  private final Clock clock;
  private final String node;

  ReturnOptionDeadlineService(
      Tickets tickets,
      Leases leases,
      Transactions tx,
      ReturnPolicyService returnPolicy,
      Clock clock,
      String node) {
    this.tickets = requireNonNull(tickets, "tickets is null");
    this.leases = requireNonNull(leases, "leases is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.returnPolicy = requireNonNull(returnPolicy, "returnPolicy is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.node = requireNonNull(node, "node is null");
  }

  @Override
  public int enforceDue() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Optional<Lease> taken = leases.acquire(LEASE, node, now, now.plus(LEASE_TIME));
    if (taken.isEmpty()) {
      return 0; // another node scans now
    }
    Lease lease = taken.get();
    int recorded = 0;
    Set<Key> candidates = new HashSet<>();
    Tickets.DueKey after = null;
    while (true) {
      Tickets.DueKey from = after;
      // An overdue option-carrying answer is due no earlier than the running deadline: only the
      // open tickets already past it that may owe such an answer can owe a consequence.
      List<Ticket> batch =
          tx.inTransaction(
              () ->
                  leases.extend(lease, renewal(), "")
                      ? tickets.openReturnRequestsDue(now, from, BATCH)
                      : null);
      if (batch == null) {
        return recorded; // the lease ran out and another node took the scan over
      }
      if (batch.isEmpty()) {
        break;
      }
      List<Ticket> overdue =
          batch.stream().filter(t -> returnPolicy.mayHaveMissed(t, now)).toList();
      Set<TicketNumber> settled =
          overdue.isEmpty()
              ? Set.of()
              : tx.inTransaction(() -> returnPolicy.judgedWithoutMark(overdue));
      for (Ticket t : overdue) {
        if (settled.contains(t.number())) {
          continue; // its consequence is recorded: not due again
        }
        Key key = Key.of(t);
        candidates.add(key);
        OwesNothing judged = owesNothing.get(key);
        if (judged != null
            && judged.version() == t.version()
            && now.isBefore(judged.judgedAt().plus(REJUDGE_AFTER))) {
          continue; // judged lately to owe nothing, and the ticket has not changed since
        }
        Boolean done = enforce(lease, t, now);
        if (done == null) {
          return recorded;
        }
        if (done) {
          recorded++;
          owesNothing.remove(key);
        } else {
          owesNothing.put(key, new OwesNothing(t.version(), now));
        }
      }
      after = Tickets.DueKey.of(batch.get(batch.size() - 1));
    }
    owesNothing.keySet().retainAll(candidates); // closed, answered or settled: not candidates now
    tx.inTransaction(() -> leases.extend(lease, clock.instant(), ""));
    return recorded;
  }

  /**
   * The consequence for one ticket in a transaction of its own; true when recorded, false when none
   * is due (any more), null when the lease was lost.
   */
  private Boolean enforce(Lease lease, Ticket scanned, Instant now) {
    try {
      return tx.inTransaction(
          () -> {
            // Extending first locks the lease: nobody takes it while this consequence is written.
            if (!leases.extend(lease, renewal(), "")) {
              return null;
            }
            Ticket t = tickets.find(scanned.sellerId(), scanned.number()).orElse(null);
            Optional<MissedOptionAnswer> missed =
                t == null ? Optional.empty() : returnPolicy.missed(t, now);
            if (missed.isEmpty()) {
              return false;
            }
            tickets.update(t.optionAnswerMissed(now));
            returnPolicy.carryOutMissed(t, missed.get(), now);
            return true;
          });
    } catch (ConcurrentUpdateException | DuplicateKeyException e) {
      return false; // the seller answered meanwhile, or the ticket changed: the next turn sees
    } catch (DomainException e) {
      return false; // e.g. the order is gone: nothing to sanction; the other tickets go on
    }
  }

  private Instant renewal() {
    return clock.instant().plus(LEASE_TIME);
  }
}
