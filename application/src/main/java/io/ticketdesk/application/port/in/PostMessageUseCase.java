package io.ticketdesk.application.port.in;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Localizable;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.TextModuleId;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.Validation;
import java.util.List;

/** Use case: write a message (or an internal note) into a ticket's chat. */
public interface PostMessageUseCase {
  Posted post(Actor actor, Command command);

  /**
   * The message: its {@code text}, or a {@code textModuleId} whose module is rendered for this
   * ticket (an explicit text wins); {@code expectedVersion} (from If-Match) guards against
   * concurrent changes. {@code offer} holds the return options and discount offered; {@code
   * overridePolicyGuard} records a first response without a valid return option even when the
   * policy is enforced (which the marketplace then sanctions); {@code channel} names the other
   * channel a seller's message arrived through (the marketplace records it, authored by the
   * seller); {@code idempotencyKey} (may be null) makes a repeated request answer the message it
   * stored first.
   */
  record Command(
      TicketNumber ticketNumber,
      MessageText text,
      TextModuleId textModuleId,
      boolean internal,
      Long expectedVersion,
      ReturnOffer offer,
      boolean overridePolicyGuard,
      String channel,
      IdempotencyKey idempotencyKey) {
    public static final int MAX_CHANNEL_LENGTH = 32;

    public Command {
      Validation.required(ticketNumber, "ticketNumber");
      if (text == null && textModuleId == null) {
        throw Validation.invalid("give text or textModuleId");
      }
      offer = offer == null ? ReturnOffer.NONE : offer;
      if (channel != null
          && !channel.matches("[a-z][a-z0-9_-]{0," + (MAX_CHANNEL_LENGTH - 1) + "}")) {
        throw Validation.invalid("channel must be a lower-case name such as email or phone");
      }
    }

    public Command(
        TicketNumber ticketNumber,
        MessageText text,
        TextModuleId textModuleId,
        boolean internal,
        Long expectedVersion) {
      this(ticketNumber, text, textModuleId, internal, expectedVersion, null, false, null, null);
    }

    public Command(
        TicketNumber ticketNumber, MessageText text, boolean internal, Long expectedVersion) {
      this(ticketNumber, text, null, internal, expectedVersion);
    }
  }

  /**
   * Something the author should know about a message that was stored anyway; {@code detail} in
   * English, {@code notice} the same to render in the reader's language (null: only English).
   */
  record Warning(String code, String detail, Localizable notice) {
    public Warning {
      requireNonNull(code, "code is null");
      requireNonNull(detail, "detail is null");
    }

    public Warning(String code, String detail) {
      this(code, detail, null);
    }
  }

  /**
   * The stored message, the ticket after it, and any warnings; {@code replayed} when a repeated key
   * answers the message stored first (with its warnings, and the ticket as it is now).
   */
  record Posted(Message message, Ticket ticket, List<Warning> warnings, boolean replayed) {
    public Posted {
      warnings = List.copyOf(warnings);
    }

    public Posted(Message message, Ticket ticket, List<Warning> warnings) {
      this(message, ticket, warnings, false);
    }

    public Posted(Message message, Ticket ticket) {
      this(message, ticket, List.of());
    }
  }
}
