package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.ExchangeRates;
import io.ticketdesk.domain.RateUsed;
import io.ticketdesk.domain.ReturnOptionPolicy;
import io.ticketdesk.domain.Storefront;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    return rateOn(currency, ReturnOptionPolicy.rateDay(storefront, at));
  }

  private Optional<RateUsed> rateOn(String currency, LocalDate day) {
    return RateUsed.choose(
        day,
        rates.latestOnOrBefore(currency, day),
        Optional.ofNullable(policy.rules().rates().get(currency)));
  }

  /**
   * How long this node shows a rate it read in ticket states without reading it again: a rate
   * stored on another node shows within this bound (on this node, from the next read on).
   */
  static final Duration SHOWN_FOR = Duration.ofSeconds(10);

  private static final int MAX_SHOWN = 10_000;

  private record Day(String currency, LocalDate day) {}

  private record Shown(Optional<RateUsed> rate, Instant until) {}

  private final ConcurrentHashMap<Day, Shown> shown = new ConcurrentHashMap<>();

  /**
   * {@link #rateAt} for showing tickets' policy states (every lookup and page of a CZK or PLN
   * return request read it): remembered per currency and day for {@link #SHOWN_FOR}. The policy's
   * decisions (an answer's check, a missed deadline) use {@link #rateAt}, which always reads.
   */
  Optional<RateUsed> rateShownAt(Storefront storefront, Instant at, Instant now) {
    String currency = storefront.currency();
    if (currency.equals(ReturnOptionPolicy.SELLER_ADDRESS_LIMIT.currency())) {
      return Optional.empty();
    }
    Day key = new Day(currency, ReturnOptionPolicy.rateDay(storefront, at));
    Shown known = shown.get(key);
    if (known != null && now.isBefore(known.until())) {
      return known.rate();
    }
    Optional<RateUsed> rate = rateOn(currency, key.day());
    if (shown.size() >= MAX_SHOWN) {
      shown.clear();
    }
    shown.put(key, new Shown(rate, now.plus(SHOWN_FOR)));
    return rate;
  }

  /** Rates were stored through this node: its ticket states show them from the next read on. */
  void forgetShown() {
    shown.clear();
  }
}
