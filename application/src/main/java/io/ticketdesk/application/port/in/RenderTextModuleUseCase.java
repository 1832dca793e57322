package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.TextModuleId;
import io.ticketdesk.domain.TextModuleReturnOption;
import io.ticketdesk.domain.TicketNumber;

/** Use case: fill a text module's placeholders with one ticket's values. */
public interface RenderTextModuleUseCase {
  /**
   * The module for this ticket. For a module that makes a label when sent ({@code prepaid_label}),
   * the {@code returnLabel.*} placeholders show stand-ins: the label does not exist yet.
   */
  Rendered render(Actor actor, TextModuleId id, TicketNumber ticket);

  /**
   * The text ready to send, and the return option sending it attaches (null if none; a {@code
   * prepaid_label}'s carrier is the one that will make the label: the module's or the default).
   */
  record Rendered(TextModuleId id, String text, TextModuleReturnOption returnOption) {
    public Rendered(TextModuleId id, String text) {
      this(id, text, null);
    }
  }
}
