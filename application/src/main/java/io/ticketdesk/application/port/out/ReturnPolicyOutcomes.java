package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.ReturnPolicyOutcome;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * How tickets' first responses (or the answers owed after a mark as return request) fared under the
 * return-option policy, one outcome per ticket.
 */
public interface ReturnPolicyOutcomes {
  /**
   * Records the outcome of a ticket's first response.
   *
   * @throws DuplicateKeyException when the ticket has an outcome already
   */
  void record(ReturnPolicyOutcome outcome);

  /**
   * Replaces the ticket's outcome by a later answer's ({@code outcome}: the answer owed after a
   * mark as return request) unless the stored one is a breach, which stands.
   *
   * @return whether one was replaced; false when the ticket has none or a breach
   */
  boolean replace(ReturnPolicyOutcome outcome);

  Optional<ReturnPolicyOutcome> find(SellerId seller, TicketNumber ticket);

  /** The outcomes of a seller's tickets, for a page of tickets; tickets without one are absent. */
  Map<TicketNumber, ReturnPolicyOutcome> findAll(SellerId seller, Collection<TicketNumber> tickets);
}
