package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.ReturnLabel;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import java.util.Optional;

/** The return labels stored with tickets (PDF bytes or download URLs). */
public interface ReturnLabels {
  /** Stores a label under a new id (the draft's id is ignored) and returns it with that id. */
  ReturnLabel add(ReturnLabel draft);

  /** One of a seller's labels. */
  Optional<ReturnLabel> find(SellerId seller, long labelId);

  /** A label by id across all sellers (for buyers and customer service). */
  Optional<ReturnLabel> find(long labelId);

  /** The ticket's most recently made label. */
  Optional<ReturnLabel> latest(SellerId seller, TicketNumber ticket);
}
