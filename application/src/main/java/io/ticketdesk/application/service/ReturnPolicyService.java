package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.AssessReturnPolicyUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase.Warning;
import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.ExchangeRates;
import io.ticketdesk.application.port.out.Ledger;
import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.ReturnLabels;
import io.ticketdesk.application.port.out.ReturnPolicyOutcomes;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.CostBearer;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Language;
import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.MissedOptionAnswer;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Notice;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.RateUsed;
import io.ticketdesk.domain.ReaderTexts;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.ReturnOption;
import io.ticketdesk.domain.ReturnOptionPolicy;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.ReturnPolicyOutcome;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.SystemEvent;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.UnitLedger;
import io.ticketdesk.domain.UnitState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The return-option policy at work: the policy state shown with a ticket, and — called by {@link
 * PostMessageService} before a message's side effects and inside its transaction — checking what a
 * message offers, guarding the first response, refunding without return, and the sanction of a
 * breach.
 */
public final class ReturnPolicyService implements AssessReturnPolicyUseCase {
  /** The ledger reason of a refund without return. */
  public static final String REFUND_WITHOUT_RETURN = "refund_without_return";

  /** The ledger reason of the cancellations that sanction a breach. */
  public static final String POLICY_BREACH = "policy_breach";

  private final Orders orders;
  private final Ledger ledger;
  private final ReturnLabels labels;
  private final ReturnPolicyOutcomes outcomes;
  private final SystemMessages systemMessages;
  private final Clock clock;
  private final ReturnOptionPolicy policy;
  private final Sellers sellers;
  private final ExchangeRates rates;

  public ReturnPolicyService(
      Orders orders,
      Ledger ledger,
      ReturnLabels labels,
      ReturnPolicyOutcomes outcomes,
      Messages messages,
      Clock clock,
      ReturnOptionPolicy policy,
      Sellers sellers,
      ExchangeRates rates) {
    this.orders = requireNonNull(orders, "orders is null");
    this.ledger = requireNonNull(ledger, "ledger is null");
    this.labels = requireNonNull(labels, "labels is null");
    this.outcomes = requireNonNull(outcomes, "outcomes is null");
    this.systemMessages = new SystemMessages(messages);
    this.clock = requireNonNull(clock, "clock is null");
    this.policy = requireNonNull(policy, "policy is null");
    this.sellers = requireNonNull(sellers, "sellers is null");
    this.rates = requireNonNull(rates, "rates is null");
  }

