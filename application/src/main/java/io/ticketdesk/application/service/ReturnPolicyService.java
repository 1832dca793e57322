package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.AssessReturnPolicyUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase.Warning;
import io.ticketdesk.application.port.out.ExchangeRates;
import io.ticketdesk.application.port.out.Ledger;
import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.ReturnLabels;
import io.ticketdesk.application.port.out.ReturnPolicyOutcomes;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Language;
import io.ticketdesk.domain.MissedOptionAnswer;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Notice;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReaderTexts;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.ReturnOption;
import io.ticketdesk.domain.ReturnOptionPolicy;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.ReturnPolicyOutcome;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.SystemEvent;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The return-option policy at work: the policy state shown with a ticket ({@link
 * ReturnPolicyStates}), and — called by {@link PostMessageService} before a message's side effects
 * and inside its transaction — checking what a message offers and guarding the first response, then
 * carrying out what it entails ({@link ReturnPolicyConsequences}); for {@link
 * ReturnOptionDeadlineService}, the consequence of an option-carrying answer that missed its
 * deadline.
 */
public final class ReturnPolicyService implements AssessReturnPolicyUseCase {
  /** The ledger reason of a refund without return. */
  public static final String REFUND_WITHOUT_RETURN = "refund_without_return";

  /** The ledger reason of the cancellations that sanction a breach. */
  public static final String POLICY_BREACH = "policy_breach";

  private final Ledger ledger;
  private final ReturnLabels labels;
  private final ReturnPolicyOutcomes outcomes;
  private final SystemMessages systemMessages;
  private final ReturnOptionPolicy policy;
  private final PolicyRates rates;
  private final ReturnPolicyStates states;
  private final ReturnPolicyConsequences consequences;

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
    this.ledger = requireNonNull(ledger, "ledger is null");
    this.labels = requireNonNull(labels, "labels is null");
    this.outcomes = requireNonNull(outcomes, "outcomes is null");
    this.systemMessages = new SystemMessages(messages);
    this.policy = requireNonNull(policy, "policy is null");
    this.rates = new PolicyRates(rates, policy);
    this.states = new ReturnPolicyStates(orders, ledger, outcomes, clock, policy, this.rates);
    this.consequences =
        new ReturnPolicyConsequences(orders, ledger, outcomes, systemMessages, sellers);
  }

  /** Exchange rates were stored through this node: ticket states show them from now on. */
  void ratesStored() {
    rates.forgetShown();
  }

  @Override
  public ReturnPolicyState state(Actor actor, Ticket ticket) {
    return states.state(actor, ticket);
  }

  @Override
  public List<ReturnPolicyState> states(Actor actor, List<Ticket> tickets) {
    return states.states(actor, tickets);
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
    Order order = consequences.order(ticket);
    ReturnOptionPolicy.Assessment a =
        policy.assess(
            ticket,
            order,
            ledger.entries(ticket.sellerId(), order.number()),
            rates.rateAt(ticket.storefront(), at),
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

  /** Without reads: whether {@link #missed} may find a consequence due (a scan's first filter). */
  boolean mayHaveMissed(Ticket ticket, Instant now) {
    return MissedOptionAnswer.mayBeDue(policy, ticket, now);
  }

  /**
   * Of these tickets, the return requests whose first response was judged already and that owe no
   * answer after a mark: a missed deadline of theirs has had its consequence. One read of outcomes
   * per seller, so that a scan opens a transaction only for the tickets that may owe one.
   */
  java.util.Set<TicketNumber> judgedWithoutMark(List<Ticket> tickets) {
    Map<SellerId, List<TicketNumber>> bySeller = new java.util.LinkedHashMap<>();
    for (Ticket t : tickets) {
      if (ReturnOptionPolicy.mayApply(t) && !t.owesReturnOption()) {
        bySeller.computeIfAbsent(t.sellerId(), s -> new java.util.ArrayList<>()).add(t.number());
      }
    }
    java.util.Set<TicketNumber> judged = new java.util.HashSet<>();
    bySeller.forEach(
        (seller, numbers) -> judged.addAll(outcomes.findAll(seller, numbers).keySet()));
    return judged;
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
    Order order = consequences.order(ticket);
    return MissedOptionAnswer.of(
        policy,
        ticket,
        order,
        ledger.entries(ticket.sellerId(), order.number()),
        rates.rateAt(ticket.storefront(), due.get()),
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
        consequences.record(ticket, ReturnPolicyOutcome.of(ticket, a.phase(), false, at));
        systemMessages.write(
            ticket,
            SystemEvent.returnOptionMissed(
                a.validOptions(), policy.rules().enforcedFrom(), missed.dueAt()),
            at);
      }
      case BREACH ->
          consequences.breach(
              ticket, SystemEvent.returnPolicyMissed(a.validOptions(), missed.dueAt()), at);
      default -> throw new IllegalStateException("no consequence for " + missed.verdict());
    }
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
        consequences.refundWithoutReturn(ticket, o.orderUnitId(), decision.assessment(), at);
      }
      if (o.type() == ReturnOptionType.SELLER_ADDRESS) {
        consequences.returnAddress(ticket, o.address(), at);
      }
    }
    if (!decision.firstResponse() || !decision.assessment().requiresOption()) {
      return warnings;
    }
    ReturnOptionPolicy.Assessment a = decision.assessment();
    switch (decision.verdict()) {
      case SATISFIED ->
          consequences.record(ticket, ReturnPolicyOutcome.of(ticket, a.phase(), true, at));
      case WARNING -> {
        consequences.record(ticket, ReturnPolicyOutcome.of(ticket, a.phase(), false, at));
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
            consequences.breach(
                ticket, SystemEvent.returnPolicyBreached(a.validOptions(), channel), at);
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
}
