package io.ticketdesk.domain;

import java.time.Instant;

/**
 * How a ticket's first response fared under the return-option policy: the phase then, whether it
 * offered a valid option, and for a sanctioned breach when it happened and until when the seller
 * may arrange getting the goods back.
 */
public record ReturnPolicyOutcome(
    SellerId sellerId,
    TicketNumber ticketNumber,
    PolicyPhase phase,
    boolean satisfied,
    Instant decidedAt,
    Instant breachedAt,
    Instant recoveryDeadline) {
  public ReturnPolicyOutcome {
    Validation.required(sellerId, "sellerId");
    Validation.required(ticketNumber, "ticketNumber");
    Validation.required(phase, "phase");
    Validation.required(decidedAt, "decidedAt");
    if ((breachedAt == null) != (recoveryDeadline == null)) {
      throw new IllegalArgumentException("a breach comes with its recovery deadline");
    }
    if (breachedAt != null && satisfied) {
      throw new IllegalArgumentException("a satisfied first response is no breach");
    }
  }

  /** A first response that offered a valid option, or a warning when it did not. */
  public static ReturnPolicyOutcome of(
      Ticket ticket, PolicyPhase phase, boolean satisfied, Instant at) {
    return new ReturnPolicyOutcome(
        ticket.sellerId(), ticket.number(), phase, satisfied, at, null, null);
  }

  /** A sanctioned breach: the recovery window of four weeks opens now. */
  public static ReturnPolicyOutcome breach(Ticket ticket, Instant at) {
    return new ReturnPolicyOutcome(
        ticket.sellerId(),
        ticket.number(),
        PolicyPhase.ENFORCED,
        false,
        at,
        at,
        at.plus(ReturnOptionPolicy.RECOVERY_WINDOW));
  }

  public boolean breached() {
    return breachedAt != null;
  }
}
