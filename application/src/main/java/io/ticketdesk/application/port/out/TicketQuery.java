package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.TopicFilter;
import io.ticketdesk.domain.WaitingOn;
import java.time.Instant;
import java.util.Objects;

/**
 * A scoped ticket search. {@code seller}/{@code buyer} are the tenant scope (null = all); every
 * other null field means "no filter". {@code createdFrom} is inclusive, {@code createdTo}
 * exclusive. {@code after} is the keyset position of the last row of the previous page.
 */
public record TicketQuery(
    SellerId seller,
    BuyerId buyer,
    TicketStatus status,
    WaitingOn waitingOn,
    TicketReason reason,
    TopicFilter topic,
    Storefront storefront,
    Instant createdFrom,
    Instant createdTo,
    TicketNumber ticketNumber,
    OrderNumber orderNumber,
    Boolean overdue,
    Instant now,
    TicketSort sort,
    Keyset after,
    int limit) {

  public TicketQuery {
    Objects.requireNonNull(sort, "sort is null");
    Objects.requireNonNull(now, "now is null");
    if (limit < 1 || limit > 101) {
      throw new IllegalArgumentException("limit out of range: " + limit);
    }
  }

  /** A position in a sorted ticket list: the sort key and the ticket number as tie-breaker. */
  public record Keyset(Instant key, TicketNumber ticketNumber) {
    public Keyset {
      Objects.requireNonNull(key, "key is null");
      Objects.requireNonNull(ticketNumber, "ticketNumber is null");
    }
  }
}
