package io.ticketdesk.domain;

import static io.ticketdesk.domain.TextParam.Type.ID;
import static io.ticketdesk.domain.TextParam.Type.INSTANT;
import static io.ticketdesk.domain.TextParam.Type.MONEY;
import static io.ticketdesk.domain.TextParam.Type.RETURN_OPTIONS;
import static io.ticketdesk.domain.TextParam.Type.TEXT;
import static io.ticketdesk.domain.TextParam.param;

import java.util.List;

/** Explanations a seller or buyer meets outside the chat: refusals and warnings. */
public enum NoticeKind implements WireEnum, TextTemplate {
  /** The return-option guard: the first response must offer one of these options. */
  RETURN_OPTION_REQUIRED(param("validOptions", RETURN_OPTIONS)),
  /** seller_address offered for an item worth more than the limit. */
  SELLER_ADDRESS_TOO_DEAR(param("limit", MONEY)),
  /** A refund larger than what remains of the unit. */
  REFUND_EXCEEDS_REMAINING(
      param("amount", MONEY), param("orderUnitId", ID), param("remaining", MONEY)),
  /** A buyer writing on a ticket customer service closed finally. */
  TICKET_CLOSED_FINALLY,
  /** A seller answering the buyer while customer service leads the ticket. */
  CUSTOMER_SERVICE_LEADS_ANSWER,
  /** A seller closing a ticket customer service leads. */
  CUSTOMER_SERVICE_LEADS_CLOSE,
  /** A seller closing a ticket it never answered. */
  ANSWER_BUYER_FIRST(param("ticketNumber", TEXT)),
  /** The warning that answers a message recorded in breach of the policy. */
  POLICY_BREACH(param("orderNumber", TEXT), param("recoveryDeadline", INSTANT));

  private final List<TextParam> params;

  NoticeKind(TextParam... params) {
    this.params = List.of(params);
  }

  @Override
  public String key() {
    return "notice." + wire();
  }

  @Override
  public List<TextParam> params() {
    return params;
  }
}
