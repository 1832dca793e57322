package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.ticketdesk.adapters.http.ActionJson.LedgerEntryJson;
import io.ticketdesk.adapters.http.OrderJson.MoneyJson;
import io.ticketdesk.application.port.in.AssessReturnPolicyUseCase;
import io.ticketdesk.application.port.in.BuyerNamesUseCase;
import io.ticketdesk.application.port.in.CancelOrderUnitUseCase;
import io.ticketdesk.application.port.in.EscalateTicketUseCase;
import io.ticketdesk.application.port.in.HandBackTicketUseCase;
import io.ticketdesk.application.port.in.IdempotencyKey;
import io.ticketdesk.application.port.in.MarkReturnRequestUseCase;
import io.ticketdesk.application.port.in.RefundUseCase;
import io.ticketdesk.application.port.in.RefundUseCase.LedgerResult;
import io.ticketdesk.application.port.in.ShowOrderDetailsUseCase;
import io.ticketdesk.application.port.in.WorkingTimeLeftUseCase;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.CancellationReason;
import io.ticketdesk.domain.CostBearer;
import io.ticketdesk.domain.EscalationReason;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.RefundReason;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketReason;
import java.time.Clock;
import java.time.Instant;

/** Actions from a ticket: order details, partial refund, cancellation, escalation, handback. */
final class ActionRoutes {
  private final ShowOrderDetailsUseCase showOrderDetails;
  private final RefundUseCase refund;
  private final CancelOrderUnitUseCase cancelOrderUnit;
  private final EscalateTicketUseCase escalateTicket;
  private final HandBackTicketUseCase handBackTicket;
  private final MarkReturnRequestUseCase markReturnRequest;
  private final AssessReturnPolicyUseCase assessReturnPolicy;
  private final Clock clock;
  private final WorkingTimeLeftUseCase workingTimeLeft;
  private final BuyerNamesUseCase buyerNames;

  ActionRoutes(HttpDependencies deps) {
    this.assessReturnPolicy =
        requireNonNull(deps.assessReturnPolicy(), "assessReturnPolicy is null");
    this.showOrderDetails = requireNonNull(deps.showOrderDetails(), "showOrderDetails is null");
    this.refund = requireNonNull(deps.refund(), "refund is null");
    this.cancelOrderUnit = requireNonNull(deps.cancelOrderUnit(), "cancelOrderUnit is null");
    this.escalateTicket = requireNonNull(deps.escalateTicket(), "escalateTicket is null");
    this.handBackTicket = requireNonNull(deps.handBackTicket(), "handBackTicket is null");
    this.markReturnRequest = requireNonNull(deps.markReturnRequest(), "markReturnRequest is null");
    this.clock = requireNonNull(deps.clock(), "clock is null");
    this.workingTimeLeft = requireNonNull(deps.workingTimeLeft(), "workingTimeLeft is null");
    this.buyerNames = requireNonNull(deps.buyerNames(), "buyerNames is null");
  }

  void order(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    TicketNumber number = Requests.ticketNumber(ctx);
    Responses.json(
        ctx, 200, ActionJson.OrderDetailsJson.of(showOrderDetails.orderDetails(actor, number)));
  }

  void refund(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    TicketNumber number = Requests.ticketNumber(ctx);
    Long expected = Requests.expectedVersion(ctx);
    IdempotencyKey key = Requests.idempotencyKey(ctx);
    ActionJson.Refund body = Requests.body(ctx, ActionJson.Refund.class);
    OrderUnitId unit = orderUnitId(body.orderUnitId());
    Money amount = money(body.amount());
    RefundReason reason =
        Requests.parse(Requests.required(body.reason(), "reason"), "reason", RefundReason::of);
    CostBearer bearer = Requests.parse(body.bearer(), "bearer", CostBearer::of);
    sendEntry(
        ctx,
        refund.refund(
            actor, new RefundUseCase.Command(number, unit, amount, reason, bearer, key, expected)));
  }

