package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.ExchangeRates;
import io.ticketdesk.domain.DailyRate;
import io.ticketdesk.domain.ReturnOptionPolicy;
import java.time.LocalDate;
import java.util.Optional;

/** Euro reference rates in {@code exchange_rates}; the latest on or before a day by the key. */
final class JdbiExchangeRates implements ExchangeRates {
  private final Db db;

  JdbiExchangeRates(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public void put(DailyRate rate) {
    requireNonNull(rate, "rate is null");
    db.write(
        h -> {
          int updated =
              h.createUpdate(
                      "UPDATE exchange_rates SET numerator = :n, denominator = :d"
                          + " WHERE currency = :c AND rate_date = :day")
                  .bind("c", rate.currency())
                  .bind("day", rate.day())
                  .bind("n", rate.rate().numerator())
                  .bind("d", rate.rate().denominator())
                  .execute();
          if (updated == 0) {
            h.createUpdate(
                    "INSERT INTO exchange_rates (currency, rate_date, numerator, denominator)"
                        + " VALUES (:c, :day, :n, :d)")
                .bind("c", rate.currency())
                .bind("day", rate.day())
                .bind("n", rate.rate().numerator())
                .bind("d", rate.rate().denominator())
                .execute();
          }
          return null;
        });
  }

  @Override
  public Optional<DailyRate> latestOnOrBefore(String currency, LocalDate day) {
    requireNonNull(currency, "currency is null");
    requireNonNull(day, "day is null");
    return db.read(
        h ->
            h.createQuery(
                    "SELECT rate_date, numerator, denominator FROM exchange_rates"
                        + " WHERE currency = :c AND rate_date <= :day"
                        + " ORDER BY rate_date DESC LIMIT 1")
                .bind("c", currency)
                .bind("day", day)
                .map(
                    (rs, ctx) ->
                        new DailyRate(
                            rs.getObject("rate_date", LocalDate.class),
                            new ReturnOptionPolicy.ExchangeRate(
                                currency, rs.getLong("numerator"), rs.getLong("denominator"))))
                .findOne());
  }
}
