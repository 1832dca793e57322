package io.ticketdesk.adapters.persistence;

import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.TicketTopic;
import io.ticketdesk.domain.WaitingOn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A row of {@code tickets} as {@link JdbiTickets} reads it; its order unit ids come apart. */
record TicketRow(
    TicketNumber number,
    SellerId sellerId,
    BuyerId buyerId,
    Storefront storefront,
    OrderNumber orderNumber,
    TicketReason reason,
    TicketTopic topic,
    ReturnIntent returnIntent,
    TicketStatus status,
    WaitingOn waitingOn,
    boolean closedFinally,
    Instant createdAt,
    Instant updatedAt,
    Instant openSince,
    Instant responseDueAt,
    Instant firstResponseAt,
    Instant firstResponseDueAt,
    Duration firstResponseWorkingTime,
    Instant returnOptionDueAt,
    long version) {
  static TicketRow map(ResultSet rs) throws SQLException {
    String topic = rs.getString("topic");
    String returnIntent = rs.getString("return_intent");
    String waitingOn = rs.getString("waiting_on");
    return new TicketRow(
        TicketNumber.of(rs.getString("ticket_number")),
        SellerId.of(rs.getLong("seller_id")),
        BuyerId.of(rs.getLong("buyer_id")),
        Storefront.of(rs.getString("storefront")),
        OrderNumber.of(rs.getString("order_number")),
        TicketReason.of(rs.getString("reason")),
        topic == null ? null : TicketTopic.of(topic),
        returnIntent == null ? null : ReturnIntent.of(returnIntent),
        TicketStatus.of(rs.getString("status")),
        waitingOn == null ? null : WaitingOn.of(waitingOn),
        rs.getBoolean("closed_finally"),
        Db.instant(rs, "created_at"),
        Db.instant(rs, "updated_at"),
        Db.instant(rs, "open_since"),
        Db.instant(rs, "response_due_at"),
        Db.instant(rs, "first_response_at"),
        Db.instant(rs, "first_response_due_at"),
        micros(rs, "first_response_working_micros"),
        Db.instant(rs, "return_option_due_at"),
        rs.getLong("version"));
  }

  Ticket toTicket(List<OrderUnitId> units) {
    return new Ticket(
        number,
        sellerId,
        buyerId,
        storefront,
        orderNumber,
        units,
        reason,
        topic,
        returnIntent,
        status,
        waitingOn,
        closedFinally,
        createdAt,
        updatedAt,
        openSince,
        responseDueAt,
        firstResponseAt,
        firstResponseDueAt,
        firstResponseWorkingTime,
        returnOptionDueAt,
        version);
  }

  private static Duration micros(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Duration.of(v, ChronoUnit.MICROS);
  }
}
