package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.ResponseTimeFigures;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import java.time.LocalDate;
import java.util.Map;

/** Use case: the KPI "ticket response time" of a seller (or the marketplace) over a period. */
public interface MeasureResponseTimeUseCase {
  Report measure(Actor actor, Query query);

  /**
   * Either an ISO {@code week} such as {@code 2026-W06}, or {@code from}/{@code to} dates (both
   * inclusive); each is read in the storefront's time zone. {@code sellerId} is for the marketplace
   * (a seller always gets its own figures).
   */
  record Query(Long sellerId, Storefront storefront, String week, LocalDate from, LocalDate to) {}

  /** The figures overall and per storefront, for the period {@code from}…{@code to} inclusive. */
  record Report(
      SellerId seller,
      String week,
      LocalDate from,
      LocalDate to,
      ResponseTimeFigures overall,
      Map<Storefront, ResponseTimeFigures> byStorefront) {}
}
