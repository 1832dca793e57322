package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.DailyRate;
import java.time.LocalDate;
import java.util.Optional;

/** The euro reference rates per currency and day (set by the marketplace or imported). */
public interface ExchangeRates {
  /** Stores the rate of its currency and day, replacing one stored before. */
  void put(DailyRate rate);

  /** The latest stored rate of {@code currency} on or before {@code day}. */
  Optional<DailyRate> latestOnOrBefore(String currency, LocalDate day);
}