  /**
   * The exchange rate of the storefront's currency on the day of {@code at} (its date in the
   * storefront's zone): that day's, else the latest earlier one, else the configured default.
   */
  Optional<RateUsed> rateAt(Storefront storefront, Instant at) {
    String currency = storefront.currency();
    if (currency.equals(ReturnOptionPolicy.SELLER_ADDRESS_LIMIT.currency())) {
      return Optional.empty();
    }
    LocalDate day = ReturnOptionPolicy.rateDay(storefront, at);
    return RateUsed.choose(
        day,
        rates.latestOnOrBefore(currency, day),
        Optional.ofNullable(policy.rules().rates().get(currency)));
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
      Order order = ordersBySeller.get(ticket.sellerId()).get(ticket.orderNumber());
      if (order == null) {
        throw Access.notFound("order " + ticket.orderNumber().value());
      }
      Optional<RateUsed> rate = rateAt(ticket.storefront(), at);
      ReturnOptionPolicy.Assessment a = policy.assess(ticket, order, List.of(), rate, at);
      if (a.requiresOption() && ticket.firstResponseAt() == null) {
        // Only unanswered return requests: a full refund already made satisfies them.
        a =
            policy.assess(
                ticket, order, ledger.entries(ticket.sellerId(), order.number()), rate, at);
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

  /** What the policy decided about one message, before it is stored. */
  record Decision(
      ReturnOptionPolicy.Assessment assessment,
      ReturnOptionPolicy.Verdict verdict,
      boolean firstResponse) {}

  /**
   * Checks a seller's message before it is stored: the options it offers must be valid for the
   * ticket (labels of this ticket, the address only for cheap items), and a first response that
   * owes a valid option while the policy is enforced is refused unless {@code recordAnyway}. With
   * {@code labelToBeMade} the offered prepaid label is made only after this decision (it cannot be
   * looked up yet).
   */
  Decision decide(
      Ticket ticket,
      AuthorRole author,
      boolean internal,
      ReturnOffer offer,
      boolean recordAnyway,
      boolean labelToBeMade,
      Instant at) {
    // The first response, or the seller's first answer after the ticket was marked as a return
    // request: both owe a valid option, in the phase of the day they are sent.
    // A first response whose deadline passed without one has had its consequence (an outcome is
    // recorded): it is not judged again.
    boolean firstResponse =
        author == AuthorRole.SELLER
            && !internal
            && (ticket.owesReturnOption()
                || ticket.isOpen() && ticket.firstResponseAt() == null && !judged(ticket));
    if (!firstResponse && offer.isEmpty()) {
      return new Decision(null, ReturnOptionPolicy.Verdict.NOT_REQUIRED, false);
    }
    Order order = order(ticket);
    ReturnOptionPolicy.Assessment a =
        policy.assess(
            ticket,
            order,
            ledger.entries(ticket.sellerId(), order.number()),
            rateAt(ticket.storefront(), at),
            at);
    a.checkOffered(offer);
    for (ReturnOption o : offer.options()) {
      if (o.type() == ReturnOptionType.PREPAID_LABEL && !labelToBeMade) {
        labels
            .find(ticket.sellerId(), o.labelId())
            .filter(l -> l.ticketNumber().equals(ticket.number()))
            .orElseThrow(
                () ->
                    new DomainException(
                        ErrorCode.RETURN_OPTION_INVALID,
                        "label "
                            + o.labelId()
                            + " is not a return label of ticket "
                            + ticket.number().value()
                            + "; make one with POST /tickets/{ticketNumber}/return-labels",
                        Map.of("field", "returnOptions", "labelId", o.labelId())));
      }
      if (o.orderUnitId() != null && !ticket.orderUnitIds().contains(o.orderUnitId())) {
        throw new DomainException(
            ErrorCode.VALIDATION,
            "order unit "
                + o.orderUnitId().value()
                + " is not part of ticket "
                + ticket.number().value(),
            Map.of("field", "returnOptions"));
      }
    }
    if (offer.discountOffer() != null
        && !offer.discountOffer().currency().equals(ticket.storefront().currency())) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "discountOffer must be in the storefront's currency " + ticket.storefront().currency(),
          Map.of("field", "discountOffer.currency"));
    }
    if (offer.discountOffer() != null) {
      offer.checkDiscountAtMost(unitsPrice(ticket, order, offer.discountOffer().currency()));
    }
    if (!firstResponse) {
      return new Decision(a, ReturnOptionPolicy.Verdict.NOT_REQUIRED, false);
    }
    ReturnOptionPolicy.Verdict verdict = a.judge(offer);
    if (verdict == ReturnOptionPolicy.Verdict.BREACH && !recordAnyway) {
      throw a.required();
    }
    return new Decision(a, verdict, true);
  }

  /** Whether the ticket's first response was judged already (its missed deadline's outcome). */
  private boolean judged(Ticket ticket) {
    return ReturnOptionPolicy.mayApply(ticket)
        && outcomes.find(ticket.sellerId(), ticket.number()).isPresent();
  }

  /**
   * The ticket's option-carrying answer that is overdue at {@code now} with a consequence due, if
   * any ({@link MissedOptionAnswer}); reads the order only for tickets past such a deadline.
   */
  Optional<MissedOptionAnswer> missed(Ticket ticket, Instant now) {
    Optional<Instant> due = ticket.optionAnswerDueAt().filter(now::isAfter);
    if (!ReturnOptionPolicy.mayApply(ticket) || due.isEmpty()) {
      return Optional.empty();
    }
    Order order = order(ticket);
    return MissedOptionAnswer.of(
        policy,
        ticket,
        order,
        ledger.entries(ticket.sellerId(), order.number()),
        rateAt(ticket.storefront(), due.get()),
        !ticket.owesReturnOption() && judged(ticket),
        now);
  }

