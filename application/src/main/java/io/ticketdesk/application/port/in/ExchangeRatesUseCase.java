package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DailyRate;
import io.ticketdesk.domain.RateUsed;
import java.time.LocalDate;
import java.util.List;

/**
 * Use case: the marketplace keeps the euro reference rates per day (one by one, or a file of the
 * European Central Bank imported), and anyone may ask which rate a day uses.
 */
public interface ExchangeRatesUseCase {
  /** Sets one rate (marketplace only). */
  DailyRate set(Actor actor, DailyRate rate);

  /** Stores many rates in one transaction (the ECB import); returns how many. */
  int importRates(Actor actor, List<DailyRate> rates);

  /**
   * The rate {@code currency} uses on {@code day}: the day's, else the latest earlier, else the
   * configured default; a currency without any is not found.
   */
  RateUsed rateFor(Actor actor, String currency, LocalDate day);
}
