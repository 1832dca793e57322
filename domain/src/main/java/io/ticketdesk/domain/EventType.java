package io.ticketdesk.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** What happened, as receivers of events (webhooks, the event feed) name it. */
public enum EventType implements WireEnum {
  TICKET_OPENED("ticket.opened"),
  TICKET_MESSAGE_CREATED("ticket.message_created"),
  TICKET_STATUS_CHANGED("ticket.status_changed"),
  TICKET_ESCALATED("ticket.escalated"),
  TICKET_HANDED_BACK("ticket.handed_back"),
  TICKET_REASON_CHANGED("ticket.reason_changed"),
  TICKET_CLOSED("ticket.closed"),
  TICKET_DEADLINE_APPROACHING("ticket.deadline_approaching"),
  TICKET_OVERDUE("ticket.overdue"),
  ORDER_UNIT_REFUNDED("order_unit.refunded"),
  ORDER_UNIT_CANCELLED("order_unit.cancelled"),
  RETURN_POLICY_BREACHED("return_policy.breached"),
  RETURN_LABEL_CREATED("return_label.created");

  private static final Map<String, EventType> BY_WIRE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wire, t -> t));

  private final String wire;

  EventType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
  public static EventType of(String value) {
    Validation.required(value, "type");
    EventType type = BY_WIRE.get(value);
    if (type == null) {
      throw Validation.invalid(
          "unknown event type '"
              + OrderNumber.abbreviate(value)
              + "'; valid: "
              + Arrays.stream(values()).map(EventType::wire).collect(Collectors.joining(", ")));
    }
    return type;
  }
}
