package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.ticketdesk.application.port.in.ExchangeRatesUseCase;
import io.ticketdesk.domain.DailyRate;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.RateUsed;
import io.ticketdesk.domain.ReturnOptionPolicy;
import java.time.LocalDate;

/**
 * {@code PUT/GET /exchange-rates/{currency}/{date}}: the marketplace sets a day's euro reference
 * rate; anyone reads the rate a day uses (and where it came from).
 */
final class ExchangeRateRoutes {
  private final ExchangeRatesUseCase rates;

  ExchangeRateRoutes(ExchangeRatesUseCase rates) {
    this.rates = requireNonNull(rates, "rates is null");
  }

  /** The body of a PUT: units of the currency per euro, as a decimal string. */
  record RateBody(String perEuro) {}

  /** A rate as JSON: what was asked, the rate, the day it is of and its source. */
  record RateJson(
      String currency, LocalDate date, String perEuro, LocalDate rateDate, String source) {
    static RateJson of(RateUsed r) {
      return new RateJson(
          r.currency(), r.day(), r.rate().perEuro(), r.rateDay(), r.source().wire());
    }
  }

  void put(Context ctx) {
    String currency = currency(ctx);
    LocalDate day = date(ctx);
    RateBody body = Requests.body(ctx, RateBody.class);
    String perEuro = Requests.required(body.perEuro(), "perEuro");
    DailyRate rate =
        Requests.build(
            "perEuro",
            () -> new DailyRate(day, ReturnOptionPolicy.ExchangeRate.parse(currency, perEuro)));
    rates.set(Authentication.actor(ctx), rate);
    Responses.json(ctx, 200, RateJson.of(new RateUsed(day, rate.rate(), day, RateUsed.Source.DAY)));
  }

  void get(Context ctx) {
    String currency = currency(ctx);
    LocalDate day = date(ctx);
    Responses.json(ctx, 200, RateJson.of(rates.rateFor(Authentication.actor(ctx), currency, day)));
  }

  private static String currency(Context ctx) {
    String c = ctx.pathParam("currency");
    Requests.build(
        "currency",
        () -> {
          if (!c.matches("[A-Z]{3}") || c.equals("EUR")) {
            throw Requests.invalid("currency", "currency is an ISO 4217 code other than EUR");
          }
          return Money.of(0, c);
        });
    return c;
  }

  private static LocalDate date(Context ctx) {
    String value = ctx.pathParam("date");
    try {
      return LocalDate.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw Requests.invalid(
          "date",
          "date must be a date such as 2026-03-02, got '" + Requests.abbreviate(value) + "'");
    }
  }
}
