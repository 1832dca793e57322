package io.ticketdesk.adapters.http;

import io.ticketdesk.domain.Message;
import java.time.Instant;

/** A chat message as JSON. */
record MessageJson(
    long messageId,
    String ticketNumber,
    String authorRole,
    String text,
    boolean internal,
    Instant createdAt) {

  static MessageJson of(Message m) {
    return new MessageJson(
        m.id(),
        m.ticketNumber().value(),
        m.authorRole().wire(),
        m.text().value(),
        m.internal(),
        m.createdAt());
  }

  /** The body of {@code POST /tickets/{ticketNumber}/messages}. */
  record Posting(String text, Boolean internal, Long textModuleId) {}
}
