package io.ticketdesk.domain;

import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An amount of money in integer minor units of an ISO 4217 currency; never floating point. Its size
 * is capped at {@link Validation#MAX_EXACT_INTEGER} so that every JSON reader reads it exactly.
 */
public record Money(long amount, String currency) {
  private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

  public Money {
    Validation.required(currency, "currency");
    if (!CURRENCY.matcher(currency).matches()) {
      throw Validation.invalid(
          "currency must be an ISO 4217 code such as EUR, got '" + currency + "'");
    }
    if (amount > Validation.MAX_EXACT_INTEGER || amount < -Validation.MAX_EXACT_INTEGER) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "amount must be at most " + Validation.MAX_EXACT_INTEGER + " minor units",
          java.util.Map.of("field", "amount"));
    }
    try {
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw Validation.invalid("unknown currency '" + currency + "'");
    }
  }

  public static Money of(long amount, String currency) {
    return new Money(amount, currency);
  }

  public boolean isPositive() {
    return amount > 0;
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(amount, other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(amount, other.amount), currency);
  }

  public boolean exceeds(Money other) {
    requireSameCurrency(other);
    return amount > other.amount;
  }

  /** For people: the amount in major units with the currency, e.g. {@code 19.99 EUR}. */
  public String display() {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    if (digits == 0) {
      return amount + " " + currency;
    }
    long scale = 1;
    for (int i = 0; i < digits; i++) {
      scale *= 10;
    }
    String sign = amount < 0 ? "-" : "";
    long major = Math.abs(amount / scale);
    long minor = Math.abs(amount % scale);
    String fraction = String.valueOf(minor);
    while (fraction.length() < digits) {
      fraction = "0" + fraction;
    }
    return sign + major + "." + fraction + " " + currency;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw Validation.invalid("currency " + other.currency + " does not match " + currency);
    }
  }
}
