package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.Ledger;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.ReturnPolicyOutcomes;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.CostBearer;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Notice;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.ReturnOptionPolicy;
import io.ticketdesk.domain.ReturnPolicyOutcome;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.SystemEvent;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.UnitLedger;
import io.ticketdesk.domain.UnitState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the return-option policy writes: the outcome of an answer, the sanction of a breach (every
 * unit cancelled and refunded at the seller's expense, with the system messages saying so), a
 * refund without return, and the return address put in front of the buyer.
 */
final class ReturnPolicyConsequences {
  private final Orders orders;
  private final Ledger ledger;
  private final ReturnPolicyOutcomes outcomes;
  private final SystemMessages systemMessages;
  private final Sellers sellers;

  ReturnPolicyConsequences(
      Orders orders,
      Ledger ledger,
      ReturnPolicyOutcomes outcomes,
      SystemMessages systemMessages,
      Sellers sellers) {
    this.orders = requireNonNull(orders, "orders is null");
    this.ledger = requireNonNull(ledger, "ledger is null");
    this.outcomes = requireNonNull(outcomes, "outcomes is null");
    this.systemMessages = requireNonNull(systemMessages, "systemMessages is null");
    this.sellers = requireNonNull(sellers, "sellers is null");
  }

  /**
   * Records an outcome: the answer owed after a mark replaces an earlier answer's outcome (unless
   * that was a breach).
   */
  void record(Ticket ticket, ReturnPolicyOutcome outcome) {
    if (ticket.owesReturnOption() && outcomes.replace(outcome)) {
      return;
    }
    outcomes.record(outcome);
  }

  /**
   * The sanction of a breach: the outcome, the system message saying why, every unit cancelled and
   * refunded at the seller's expense, and the message saying so; the notice for the seller.
   */
  Notice breach(Ticket ticket, SystemEvent why, Instant at) {
    ReturnPolicyOutcome breach = ReturnPolicyOutcome.breach(ticket, at);
    record(ticket, breach);
    systemMessages.write(ticket, why, at);
    Money total = sanction(ticket, at);
    systemMessages.write(
        ticket,
        SystemEvent.orderCancelledForBreach(ticket.orderNumber(), total, breach.recoveryDeadline()),
        at);
    return Notice.policyBreach(ticket.orderNumber(), breach.recoveryDeadline());
  }

  /**
   * Puts the full return address in front of the buyer — the one {@code given} in the option, else
   * the seller's on file: an accepted seller_address option is worth nothing without it.
   */
  void returnAddress(Ticket ticket, ReturnAddress given, Instant at) {
    ReturnAddress address =
        given != null
            ? given
            : sellers
                .find(ticket.sellerId())
                .map(Seller::returnAddress)
                .orElseThrow(
                    () ->
                        new DomainException(
                            ErrorCode.RETURN_OPTION_INVALID,
                            "the seller has no return address on file; give the address in the seller_address"
                                + " option or offer a label instead",
                            Map.of("field", "returnOptions")));
    systemMessages.write(ticket, SystemEvent.returnAddress(address), at);
  }

  /** Refunds what remains of the unit (or every unit of the ticket) in full, once. */
  void refundWithoutReturn(
      Ticket ticket, OrderUnitId only, ReturnOptionPolicy.Assessment a, Instant at) {
    Order order = order(ticket);
    List<LedgerEntry> entries = ledger.entries(ticket.sellerId(), order.number());
    List<OrderUnitId> ids = only != null ? List.of(only) : ticket.orderUnitIds();
    int refunded = 0;
    for (OrderUnitId id : ids) {
      OrderUnit unit =
          order.unit(id).orElseThrow(() -> Access.notFound("order unit " + id.value()));
      UnitLedger ul = unitLedger(unit, entries);
      Money rest = ul.remaining();
      if (rest.amount() == 0 || unit.state() == UnitState.CANCELLED) {
        continue;
      }
      ledger
          .appendRefund(
              draft(
                  ticket,
                  unit,
                  LedgerEntry.Kind.REFUND,
                  rest,
                  ReturnPolicyService.REFUND_WITHOUT_RETURN,
                  AuthorRole.SELLER,
                  at))
          .orElseThrow(
              () ->
                  new ConcurrentUpdateException("order unit " + id.value() + " changed meanwhile"));
      refunded++;
      systemMessages.write(ticket, SystemEvent.refundWithoutReturn(rest, unit), at);
    }
    if (refunded == 0 && a != null && a.refundedInFull() && !byRefundWithoutReturn(entries)) {
      // Refunded in full from the action menu before: the option states what already happened.
      systemMessages.write(ticket, SystemEvent.alreadyRefundedInFull(), at);
      return;
    }
    if (refunded == 0) {
      throw new DomainException(
          ErrorCode.CONFLICT,
          "refund_without_return: "
              + (only != null ? "order unit " + only.value() + " is" : "the ticket's units are")
              + " already refunded in full or cancelled",
          Map.of("field", "returnOptions"));
    }
  }

  /**
   * Cancels every unit of the order that is not cancelled yet, refunding the rest, seller-borne.
   */
  private Money sanction(Ticket ticket, Instant at) {
    Order order = order(ticket);
    List<LedgerEntry> entries = ledger.entries(ticket.sellerId(), order.number());
    Money total = Money.of(0, ticket.storefront().currency());
    for (OrderUnit unit : order.units()) {
      if (unit.state() == UnitState.CANCELLED) {
        continue;
      }
      UnitLedger ul = unitLedger(unit, entries);
      Money rest = ul.checkCancellation(AuthorRole.CUSTOMER_SERVICE);
      ledger
          .appendCancellation(
              draft(
                  ticket,
                  unit,
                  LedgerEntry.Kind.CANCELLATION,
                  rest,
                  ReturnPolicyService.POLICY_BREACH,
                  AuthorRole.CUSTOMER_SERVICE,
                  at),
              ul.refunded())
          .orElseThrow(
              () ->
                  new ConcurrentUpdateException(
                      "order unit " + unit.id().value() + " changed meanwhile"));
      total = total.plus(rest);
    }
    return total;
  }

  private static boolean byRefundWithoutReturn(List<LedgerEntry> entries) {
    return entries.stream()
        .anyMatch(e -> ReturnPolicyService.REFUND_WITHOUT_RETURN.equals(e.reason()));
  }

  private static UnitLedger unitLedger(OrderUnit unit, List<LedgerEntry> entries) {
    return new UnitLedger(
        unit, entries.stream().filter(e -> e.orderUnitId().equals(unit.id())).toList());
  }

  private static LedgerEntry.Draft draft(
      Ticket ticket,
      OrderUnit unit,
      LedgerEntry.Kind kind,
      Money amount,
      String reason,
      AuthorRole by,
      Instant at) {
    return new LedgerEntry.Draft(
        ticket.sellerId(),
        ticket.orderNumber(),
        unit.id(),
        kind,
        amount,
        CostBearer.SELLER,
        reason,
        ticket.number(),
        by,
        at);
  }

  Order order(Ticket ticket) {
    return orders
        .find(ticket.sellerId(), ticket.orderNumber())
        .orElseThrow(() -> Access.notFound("order " + ticket.orderNumber().value()));
  }
}