  /**
   * Records the consequence of a missed option-carrying answer — the same as a non-compliant first
   * response's, without a message: the outcome and a system note in the transitional period, the
   * sanction of a breach once enforced. {@code ticket} is the ticket before it.
   */
  void carryOutMissed(Ticket ticket, MissedOptionAnswer missed, Instant at) {
    ReturnOptionPolicy.Assessment a = missed.assessment();
    switch (missed.verdict()) {
      case WARNING -> {
        record(ticket, ReturnPolicyOutcome.of(ticket, a.phase(), false, at));
        systemMessages.write(
            ticket,
            SystemEvent.returnOptionMissed(
                a.validOptions(), policy.rules().enforcedFrom(), missed.dueAt()),
            at);
      }
      case BREACH ->
          breach(ticket, SystemEvent.returnPolicyMissed(a.validOptions(), missed.dueAt()), at);
      default -> throw new IllegalStateException("no consequence for " + missed.verdict());
    }
  }

  /**
   * Records an outcome: the answer owed after a mark replaces an earlier answer's outcome (unless
   * that was a breach).
   */
  private void record(Ticket ticket, ReturnPolicyOutcome outcome) {
    if (ticket.owesReturnOption() && outcomes.replace(outcome)) {
      return;
    }
    outcomes.record(outcome);
  }

  /**
   * The sanction of a breach: the outcome, the system message saying why, every unit cancelled and
   * refunded at the seller's expense, and the message saying so; the notice for the seller.
   */
  private Notice breach(Ticket ticket, SystemEvent why, Instant at) {
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

  /** What the ticket's units cost together, in {@code currency}. */
  private static Money unitsPrice(Ticket ticket, Order order, String currency) {
    long total = 0;
    for (OrderUnitId id : ticket.orderUnitIds()) {
      Money price = order.unit(id).map(OrderUnit::price).orElse(null);
      if (price != null && price.currency().equals(currency)) {
        // saturating: prices fed near Long.MAX_VALUE must not overflow into a 500
        long sum = total + price.amount();
        total = ((total ^ sum) & (price.amount() ^ sum)) < 0 ? Long.MAX_VALUE : sum;
      }
    }
    return Money.of(total, currency);
  }

  /**
   * Carries out what a stored message entails: a refund without return, the policy outcome of a
   * first response, the transitional warning, or the sanction of a breach. Returns the warnings for
   * the author.
   */
  List<Warning> carryOut(
      Decision decision, Ticket ticket, ReturnOffer offer, String channel, Instant at) {
    List<Warning> warnings = new ArrayList<>();
    for (ReturnOption o : offer.options()) {
      if (o.type() == ReturnOptionType.REFUND_WITHOUT_RETURN) {
        refundWithoutReturn(ticket, o.orderUnitId(), decision.assessment(), at);
      }
      if (o.type() == ReturnOptionType.SELLER_ADDRESS) {
        returnAddress(ticket, o.address(), at);
      }
    }
    if (!decision.firstResponse() || !decision.assessment().requiresOption()) {
      return warnings;
    }
    ReturnOptionPolicy.Assessment a = decision.assessment();
    switch (decision.verdict()) {
      case SATISFIED -> record(ticket, ReturnPolicyOutcome.of(ticket, a.phase(), true, at));
      case WARNING -> {
        record(ticket, ReturnPolicyOutcome.of(ticket, a.phase(), false, at));
        SystemEvent missing =
            SystemEvent.returnOptionMissing(a.validOptions(), policy.rules().enforcedFrom());
        warnings.add(
            new Warning(
                "return-option-missing",
                ReaderTexts.of(Language.ENGLISH).render(missing, ticket.storefront().zone()),
                missing));
        systemMessages.write(ticket, missing, at);
      }
      case BREACH -> {
        Notice notice =
            breach(ticket, SystemEvent.returnPolicyBreached(a.validOptions(), channel), at);
        warnings.add(
            new Warning(
                "policy-breach",
                ReaderTexts.of(Language.ENGLISH).render(notice, ticket.storefront().zone()),
                notice));
      }
      case NOT_REQUIRED -> {}
    }
    return warnings;
  }

  /**
   * Puts the full return address in front of the buyer — the one {@code given} in the option, else
   * the seller's on file: an accepted seller_address option is worth nothing without it.
   */
  private void returnAddress(Ticket ticket, ReturnAddress given, Instant at) {
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
  private void refundWithoutReturn(
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
                  REFUND_WITHOUT_RETURN,
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
                  POLICY_BREACH,
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
    return entries.stream().anyMatch(e -> REFUND_WITHOUT_RETURN.equals(e.reason()));
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

  private Order order(Ticket ticket) {
    return orders
        .find(ticket.sellerId(), ticket.orderNumber())
        .orElseThrow(() -> Access.notFound("order " + ticket.orderNumber().value()));
  }
}
