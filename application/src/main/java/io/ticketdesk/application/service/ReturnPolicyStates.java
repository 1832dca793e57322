package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.AssessReturnPolicyUseCase;
import io.ticketdesk.application.port.out.Ledger;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.ReturnPolicyOutcomes;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.RateUsed;
import io.ticketdesk.domain.ReturnOptionPolicy;
import io.ticketdesk.domain.ReturnPolicyOutcome;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The return-option policy state shown with tickets: whether it applies, its phase, whether it is
 * satisfied, the valid options and a breach, for one ticket or a page of them.
 */
final class ReturnPolicyStates implements AssessReturnPolicyUseCase {
  private final Orders orders;
  private final Ledger ledger;
  private final ReturnPolicyOutcomes outcomes;
  private final Clock clock;
  private final ReturnOptionPolicy policy;
  private final PolicyRates rates;

  ReturnPolicyStates(
      Orders orders,
      Ledger ledger,
      ReturnPolicyOutcomes outcomes,
      Clock clock,
      ReturnOptionPolicy policy,
      PolicyRates rates) {
    this.orders = requireNonNull(orders, "orders is null");
    this.ledger = requireNonNull(ledger, "ledger is null");
    this.outcomes = requireNonNull(outcomes, "outcomes is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.policy = requireNonNull(policy, "policy is null");
    this.rates = requireNonNull(rates, "rates is null");
  }

  @Override
  public ReturnPolicyState state(Actor actor, Ticket ticket) {
    requireNonNull(ticket, "ticket is null");
    return states(actor, List.of(ticket)).get(0);
  }

  @Override
  public List<ReturnPolicyState> states(Actor actor, List<Ticket> tickets) {
    requireNonNull(tickets, "tickets is null");
    for (Ticket ticket : tickets) {
      if (actor == null || !actor.canSee(ticket.sellerId(), ticket.buyerId())) {
        throw Access.notFound("ticket " + ticket.number().value());
      }
    }
    // Most tickets owe no option ever: they need no order or outcome. For the others, one order
    // and one outcome query per seller on the page (outcomes are recorded with the seller's
    // first response, or when its deadline passed without one).
    Map<SellerId, List<Ticket>> applicable = new LinkedHashMap<>();
    for (Ticket ticket : tickets) {
      if (ReturnOptionPolicy.mayApply(ticket)) {
        applicable.computeIfAbsent(ticket.sellerId(), s -> new ArrayList<>()).add(ticket);
      }
    }
    Map<SellerId, Map<OrderNumber, Order>> ordersBySeller = new HashMap<>();
    Map<SellerId, Map<TicketNumber, ReturnPolicyOutcome>> outcomesBySeller = new HashMap<>();
    applicable.forEach(
        (seller, page) -> {
          ordersBySeller.put(
              seller, orders.findAll(seller, page.stream().map(Ticket::orderNumber).toList()));
          outcomesBySeller.put(
              seller, outcomes.findAll(seller, page.stream().map(Ticket::number).toList()));
        });
    Instant now = clock.instant();
    // Only unanswered return requests that require an option need their order's ledger (a full
    // refund already made satisfies them): one ledger read per seller for those.
    Map<Ticket, Optional<RateUsed>> rateOf = new IdentityHashMap<>();
    Map<Ticket, ReturnOptionPolicy.Assessment> assessed = new IdentityHashMap<>();
    Map<SellerId, List<OrderNumber>> needLedger = new LinkedHashMap<>();
    for (Ticket ticket : tickets) {
      if (!ReturnOptionPolicy.mayApply(ticket)) {
        continue;
      }
      Order order = ordersBySeller.get(ticket.sellerId()).get(ticket.orderNumber());
      if (order == null) {
        throw Access.notFound("order " + ticket.orderNumber().value());
      }
      Instant at = ticket.firstResponseAt() != null ? ticket.firstResponseAt() : now;
      Optional<RateUsed> rate = rates.rateShownAt(ticket.storefront(), at, now);
      ReturnOptionPolicy.Assessment a = policy.assess(ticket, order, List.of(), rate, at);
      rateOf.put(ticket, rate);
      assessed.put(ticket, a);
      if (a.requiresOption() && ticket.firstResponseAt() == null) {
        needLedger.computeIfAbsent(ticket.sellerId(), s -> new ArrayList<>()).add(order.number());
      }
    }
    Map<SellerId, Map<OrderNumber, List<LedgerEntry>>> ledgers = new HashMap<>();
    needLedger.forEach((seller, numbers) -> ledgers.put(seller, ledger.entriesOf(seller, numbers)));
    List<ReturnPolicyState> states = new ArrayList<>(tickets.size());
    for (Ticket ticket : tickets) {
      Instant at = ticket.firstResponseAt() != null ? ticket.firstResponseAt() : now;
      if (!ReturnOptionPolicy.mayApply(ticket)) {
        states.add(
            new ReturnPolicyState(
                false,
                policy.phase(ticket.storefront(), at),
                true,
                List.of(),
                null,
                null,
                null,
                null));
        continue;
      }
      ReturnOptionPolicy.Assessment a = assessed.get(ticket);
      if (a.requiresOption() && ticket.firstResponseAt() == null) {
        Order order = ordersBySeller.get(ticket.sellerId()).get(ticket.orderNumber());
        List<LedgerEntry> entries =
            ledgers.get(ticket.sellerId()).getOrDefault(order.number(), List.of());
        a = policy.assess(ticket, order, entries, rateOf.get(ticket), at);
      }
      ReturnPolicyOutcome o = outcomesBySeller.get(ticket.sellerId()).get(ticket.number());
      if (o != null) {
        states.add(
            new ReturnPolicyState(
                true,
                o.phase(),
                o.satisfied(),
                a.validOptions(),
                o.breachedAt(),
                o.recoveryDeadline(),
                a.sellerAddressLimit(),
                a.rateUsed()));
      } else {
        boolean satisfied =
            !a.requiresOption() || ticket.firstResponseAt() != null || a.refundedInFull();
        states.add(
            new ReturnPolicyState(
                a.applies(),
                a.phase(),
                satisfied,
                a.validOptions(),
                null,
                null,
                a.sellerAddressLimit(),
                a.rateUsed()));
      }
    }
    return states;
  }
}
