package io.ticketdesk.adapters.http;

import io.ticketdesk.adapters.http.OrderJson.BuyerJson;
import io.ticketdesk.adapters.http.OrderJson.MoneyJson;
import io.ticketdesk.application.port.in.ShowOrderDetailsUseCase.OrderDetails;
import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.UnitLedger;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the actions from a ticket: order details, refunds, cancellations. */
final class ActionJson {
  private ActionJson() {}

  /** One ledger entry: a refund or a cancellation. */
  record LedgerEntryJson(
      long entryId,
      String kind,
      String ticketNumber,
      String orderNumber,
      long orderUnitId,
      MoneyJson amount,
      String reason,
      String bearer,
      String authorRole,
      Instant createdAt) {
    static LedgerEntryJson of(LedgerEntry e) {
      return new LedgerEntryJson(
          e.id(),
          e.kind().wire(),
          e.ticketNumber().value(),
          e.orderNumber().value(),
          e.orderUnitId().value(),
          MoneyJson.of(e.amount()),
          e.reason(),
          e.bearer().wire(),
          e.authorRole().wire(),
          e.createdAt());
    }
  }

  /** The order of a ticket with every unit's refunds. */
  record OrderDetailsJson(
      String ticketNumber,
      String orderNumber,
      String storefront,
      long sellerId,
      Instant orderedAt,
      BuyerJson buyer,
      List<UnitDetailsJson> units) {
    static OrderDetailsJson of(OrderDetails d) {
      return new OrderDetailsJson(
          d.ticket().number().value(),
          d.order().number().value(),
          d.order().storefront().wire(),
          d.order().sellerId().value(),
          d.order().orderedAt(),
          BuyerJson.of(d.order().buyer()),
          d.units().stream().map(u -> UnitDetailsJson.of(u, d.inTicket(u.unit().id()))).toList());
    }
  }

  /** One unit with what was refunded so far and what remains refundable. */
  record UnitDetailsJson(
      long orderUnitId,
      String title,
      String ean,
      MoneyJson price,
      String state,
      Instant deliveredAt,
      boolean inTicket,
      MoneyJson refunded,
      MoneyJson remaining,
      List<LedgerEntryJson> ledger) {
    static UnitDetailsJson of(UnitLedger l, boolean inTicket) {
      return new UnitDetailsJson(
          l.unit().id().value(),
          l.unit().title(),
          l.unit().ean(),
          MoneyJson.of(l.unit().price()),
          l.unit().state().wire(),
          l.unit().deliveredAt(),
          inTicket,
          MoneyJson.of(l.refunded()),
          MoneyJson.of(l.remaining()),
          l.entries().stream().map(LedgerEntryJson::of).toList());
    }
  }

  /** The body of {@code POST /tickets/{ticketNumber}/refunds}. */
  record Refund(Long orderUnitId, MoneyJson amount, String reason, String bearer) {}

  /** The body of {@code POST /tickets/{ticketNumber}/cancellations}. */
  record Cancellation(Long orderUnitId, String reason, String bearer) {}

  /** The body of {@code POST /tickets/{ticketNumber}/escalations}. */
  record Escalation(String reason, String note) {}
}
