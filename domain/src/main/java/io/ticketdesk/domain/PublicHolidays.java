package io.ticketdesk.domain;

import java.time.LocalDate;

/** The national public holidays of each storefront's country (no regional days, no observances). */
@FunctionalInterface
public interface PublicHolidays {
  boolean isPublicHoliday(Storefront storefront, LocalDate date);

  /** A calendar without holidays: only weekends are non-working. */
  static PublicHolidays none() {
    return (storefront, date) -> false;
  }
}
