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
    Instant createdAt,
    ReturnOffer offer) {
  public Message {
    offer = offer == null ? ReturnOffer.NONE : offer;
    Validation.required(ticketNumber, "ticketNumber");
    Validation.required(sellerId, "sellerId");
    Validation.required(authorRole, "authorRole");
    Validation.required(text, "text");
    Validation.required(createdAt, "createdAt");
  }

  /** A message that offers no return option. */
  public Message(
      long id,
      TicketNumber ticketNumber,
      SellerId sellerId,
      AuthorRole authorRole,
      MessageText text,
      boolean internal,
      Instant createdAt) {
    this(id, ticketNumber, sellerId, authorRole, text, internal, createdAt, ReturnOffer.NONE);
  }

  /** Whether the given actor may read this message. */
  public boolean visibleTo(Actor actor) {
    return !(internal && actor.is(Role.BUYER));
  }
}
