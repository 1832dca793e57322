package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.ExchangeRatesUseCase;
import io.ticketdesk.application.port.out.ExchangeRates;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DailyRate;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.RateUsed;
import io.ticketdesk.domain.ReturnOptionPolicy;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.Validation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The euro reference rates per day, and the choice of the rate a day uses. */
public final class ExchangeRateService implements ExchangeRatesUseCase {
  /** The most rates one import stores (the ECB's whole history is about 200,000). */
  public static final int MAX_IMPORT = 500_000;

  private final ExchangeRates rates;
  private final Transactions tx;
  private final ReturnOptionPolicy policy;
  private final Runnable stored;

  public ExchangeRateService(ExchangeRates rates, Transactions tx, ReturnOptionPolicy policy) {
    this(rates, tx, policy, () -> {});
  }

  /** {@code stored}: told after rates were stored (the ticket states' remembered rates). */
  ExchangeRateService(
      ExchangeRates rates, Transactions tx, ReturnOptionPolicy policy, Runnable stored) {
    this.rates = requireNonNull(rates, "rates is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.policy = requireNonNull(policy, "policy is null");
    this.stored = requireNonNull(stored, "stored is null");
  }

  @Override
  public DailyRate set(Actor actor, DailyRate rate) {
    Access.require(actor, "set exchange rates", Role.MARKETPLACE);
    Validation.required(rate, "rate");
    tx.inTransaction(
        () -> {
          rates.put(rate);
          return null;
        });
    stored.run();
    return rate;
  }

  @Override
  public int importRates(Actor actor, List<DailyRate> list) {
    Access.require(actor, "import exchange rates", Role.MARKETPLACE);
    Validation.required(list, "rates");
    if (list.size() > MAX_IMPORT) {
      throw Validation.invalid("an import holds at most " + MAX_IMPORT + " rates");
    }
    int n =
        tx.inTransaction(
            () -> {
              list.forEach(rates::put);
              return list.size();
            });
    stored.run();
    return n;
  }

  @Override
  public RateUsed rateFor(Actor actor, String currency, LocalDate day) {
    requireNonNull(actor, "actor is null");
    Validation.required(currency, "currency");
    Validation.required(day, "date");
    Money.of(0, currency); // a valid ISO 4217 code
    return rateOf(currency, day)
        .orElseThrow(
            () ->
                new DomainException(
                    ErrorCode.NOT_FOUND, "no exchange rate of " + currency + " is known"));
  }

  /** The rate of {@code currency} on {@code day}, inside the caller's transaction. */
  Optional<RateUsed> rateOf(String currency, LocalDate day) {
    return RateUsed.choose(
        day,
        rates.latestOnOrBefore(currency, day),
        Optional.ofNullable(policy.rules().rates().get(currency)));
  }
}
