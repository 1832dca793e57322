package io.ticketdesk.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The exchange rate a rule used for a day: that day's rate, else the latest earlier one, else the
 * configured default; {@code rateDay} is the day of the rate (null for the configured default).
 */
public record RateUsed(
    LocalDate day, ReturnOptionPolicy.ExchangeRate rate, LocalDate rateDay, Source source) {

  /** Where the rate came from. */
  public enum Source implements WireEnum {
    /** The rate of the day itself. */
    DAY,
    /** No rate for the day: the latest earlier one. */
    EARLIER_DAY,
    /** No rate for the day or before: the configured default. */
    CONFIGURED_DEFAULT
  }

  public RateUsed {
    Validation.required(day, "day");
    Validation.required(rate, "rate");
    Validation.required(source, "source");
    if ((source == Source.CONFIGURED_DEFAULT) != (rateDay == null)) {
      throw new IllegalArgumentException("a stored rate has its day, the default none");
    }
  }

  /**
   * Chooses the rate for {@code day}: {@code latest} is the latest stored rate on or before it (if
   * any), {@code configured} the configured default (if any). Empty: no rate at all.
   */
  public static Optional<RateUsed> choose(
      LocalDate day,
      Optional<DailyRate> latest,
      Optional<ReturnOptionPolicy.ExchangeRate> configured) {
    Validation.required(day, "day");
    if (latest.isPresent()) {
      DailyRate r = latest.get();
      if (r.day().isAfter(day)) {
        throw new IllegalArgumentException("a rate of " + r.day() + " is not one of " + day);
      }
      return Optional.of(
          new RateUsed(
              day, r.rate(), r.day(), r.day().equals(day) ? Source.DAY : Source.EARLIER_DAY));
    }
    return configured.map(c -> new RateUsed(day, c, null, Source.CONFIGURED_DEFAULT));
  }

  public String currency() {
    return rate.currency();
  }
}
