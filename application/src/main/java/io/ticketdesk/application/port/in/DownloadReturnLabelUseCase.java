package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.ReturnLabel;

/** Use case: the ticket's seller, buyer or customer service fetches a return label. */
public interface DownloadReturnLabelUseCase {
  /** The label; anyone else gets {@code not-found}. */
  ReturnLabel label(Actor actor, long labelId);
}
