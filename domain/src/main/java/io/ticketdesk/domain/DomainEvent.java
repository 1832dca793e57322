package io.ticketdesk.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Something that happened to a ticket or one of its order units, recorded in the same transaction
 * as the change (the outbox): a stable id, the type, when, whose (seller, ticket, order), the
 * ticket's gap-free {@code sequence} (1, 2, …) and a small payload {@code data} of texts, whole
 * numbers and flags with nothing a seller or the marketplace may not see. {@code internal} events
 * (internal notes) are never shown to buyers. {@code position} orders the event feed; 0 while the
 * event has not reached the feed yet.
 */
public record DomainEvent(
    String id,
    EventType type,
    Instant occurredAt,
    SellerId sellerId,
    TicketNumber ticketNumber,
    OrderNumber orderNumber,
    long sequence,
    boolean internal,
    Map<String, Object> data,
    long position) {

  private static final Pattern ID = Pattern.compile("^evt_[0-9a-f]{32}$");

  public DomainEvent {
    Validation.required(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("an event id is evt_ and 32 hex digits");
    }
    Validation.required(type, "type");
    Validation.required(occurredAt, "occurredAt");
    Validation.required(sellerId, "sellerId");
    Validation.required(ticketNumber, "ticketNumber");
    Validation.required(orderNumber, "orderNumber");
    if (sequence < 1) {
      throw new IllegalArgumentException("a ticket's event sequence starts at 1");
    }
    if (position < 0) {
      throw new IllegalArgumentException("a feed position is not negative");
    }
    data = Draft.checked(data);
  }

  /** The event as the change records it, before the outbox numbers it. */
  public record Draft(
      String id,
      EventType type,
      Instant occurredAt,
      SellerId sellerId,
      TicketNumber ticketNumber,
      OrderNumber orderNumber,
      boolean internal,
      Map<String, Object> data) {
    public Draft {
      Validation.required(id, "id");
      Validation.required(type, "type");
      Validation.required(occurredAt, "occurredAt");
      Validation.required(sellerId, "sellerId");
      Validation.required(ticketNumber, "ticketNumber");
      Validation.required(orderNumber, "orderNumber");
      data = checked(data);
    }

    /** A new event with a fresh random id. */
    public static Draft of(
        EventType type,
        Instant at,
        SellerId seller,
        TicketNumber ticket,
        OrderNumber order,
        boolean internal,
        Map<String, Object> data) {
      return new Draft(newId(), type, at, seller, ticket, order, internal, data);
    }

    /** The stored event: the ticket's next {@code sequence}, not yet in the feed. */
    public DomainEvent numbered(long sequence) {
      return new DomainEvent(
          id, type, occurredAt, sellerId, ticketNumber, orderNumber, sequence, internal, data, 0);
    }

    static Map<String, Object> checked(Map<String, Object> data) {
      Validation.required(data, "data");
      Map<String, Object> copy = new LinkedHashMap<>();
      data.forEach(
          (k, v) -> {
            if (k == null || k.isBlank() || v == null) {
              throw new IllegalArgumentException("event data has named, non-null values");
            }
            if (!(v instanceof String || v instanceof Long || v instanceof Boolean)) {
              throw new IllegalArgumentException(
                  "event data holds texts, whole numbers and flags, not " + v.getClass());
            }
            copy.put(k, v);
          });
      return Collections.unmodifiableMap(copy);
    }
  }

  /** The same event at its place in the feed. */
  public DomainEvent at(long feedPosition) {
    return new DomainEvent(
        id,
        type,
        occurredAt,
        sellerId,
        ticketNumber,
        orderNumber,
        sequence,
        internal,
        data,
        feedPosition);
  }

  /** Whether {@code actor} may receive this event (its seller, the marketplace). */
  public boolean visibleTo(Actor actor) {
    if (actor.is(Role.MARKETPLACE)) {
      return true;
    }
    return actor.is(Role.SELLER) && actor.sellerId().orElseThrow().equals(sellerId);
  }

  static String newId() {
    return "evt_" + UUID.randomUUID().toString().replace("-", "");
  }
}
