package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.PolicyPhase;
import io.ticketdesk.domain.RateUsed;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.Validation;
import java.time.Instant;
import java.util.List;

/** Use case: the return-option policy's state of a ticket, as shown with the ticket. */
public interface AssessReturnPolicyUseCase {
  /** The state of a ticket the actor has already loaded (and may see). */
  ReturnPolicyState state(Actor actor, Ticket ticket);

  /**
   * The states of a page of tickets the actor has already loaded, in the same order: at most one
   * order lookup and one outcome lookup per seller on the page, whatever its size.
   */
  List<ReturnPolicyState> states(Actor actor, List<Ticket> tickets);

  /**
   * Whether the policy applies, its phase (at the first response, or now while none was given),
   * whether it is satisfied (a valid option was offered, or none is owed), the valid options, and
   * for a sanctioned breach its time and the end of the four-week recovery window; for a return
   * request also the 40 EUR limit of the seller's address in the storefront's currency and the
   * exchange rate it was converted with (null for the euro, or where the policy cannot apply).
   */
  record ReturnPolicyState(
      boolean applies,
      PolicyPhase phase,
      boolean satisfied,
      List<ReturnOptionType> validOptions,
      Instant breachedAt,
      Instant recoveryDeadline,
      Money sellerAddressLimit,
      RateUsed rateUsed) {
    public ReturnPolicyState {
      Validation.required(phase, "phase");
      validOptions = List.copyOf(validOptions);
    }

    public boolean breach() {
      return breachedAt != null;
    }
  }
}
