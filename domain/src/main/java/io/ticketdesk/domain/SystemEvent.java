package io.ticketdesk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a system message of the chat records, as data — its kind and its parameters (canonical
 * strings, typed by the kind) — so that each reader gets it in their own language.
 */
public record SystemEvent(SystemEventKind kind, Map<String, String> params) implements Localizable {
  /** Product titles longer than this are cut in messages (the full title is on the order). */
  public static final int TITLE_LENGTH = 80;

  public SystemEvent {
    Validation.required(kind, "kind");
    params = TextValues.check(kind, params);
  }

  public static SystemEvent partialRefund(
      Money amount,
      OrderUnit unit,
      AuthorRole by,
      RefundReason reason,
      CostBearer bearer,
      Money refundedSoFar,
      boolean allUnitsRefunded) {
    Params p =
        new Params()
            .money("amount", amount)
            .unit(unit)
            .put("ean", unit.ean())
            .wire("by", by)
            .wire("reason", reason)
            .wire("bearer", bearer)
            .money("refundedSoFar", refundedSoFar)
            .money("price", unit.price());
    if (allUnitsRefunded) {
      p.put("allUnitsRefunded", "true");
    }
    return new SystemEvent(SystemEventKind.PARTIAL_REFUND, p.values);
  }

  public static SystemEvent orderUnitCancelled(
      OrderUnit unit, AuthorRole by, CancellationReason reason, Money refunded, CostBearer bearer) {
    return new SystemEvent(
        SystemEventKind.ORDER_UNIT_CANCELLED,
        new Params()
            .unit(unit)
            .put("ean", unit.ean())
            .wire("by", by)
            .wire("reason", reason)
            .money("refunded", refunded)
            .wire("bearer", bearer)
            .values);
  }

  public static SystemEvent customerServiceNotified(EscalationReason reason) {
    return new SystemEvent(
        SystemEventKind.CUSTOMER_SERVICE_NOTIFIED, new Params().wire("reason", reason).values);
  }

  public static SystemEvent handedBack(Instant dueAt) {
    return new SystemEvent(
        SystemEventKind.HANDED_BACK, new Params().put("dueAt", dueAt.toString()).values);
  }

  public static SystemEvent returnRequestMarked(AuthorRole by, ReturnIntent intent, Instant dueAt) {
    Params p = new Params().wire("by", by).put("dueAt", dueAt.toString());
    if (intent != null) {
      p.wire("intent", intent);
    }
    return new SystemEvent(SystemEventKind.RETURN_REQUEST_MARKED, p.values);
  }

  /** Closed by the seller, or finally by customer service. */
  public static SystemEvent closed(boolean finalClose, ClosingReason reason) {
    Params p = new Params();
    if (reason != null) {
      p.put("reason", reason.value());
    }
    return new SystemEvent(
        finalClose ? SystemEventKind.TICKET_CLOSED_FINALLY : SystemEventKind.TICKET_CLOSED,
        p.values);
  }

  public static SystemEvent returnLabelStored(long labelId, String carrier, String trackingNumber) {
    return new SystemEvent(
        SystemEventKind.RETURN_LABEL_STORED,
        new Params()
            .put("labelId", Long.toString(labelId))
            .put("carrier", carrier)
            .put("trackingNumber", trackingNumber)
            .values);
  }

  public static SystemEvent returnOptionMissing(
      List<ReturnOptionType> validOptions, LocalDate enforcedFrom) {
    return new SystemEvent(
        SystemEventKind.RETURN_OPTION_MISSING,
        new Params()
            .put("validOptions", wires(validOptions))
            .put("enforcedFrom", enforcedFrom.toString())
            .values);
  }

  /** Transitional period: no answer with a valid option came by the deadline {@code dueAt}. */
  public static SystemEvent returnOptionMissed(
      List<ReturnOptionType> validOptions, LocalDate enforcedFrom, Instant dueAt) {
    return new SystemEvent(
        SystemEventKind.RETURN_ANSWER_MISSED,
        new Params()
            .put("validOptions", wires(validOptions))
            .put("enforcedFrom", enforcedFrom.toString())
            .put("dueAt", dueAt.toString())
            .values);
  }

  /** A breach: no answer with a valid option came by the deadline {@code dueAt}. */
  public static SystemEvent returnPolicyMissed(List<ReturnOptionType> validOptions, Instant dueAt) {
    return new SystemEvent(
        SystemEventKind.RETURN_POLICY_DEADLINE_MISSED,
        new Params()
            .put("validOptions", wires(validOptions))
            .put("dueAt", dueAt.toString())
            .values);
  }

  /** A breach; {@code channel} is the other channel a message came from, or null (override). */
  public static SystemEvent returnPolicyBreached(
      List<ReturnOptionType> validOptions, String channel) {
    Params p = new Params().put("validOptions", wires(validOptions));
    if (channel != null) {
      p.put("channel", channel);
    }
    return new SystemEvent(SystemEventKind.RETURN_POLICY_BREACHED, p.values);
  }

  public static SystemEvent orderCancelledForBreach(
      OrderNumber order, Money refunded, Instant recoveryDeadline) {
    return new SystemEvent(
        SystemEventKind.ORDER_CANCELLED_FOR_BREACH,
        new Params()
            .put("orderNumber", order.value())
            .money("refunded", refunded)
            .put("recoveryDeadline", recoveryDeadline.toString())
            .values);
  }

  public static SystemEvent returnAddress(ReturnAddress a) {
    return new SystemEvent(
        SystemEventKind.RETURN_ADDRESS,
        new Params()
            .put("name", a.name())
            .put("street", a.street())
            .put("postalCode", a.postalCode())
            .put("city", a.city())
            .put("country", a.country())
            .values);
  }

  public static SystemEvent refundWithoutReturn(Money amount, OrderUnit unit) {
    return new SystemEvent(
        SystemEventKind.REFUND_WITHOUT_RETURN,
        new Params().money("amount", amount).unit(unit).values);
  }

  public static SystemEvent alreadyRefundedInFull() {
    return new SystemEvent(SystemEventKind.ALREADY_REFUNDED_IN_FULL, Map.of());
  }

  @Override
  public TextTemplate template() {
    return kind;
  }

  private static String wires(List<ReturnOptionType> options) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("at least one return option");
    }
    return options.stream().map(ReturnOptionType::wire).collect(Collectors.joining(","));
  }

  /** Collects canonical values in the kind's order. */
  private static final class Params {
    private final Map<String, String> values = new LinkedHashMap<>();

    Params put(String name, String value) {
      values.put(name, value);
      return this;
    }

    Params money(String name, Money money) {
      return put(name, TextParam.Type.money(money));
    }

    Params wire(String name, WireEnum value) {
      return put(name, value.wire());
    }

    Params unit(OrderUnit unit) {
      String title = unit.title();
      int cut =
          title.offsetByCodePoints(
              0, Math.min(TITLE_LENGTH, title.codePointCount(0, title.length())));
      return put("orderUnitId", Long.toString(unit.id().value()))
          .put("title", cut < title.length() ? title.substring(0, cut) + "…" : title);
    }
  }
}
