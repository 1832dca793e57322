package io.ticketdesk.adapters.http;

import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.WireEnum;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A ticket as JSON: summary, status and response deadline (with the working time left). */
record TicketJson(
    String ticketNumber,
    String status,
    String waitingOn,
    String storefront,
    String orderNumber,
    List<Long> orderUnitIds,
    String reason,
    String topic,
    String returnIntent,
    long sellerId,
    long buyerId,
    String buyerName,
    Instant createdAt,
    Instant updatedAt,
    Instant responseDueAt,
    boolean overdue,
    Long workingSecondsLeft,
    Instant firstResponseAt,
    boolean closedFinally,
    long version,
    ReturnPolicyJson returnPolicy) {

  /**
   * {@code workingTimeLeft}: the working time left to the response deadline (negative once
   * overdue), empty without a running deadline; sent in whole seconds, rounded down. {@code
   * buyerName}: null where the caller's role does not see it.
   */
  static TicketJson of(
      Ticket t,
      Instant now,
      ReturnPolicyJson returnPolicy,
      Optional<Duration> workingTimeLeft,
      String buyerName) {
    return new TicketJson(
        t.number().value(),
        t.status().wire(),
        wire(t.waitingOn()),
        t.storefront().wire(),
        t.orderNumber().value(),
        unitIds(t),
        t.reason().wire(),
        wire(t.topic()),
        wire(t.returnIntent()),
        t.sellerId().value(),
        t.buyerId().value(),
        buyerName,
        t.createdAt(),
        t.updatedAt(),
        t.responseDueAt(),
        t.overdueAt(now),
        workingTimeLeft.map(TicketJson::wholeSeconds).orElse(null),
        t.firstResponseAt(),
        t.closedFinally(),
        t.version(),
        returnPolicy);
  }

  /** Whole seconds, rounded towards minus infinity (an overrun of 0.5 s is -1 s). */
  private static long wholeSeconds(Duration d) {
    return d.getSeconds();
  }

  /** A loop, not a stream: it runs for each ticket of each page. */
  private static List<Long> unitIds(Ticket t) {
    List<Long> ids = new ArrayList<>(t.orderUnitIds().size());
    for (var id : t.orderUnitIds()) {
      ids.add(id.value());
    }
    return ids;
  }

  private static String wire(WireEnum e) {
    return e == null ? null : e.wire();
  }

  /** The answer of {@code GET /ticket-counts}: tickets per status. */
  record Counts(long open, long waiting, long closed) {}

  /** The body of {@code POST /tickets}. */
  record Opening(
      List<Long> orderUnitIds,
      String orderNumber,
      String reason,
      String topic,
      String returnIntent,
      String message) {}
}
