package io.ticketdesk.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which events a change of a ticket or of its order units makes, and what they carry: the rules of
 * the outbox, in one place. Every payload names the ticket and the order and gives the resource's
 * path under the API ({@code url}, relative to the server's base URL); nothing in it is hidden from
 * the ticket's seller or the marketplace. Derived from states, not from which use case ran, so no
 * way of changing a ticket can forget its events.
 */
public final class TicketEvents {
  /** Where the API serves a ticket. */
  public static final String TICKETS = "/api/v1/tickets/";

  private TicketEvents() {}

  /** A new ticket. */
  public static DomainEvent.Draft opened(Ticket t) {
    Map<String, Object> data = base(t);
    data.put("status", t.status().wire());
    data.put("reason", t.reason().wire());
    data.put("storefront", t.storefront().wire());
    if (t.responseDueAt() != null) {
      data.put("responseDueAt", t.responseDueAt().toString());
    }
    return draft(EventType.TICKET_OPENED, t, t.createdAt(), false, data);
  }

  /**
   * The events of the step from {@code before} to {@code after} (the same ticket, one version
   * later): its status, escalation, handback, reason and closing. A recomputed deadline or a mere
   * touch makes none.
   */
  public static List<DomainEvent.Draft> changed(Ticket before, Ticket after) {
    if (!before.number().equals(after.number()) || !before.sellerId().equals(after.sellerId())) {
      throw new IllegalArgumentException("a change keeps the ticket's number and seller");
    }
    Instant at = after.updatedAt();
    List<DomainEvent.Draft> events = new ArrayList<>();
    if (before.reason() != after.reason() || before.returnIntent() != after.returnIntent()) {
      Map<String, Object> data = base(after);
      data.put("reason", after.reason().wire());
      data.put("previousReason", before.reason().wire());
      if (after.returnIntent() != null) {
        data.put("returnIntent", after.returnIntent().wire());
      }
      events.add(draft(EventType.TICKET_REASON_CHANGED, after, at, false, data));
    }
    if (!before.customerServiceLeads() && after.customerServiceLeads()) {
      events.add(draft(EventType.TICKET_ESCALATED, after, at, false, base(after)));
    }
    if (before.customerServiceLeads() && after.isOpen()) {
      Map<String, Object> data = base(after);
      data.put("responseDueAt", after.responseDueAt().toString());
      events.add(draft(EventType.TICKET_HANDED_BACK, after, at, false, data));
    }
    if (before.status() != after.status() || before.waitingOn() != after.waitingOn()) {
      Map<String, Object> data = base(after);
      data.put("status", after.status().wire());
      data.put("previousStatus", before.status().wire());
      if (after.waitingOn() != null) {
        data.put("waitingOn", after.waitingOn().wire());
      }
      if (after.responseDueAt() != null) {
        data.put("responseDueAt", after.responseDueAt().toString());
      }
      events.add(draft(EventType.TICKET_STATUS_CHANGED, after, at, false, data));
    }
    if (!before.isClosed() && after.isClosed()) {
      Map<String, Object> data = base(after);
      data.put("closedFinally", after.closedFinally());
      events.add(draft(EventType.TICKET_CLOSED, after, at, false, data));
    }
    return events;
  }

  /** A message in the ticket's chat; an internal note is an internal event. */
  public static DomainEvent.Draft messageCreated(Ticket t, Message m) {
    Map<String, Object> data = base(t);
    data.put("url", TICKETS + t.number().value() + "/messages");
    data.put("messageId", m.id());
    data.put("authorRole", m.authorRole().wire());
    data.put("internal", m.internal());
    return draft(EventType.TICKET_MESSAGE_CREATED, t, m.createdAt(), m.internal(), data);
  }

  /** A refund or the cancellation of one of the ticket's order units. */
  public static DomainEvent.Draft ledger(Ticket t, LedgerEntry e) {
    Map<String, Object> data = base(t);
    data.put("url", TICKETS + t.number().value() + "/order");
    data.put("orderNumber", e.orderNumber().value());
    data.put("orderUnitId", e.orderUnitId().value());
    data.put("amount", e.amount().amount());
    data.put("currency", e.amount().currency());
    data.put("bearer", e.bearer().wire());
    data.put("reason", e.reason());
    EventType type =
        e.kind() == LedgerEntry.Kind.REFUND
            ? EventType.ORDER_UNIT_REFUNDED
            : EventType.ORDER_UNIT_CANCELLED;
    return draft(type, t, e.createdAt(), false, data);
  }

  /** A return label made or uploaded for the ticket. */
  public static DomainEvent.Draft labelCreated(Ticket t, ReturnLabel label) {
    Map<String, Object> data = base(t);
    data.put("url", "/api/v1/return-labels/" + label.id());
    data.put("labelId", label.id());
    data.put("carrier", label.carrier());
    data.put("trackingNumber", label.trackingNumber());
    return draft(EventType.RETURN_LABEL_CREATED, t, label.createdAt(), false, data);
  }

  /** A first response sanctioned under the return-option policy; none for other outcomes. */
  public static List<DomainEvent.Draft> outcome(Ticket t, ReturnPolicyOutcome o) {
    if (!o.breached()) {
      return List.of();
    }
    Map<String, Object> data = base(t);
    data.put("breachedAt", o.breachedAt().toString());
    data.put("recoveryDeadline", o.recoveryDeadline().toString());
    return List.of(draft(EventType.RETURN_POLICY_BREACHED, t, o.breachedAt(), false, data));
  }

  /**
   * The deadline alert an open ticket is due for at {@code now}: {@code ticket.overdue} once its
   * answer is late, else {@code ticket.deadline_approaching} once at most {@code warning} of
   * working time is left; none for a ticket that is not open. Each is made once per ticket and
   * deadline ({@link #onceKey}); a new deadline (the ticket opened again) has its own.
   */
  public static java.util.Optional<DomainEvent.Draft> deadlineAlert(
      Ticket t, Instant now, java.time.Duration warning, ResponseDeadline deadline) {
    if (!t.isOpen() || t.responseDueAt() == null) {
      return java.util.Optional.empty();
    }
    if (!now.isBefore(t.responseDueAt())) {
      return java.util.Optional.of(overdue(t));
    }
    if (deadline.workingTimeBetween(t.storefront(), now, t.responseDueAt()).compareTo(warning)
        <= 0) {
      return java.util.Optional.of(deadlineApproaching(t, now));
    }
    return java.util.Optional.empty();
  }

  /** What makes a deadline alert unique (per seller): its type, ticket and deadline. */
  public static String onceKey(DomainEvent.Draft alert) {
    return alert.type().wire()
        + "@"
        + alert.ticketNumber().value()
        + "@"
        + alert.data().get("responseDueAt");
  }

  /** The open ticket's answer is due soon ({@code at} is when the warning became due). */
  public static DomainEvent.Draft deadlineApproaching(Ticket t, Instant at) {
    Map<String, Object> data = base(t);
    data.put("responseDueAt", t.responseDueAt().toString());
    return draft(EventType.TICKET_DEADLINE_APPROACHING, t, at, false, data);
  }

  /** The open ticket's answer is overdue. */
  public static DomainEvent.Draft overdue(Ticket t) {
    Map<String, Object> data = base(t);
    data.put("responseDueAt", t.responseDueAt().toString());
    return draft(EventType.TICKET_OVERDUE, t, t.responseDueAt(), false, data);
  }

  private static Map<String, Object> base(Ticket t) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("ticketNumber", t.number().value());
    data.put("orderNumber", t.orderNumber().value());
    data.put("url", TICKETS + t.number().value());
    return data;
  }

  private static DomainEvent.Draft draft(
      EventType type, Ticket t, Instant at, boolean internal, Map<String, Object> data) {
    return DomainEvent.Draft.of(
        type, at, t.sellerId(), t.number(), t.orderNumber(), internal, data);
  }
}