  void cancel(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    TicketNumber number = Requests.ticketNumber(ctx);
    Long expected = Requests.expectedVersion(ctx);
    IdempotencyKey key = Requests.idempotencyKey(ctx);
    ActionJson.Cancellation body = Requests.body(ctx, ActionJson.Cancellation.class);
    OrderUnitId unit = orderUnitId(body.orderUnitId());
    CancellationReason reason =
        Requests.parse(
            Requests.required(body.reason(), "reason"), "reason", CancellationReason::of);
    CostBearer bearer = Requests.parse(body.bearer(), "bearer", CostBearer::of);
    sendEntry(
        ctx,
        cancelOrderUnit.cancel(
            actor,
            new CancelOrderUnitUseCase.Command(number, unit, reason, bearer, key, expected)));
  }

  void escalate(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    TicketNumber number = Requests.ticketNumber(ctx);
    Long expected = Requests.expectedVersion(ctx);
    ActionJson.Escalation body = Requests.body(ctx, ActionJson.Escalation.class);
    EscalationReason reason =
        Requests.parse(Requests.required(body.reason(), "reason"), "reason", EscalationReason::of);
    MessageText note = Requests.parse(body.note(), "note", MessageText::of);
    sendTicket(
        ctx,
        escalateTicket.escalate(
            actor, new EscalateTicketUseCase.Command(number, reason, note, expected)));
  }

  void handBack(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    TicketNumber number = Requests.ticketNumber(ctx);
    Long expected = Requests.expectedVersion(ctx);
    sendTicket(ctx, handBackTicket.handBack(actor, number, expected));
  }

  /**
   * {@code PATCH /tickets/{n}} {@code {"reason": "product_return", "returnIntent": …}}: marks the
   * ticket as a return request; {@code returnIntent} may be absent or null (not stated).
   */
  void patch(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    TicketNumber number = Requests.ticketNumber(ctx);
    Long expected = Requests.expectedVersion(ctx);
    JsonNode body = Requests.bodyTree(ctx);
    Requests.rejectUnknownFields(body, java.util.Set.of("reason", "returnIntent"));
    JsonNode reason = body.get("reason");
    if (reason == null || reason.isNull()) {
      throw Requests.invalid("reason", "reason is required: product_return marks a return request");
    }
    if (!reason.isTextual() || !reason.asText().equals(TicketReason.PRODUCT_RETURN.wire())) {
      throw Requests.invalid(
          "reason", "reason can only be changed to product_return (to mark a return request)");
    }
    JsonNode intentNode = body.get("returnIntent");
    ReturnIntent intent = null;
    if (intentNode != null && !intentNode.isNull()) {
      if (!intentNode.isTextual()) {
        throw Requests.invalid("returnIntent", "returnIntent is a string");
      }
      intent = Requests.parse(intentNode.asText(), "returnIntent", ReturnIntent::of);
    }
    sendTicket(
        ctx,
        markReturnRequest.markReturnRequest(
            actor, new MarkReturnRequestUseCase.Command(number, intent, expected)));
  }

  private static OrderUnitId orderUnitId(Long value) {
    long id = Requests.required(value, "orderUnitId");
    return Requests.build("orderUnitId", () -> OrderUnitId.of(id));
  }

  private static Money money(MoneyJson json) {
    Requests.required(json, "amount");
    long minor = Requests.required(json.amount(), "amount.amount");
    String currency = Requests.required(json.currency(), "amount.currency");
    return Requests.money("amount", minor, currency);
  }

  /** 201 with the entry; a replayed key answers the same, marked {@code Idempotent-Replayed}. */
  private static void sendEntry(Context ctx, LedgerResult result) {
    Responses.replayed(ctx, result.replayed());
    Responses.json(ctx, 201, LedgerEntryJson.of(result.entry()));
  }

  private void sendTicket(Context ctx, Ticket ticket) {
    ctx.header("ETag", Requests.etag(ticket.version()));
    Instant now = clock.instant();
    Actor actor = Authentication.actor(ctx);
    Responses.json(
        ctx,
        200,
        TicketJson.of(
            ticket,
            now,
            ReturnPolicyJson.of(assessReturnPolicy.state(actor, ticket)),
            workingTimeLeft.workingTimeLeft(ticket, now),
            buyerNames.buyerNames(actor, java.util.List.of(ticket)).get(ticket.number())));
  }
}
