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
    Validation.required(number, "ticketNumber");
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.inTransaction(
            () -> {
              Ticket ticket = load(actor, number);
              if (expectedVersion != null && ticket.version() != expectedVersion) {
                throw stale(ticket);
              }
              return change.apply(ticket);
            });
      } catch (ConcurrentUpdateException e) {
        if (expectedVersion != null) {
          throw changedMeanwhile(number);
        }
        if (attempt >= maxAttempts) {
          throw busy(number);
        }
        if (backOff) {
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

  static DomainException busy(TicketNumber number) {
    return new DomainException(
        ErrorCode.CONFLICT, "ticket " + number.value() + " is busy; try again");
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
