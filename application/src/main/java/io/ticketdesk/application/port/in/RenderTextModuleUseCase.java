package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.TextModuleId;
import io.ticketdesk.domain.TicketNumber;

/** Use case: fill a text module's placeholders with one ticket's values. */
public interface RenderTextModuleUseCase {
  Rendered render(Actor actor, TextModuleId id, TicketNumber ticket);

  /** The text ready to send. */
  record Rendered(TextModuleId id, String text) {}
}
