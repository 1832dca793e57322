package io.ticketdesk.domain;

import static io.ticketdesk.domain.TextParam.Type.AUTHOR_ROLE;
import static io.ticketdesk.domain.TextParam.Type.CANCELLATION_REASON;
import static io.ticketdesk.domain.TextParam.Type.COST_BEARER;
import static io.ticketdesk.domain.TextParam.Type.COUNTRY;
import static io.ticketdesk.domain.TextParam.Type.DATE;
import static io.ticketdesk.domain.TextParam.Type.ESCALATION_REASON;
import static io.ticketdesk.domain.TextParam.Type.FLAG;
import static io.ticketdesk.domain.TextParam.Type.ID;
import static io.ticketdesk.domain.TextParam.Type.INSTANT;
import static io.ticketdesk.domain.TextParam.Type.MONEY;
import static io.ticketdesk.domain.TextParam.Type.REFUND_REASON;
import static io.ticketdesk.domain.TextParam.Type.RETURN_INTENT;
import static io.ticketdesk.domain.TextParam.Type.RETURN_OPTIONS;
import static io.ticketdesk.domain.TextParam.Type.TEXT;
import static io.ticketdesk.domain.TextParam.optional;
import static io.ticketdesk.domain.TextParam.param;

import java.util.List;

/** What happened, as a system message of the chat records it; each kind has fixed parameters. */
public enum SystemEventKind implements WireEnum, TextTemplate {
  /** A partial refund from the action menu; {@code allUnitsRefunded} when nothing remains. */
  PARTIAL_REFUND(
      param("amount", MONEY),
      param("orderUnitId", ID),
      param("title", TEXT),
      param("ean", TEXT),
      param("by", AUTHOR_ROLE),
      param("reason", REFUND_REASON),
      param("bearer", COST_BEARER),
      param("refundedSoFar", MONEY),
      param("price", MONEY),
      optional("allUnitsRefunded", FLAG)),
  /** An order unit cancelled from the action menu, refunding what remained. */
  ORDER_UNIT_CANCELLED(
      param("orderUnitId", ID),
      param("title", TEXT),
      param("ean", TEXT),
      param("by", AUTHOR_ROLE),
      param("reason", CANCELLATION_REASON),
      param("refunded", MONEY),
      param("bearer", COST_BEARER)),
  /** The seller handed the ticket to customer service. */
  CUSTOMER_SERVICE_NOTIFIED(param("reason", ESCALATION_REASON)),
  /** Customer service handed the ticket back; the seller's answer is due. */
  HANDED_BACK(param("dueAt", INSTANT)),
  /** Marked as a return request later; the next answer must offer a return option. */
  RETURN_REQUEST_MARKED(
      param("by", AUTHOR_ROLE), param("dueAt", INSTANT), optional("intent", RETURN_INTENT)),
  /** Closed by the seller; a buyer reply reopens it. */
  TICKET_CLOSED(optional("reason", TEXT)),
  /** Closed finally by customer service. */
  TICKET_CLOSED_FINALLY(optional("reason", TEXT)),
  /** A return label was made or uploaded for the ticket (an internal note). */
  RETURN_LABEL_STORED(param("labelId", ID), param("carrier", TEXT), param("trackingNumber", TEXT)),
  /** Transitional period: a first response offered no valid return option. */
  RETURN_OPTION_MISSING(param("validOptions", RETURN_OPTIONS), param("enforcedFrom", DATE)),
  /** A non-compliant first response was recorded anyway; {@code channel} when from elsewhere. */
  RETURN_POLICY_BREACHED(param("validOptions", RETURN_OPTIONS), optional("channel", TEXT)),
  /**
   * Transitional period: no answer with a valid return option came by the return request's deadline
   * {@code dueAt}.
   */
  RETURN_ANSWER_MISSED(
      param("validOptions", RETURN_OPTIONS), param("enforcedFrom", DATE), param("dueAt", INSTANT)),
  /** A breach: no answer with a valid return option came by the return request's deadline. */
  RETURN_POLICY_DEADLINE_MISSED(param("validOptions", RETURN_OPTIONS), param("dueAt", INSTANT)),
  /** The sanction of a breach: the order cancelled and refunded at the seller's expense. */
  ORDER_CANCELLED_FOR_BREACH(
      param("orderNumber", TEXT), param("refunded", MONEY), param("recoveryDeadline", INSTANT)),
  /** The seller's return address, which an accepted seller_address option shows the buyer. */
  RETURN_ADDRESS(
      param("name", TEXT),
      param("street", TEXT),
      param("postalCode", TEXT),
      param("city", TEXT),
      param("country", COUNTRY)),
  /** A unit refunded in full with the seller's message; the buyer keeps it. */
  REFUND_WITHOUT_RETURN(param("amount", MONEY), param("orderUnitId", ID), param("title", TEXT)),
  /** A refund without return offered when every unit was already refunded in full. */
  ALREADY_REFUNDED_IN_FULL;

  private final List<TextParam> params;

  SystemEventKind(TextParam... params) {
    this.params = List.of(params);
    if (this.params.stream().filter(TextParam::optional).count() > 1) {
      throw new IllegalStateException(name() + " has more than one optional parameter");
    }
  }

  public static SystemEventKind of(String value) {
    return Validation.parseEnum(SystemEventKind.class, value, "kind", SystemEventKind::wire);
  }

  @Override
  public String key() {
    return "event." + wire();
  }

  @Override
  public List<TextParam> params() {
    return params;
  }
}
