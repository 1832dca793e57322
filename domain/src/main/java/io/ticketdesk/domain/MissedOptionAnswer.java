package io.ticketdesk.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A return request's option-carrying answer that did not come by its deadline: the seed's first
 * response to a return request, or the seller's next answer after a mark as return request. Missing
 * it has the consequence of a non-compliant first response, judged in the phase of the deadline's
 * day: a warning during the transitional period, the sanction of a breach once enforced.
 *
 * @param dueAt the deadline that passed ({@link Ticket#optionAnswerDueAt})
 * @param assessment the policy at that deadline
 */
public record MissedOptionAnswer(Instant dueAt, ReturnOptionPolicy.Assessment assessment) {
  public MissedOptionAnswer {
    Validation.required(dueAt, "dueAt");
    Validation.required(assessment, "assessment");
  }

  /**
   * The missed answer of {@code ticket} at {@code now}, if its consequence is due: the policy may
   * apply (a return request for a refund), the answer's deadline passed while the seller owed it,
   * the policy requires an option for the ticket in the deadline's phase and the units are not
   * refunded in full already. A first response is missed once only: when {@code judged} (the ticket
   * already has a policy outcome, e.g. this consequence) nothing is due any more; an answer after a
   * mark is settled on the ticket itself ({@link Ticket#optionAnswerMissed}).
   */
  public static Optional<MissedOptionAnswer> of(
      ReturnOptionPolicy policy,
      Ticket ticket,
      Order order,
      List<LedgerEntry> ledger,
      Optional<RateUsed> rate,
      boolean judged,
      Instant now) {
    Validation.required(policy, "policy");
    Validation.required(ticket, "ticket");
    Validation.required(now, "now");
    if (!ReturnOptionPolicy.mayApply(ticket) || judged && !ticket.owesReturnOption()) {
      return Optional.empty();
    }
    Optional<Instant> due = ticket.optionAnswerDueAt().filter(now::isAfter);
    if (due.isEmpty()) {
      return Optional.empty();
    }
    ReturnOptionPolicy.Assessment a = policy.assess(ticket, order, ledger, rate, due.get());
    ReturnOptionPolicy.Verdict v = a.judge(ReturnOffer.NONE);
    if (v != ReturnOptionPolicy.Verdict.WARNING && v != ReturnOptionPolicy.Verdict.BREACH) {
      return Optional.empty();
    }
    return Optional.of(new MissedOptionAnswer(due.get(), a));
  }

  /**
   * Whether a consequence may be due for the ticket at {@code now}, judged without its order: a
   * return request past its option-carrying answer's deadline, on a day the policy was in force
   * (transitional or enforced). {@link #of} decides; this spares a scan the reads of every ticket
   * that can never owe one (e.g. one whose deadline passed before the policy began).
   */
  public static boolean mayBeDue(ReturnOptionPolicy policy, Ticket ticket, Instant now) {
    if (!ReturnOptionPolicy.mayApply(ticket)) {
      return false;
    }
    Optional<Instant> due = ticket.optionAnswerDueAt().filter(now::isAfter);
    return due.isPresent() && policy.phase(ticket.storefront(), due.get()) != PolicyPhase.NONE;
  }

  /** {@code WARNING} (transitional period) or {@code BREACH} (enforced). */
  public ReturnOptionPolicy.Verdict verdict() {
    return assessment.judge(ReturnOffer.NONE);
  }
}
