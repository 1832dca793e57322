package io.ticketdesk.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A ticket list's topic filter: tickets with one topic, or ({@code none}) tickets without a topic.
 */
public record TopicFilter(TicketTopic topic) {
  /** The wire value that selects the tickets without a topic. */
  public static final String NONE_WIRE = "none";

  /** Tickets without a topic. */
  public static final TopicFilter NONE = new TopicFilter(null);

  public static TopicFilter is(TicketTopic topic) {
    return new TopicFilter(Validation.required(topic, "topic"));
  }

  /** Parses {@code none} or a topic's wire value; anything else lists the valid values. */
  public static TopicFilter of(String value) {
    Validation.required(value, "topic");
    if (NONE_WIRE.equals(value)) {
      return NONE;
    }
    try {
      return is(TicketTopic.of(value));
    } catch (DomainException e) {
      List<String> valid = new ArrayList<>();
      valid.add(NONE_WIRE);
      for (TicketTopic t : TicketTopic.values()) {
        valid.add(t.wire());
      }
      throw new DomainException(
          ErrorCode.VALIDATION,
          e.getMessage() + " (or " + NONE_WIRE + " for tickets without a topic)",
          Map.of("field", "topic", "validValues", List.copyOf(valid)));
    }
  }

  public boolean isNone() {
    return topic == null;
  }

  public boolean matches(TicketTopic candidate) {
    return topic == candidate;
  }

  public String wire() {
    return topic == null ? NONE_WIRE : topic.wire();
  }
}
