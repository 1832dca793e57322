package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.FirstResponse;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import java.time.Instant;
import java.util.List;

/** The recorded first responses and overdue counts the response-time KPI is computed from. */
public interface ResponseTimes {
  /**
   * The first responses, answered or not, of the tickets on a storefront whose first-response
   * deadline lies in {@code from <= dueAt < to}; {@code seller} null = all.
   */
  List<FirstResponse> firstResponsesDue(
      SellerId seller, Storefront storefront, Instant from, Instant to);

  /** Open tickets on a storefront whose deadline lies before {@code now}; seller null = all. */
  long openOverdue(SellerId seller, Storefront storefront, Instant now);
}
