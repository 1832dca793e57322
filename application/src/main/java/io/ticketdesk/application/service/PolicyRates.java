package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.ExchangeRates;
import io.ticketdesk.domain.RateUsed;
import io.ticketdesk.domain.ReturnOptionPolicy;
import io.ticketdesk.domain.Storefront;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The exchange rates the return-option policy converts the 40 EUR limit with, per day. */
final class PolicyRates {
  private final ExchangeRates rates;
  private final ReturnOptionPolicy policy;

  PolicyRates(ExchangeRates rates, ReturnOptionPolicy policy) {
    this.rates = requireNonNull(rates, "rates is null");
    this.policy = requireNonNull(policy, "policy is null");
  }

  /**
   * The exchange rate of the storefront's currency on the day of {@code at} (its date in the
   * storefront's zone): that day's, else the latest earlier one, else the configured default.
   */
  Optional<RateUsed> rateAt(Storefront storefront, Instant at) {
    String currency = storefront.currency();
    if (currency.equals(ReturnOptionPolicy.SELLER_ADDRESS_LIMIT.currency())) {
      return Optional.empty();
    }
    LocalDate day = ReturnOptionPolicy.rateDay(storefront, at);
    return RateUsed.choose(
        day,
        rates.latestOnOrBefore(currency, day),
        Optional.ofNullable(policy.rules().rates().get(currency)));
  }
}
