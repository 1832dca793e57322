package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.Validation;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Loading a ticket in the actor's scope and changing it under optimistic locking, shared by the
 * services: If-Match is checked, and without it a lost race is retried (with a short random pause
 * when {@code backOff}), so a concurrent write never drops a change.
 */
final class TicketChanges {
  private final Tickets tickets;
  private final Transactions tx;
  private final int maxAttempts;
  private final boolean backOff;

  TicketChanges(Tickets tickets, Transactions tx, int maxAttempts, boolean backOff) {
    this.tickets = requireNonNull(tickets, "tickets is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.maxAttempts = maxAttempts;
    this.backOff = backOff;
  }

  /** The ticket if the actor may see it; otherwise "not found" (existence is not revealed). */
  Ticket load(Actor actor, TicketNumber number) {
    if (actor == null) {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, "authentication required");
    }
    return (actor.is(Role.SELLER)
            ? tickets.find(actor.sellerId().orElseThrow(), number)
            : tickets.find(number))
        .filter(t -> actor.canSee(t.sellerId(), t.buyerId()))
        .orElseThrow(() -> Access.notFound("ticket " + number.value()));
  }

  /** Loads the ticket in scope, checks If-Match and applies the change in one transaction. */
  <T> T change(Actor actor, TicketNumber number, Long expectedVersion, Function<Ticket, T> change) {
    return change(actor, number, expectedVersion, Idempotency.none(), change);
  }

  /**
   * As {@link #change(Actor, TicketNumber, Long, Function)}, at most once per idempotency key: a
   * key used before answers its first result before If-Match is checked. A keyed request that loses
   * a race is retried even with If-Match, so that it replays the winner's result (or finds the
   * ticket stale).
   */
  <T> T change(
      Actor actor,
      TicketNumber number,
      Long expectedVersion,
      Idempotency.Request<T> request,
      Function<Ticket, T> change) {
    Validation.required(number, "ticketNumber");
    return retrying(
        "ticket " + number.value(),
        expectedVersion != null && !request.keyed() ? () -> changedMeanwhile(number) : null,
        request.keyed(),
        () ->
            tx.inTransaction(
                () -> {
                  Ticket ticket = load(actor, number);
                  return request.once(
                      ticket.sellerId(),
                      () -> {
                        if (expectedVersion != null && ticket.version() != expectedVersion) {
                          throw stale(ticket);
                        }
                        return change.apply(ticket);
                      });
                }));
  }

  /**
   * Runs the {@code transaction} that creates something again when it lost a race, e.g. the first
   * use of its idempotency key; {@code what} names what it is busy with (e.g. "order unit 7").
   */
  <T> T create(String what, Supplier<T> transaction) {
    return retrying(what, null, true, transaction);
  }

  /**
   * Runs {@code transaction} until it does not lose a race to a concurrent write, at most {@code
   * maxAttempts} times (then {@code what} is busy); {@code refusal}, when given, refuses at the
   * first lost race instead. The retry pauses when backing off, or always with {@code pause}.
   */
  private <T> T retrying(
      String what, Supplier<DomainException> refusal, boolean pause, Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (ConcurrentUpdateException e) {
        if (refusal != null) {
          throw refusal.get();
        }
        if (attempt >= maxAttempts) {
          throw busy(what);
        }
        if (backOff || pause) {
          pause(attempt);
        }
      }
    }
  }

  static DomainException stale(Ticket ticket) {
    return new DomainException(
        ErrorCode.PRECONDITION_FAILED,
        "ticket "
            + ticket.number().value()
            + " is at version "
            + ticket.version()
            + "; reload it and try again",
        Map.of("currentVersion", ticket.version()));
  }

  static DomainException changedMeanwhile(TicketNumber number) {
    return new DomainException(
        ErrorCode.PRECONDITION_FAILED,
        "ticket " + number.value() + " changed meanwhile; reload it and try again");
  }

  private static DomainException busy(String what) {
    return new DomainException(ErrorCode.CONFLICT, what + " is busy; try again");
  }

  static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 10) * 2L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying", e);
    }
  }
}
