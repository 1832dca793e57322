package io.ticketdesk.domain;

import java.time.Instant;

/**
 * One entry of a chat; internal notes are never shown to the buyer. A system message records its
 * {@code event} (rendered per reader) with {@code text}, the event's English text kept for readers
 * of the store; messages without an event (and system messages written before events) show their
 * text as stored.
 */
public record Message(
    long id,
    TicketNumber ticketNumber,
    SellerId sellerId,
    AuthorRole authorRole,
    MessageText text,
    boolean internal,
    Instant createdAt,
    ReturnOffer offer,
    SystemEvent event) {
  public Message {
    offer = offer == null ? ReturnOffer.NONE : offer;
    Validation.required(ticketNumber, "ticketNumber");
    Validation.required(sellerId, "sellerId");
    Validation.required(authorRole, "authorRole");
    Validation.required(text, "text");
    Validation.required(createdAt, "createdAt");
    if (event != null && authorRole != AuthorRole.SYSTEM) {
      throw Validation.invalid("only system messages record an event");
    }
  }

  /** A message that records no event. */
  public Message(
      long id,
      TicketNumber ticketNumber,
      SellerId sellerId,
      AuthorRole authorRole,
      MessageText text,
      boolean internal,
      Instant createdAt,
      ReturnOffer offer) {
    this(id, ticketNumber, sellerId, authorRole, text, internal, createdAt, offer, null);
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

  /** The text in a reader's language: the event rendered, or the stored text. */
  public String textFor(Language language, Storefront storefront) {
    return event == null ? text.value() : ReaderTexts.of(language).render(event, storefront.zone());
  }
}
