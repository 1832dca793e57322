package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.ReturnPolicyOutcome;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import java.util.Optional;

/** How tickets' first responses fared under the return-option policy, one outcome per ticket. */
public interface ReturnPolicyOutcomes {
  /**
   * Records the outcome of a ticket's first response.
   *
   * @throws DuplicateKeyException when the ticket has an outcome already
   */
  void record(ReturnPolicyOutcome outcome);

  Optional<ReturnPolicyOutcome> find(SellerId seller, TicketNumber ticket);
}
