package io.ticketdesk.domain;

import java.time.Instant;

/** One entry of a ticket's chat; internal notes are never shown to the buyer. */
public record Message(
    long id,
    TicketNumber ticketNumber,
    SellerId sellerId,
    AuthorRole authorRole,
    MessageText text,
    boolean internal,
    Instant createdAt) {
  public Message {
    Validation.required(ticketNumber, "ticketNumber");
    Validation.required(sellerId, "sellerId");
    Validation.required(authorRole, "authorRole");
    Validation.required(text, "text");
    Validation.required(createdAt, "createdAt");
  }

  /** Whether the given actor may read this message. */
  public boolean visibleTo(Actor actor) {
    return !(internal && actor.is(Role.BUYER));
  }
}
