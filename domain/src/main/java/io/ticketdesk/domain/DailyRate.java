package io.ticketdesk.domain;

import java.time.LocalDate;

/** A currency's euro reference rate on one day (units of the currency per euro). */
public record DailyRate(LocalDate day, ReturnOptionPolicy.ExchangeRate rate) {
  public DailyRate {
    Validation.required(day, "date");
    Validation.required(rate, "rate");
    if (rate.currency().equals("EUR")) {
      throw Validation.invalid("the euro has no rate against itself");
    }
  }

  public String currency() {
    return rate.currency();
  }
}
