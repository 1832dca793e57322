package io.ticketdesk.application.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.DailyRate;
import io.ticketdesk.domain.ReturnOptionPolicy.ExchangeRate;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@code ExchangeRates}: rates per currency and day, the latest on or before a day. */
public abstract class ExchangeRatesContractTest {
  protected StorePorts store;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
  }

  private static DailyRate rate(String currency, String day, String perEuro) {
    return new DailyRate(LocalDate.parse(day), ExchangeRate.parse(currency, perEuro));
  }

  @Test
  void theLatestRateOnOrBeforeADayPerCurrency() {
    store.exchangeRates().put(rate("CZK", "2026-03-02", "24.9"));
    store.exchangeRates().put(rate("CZK", "2026-03-04", "25.1234"));
    store.exchangeRates().put(rate("PLN", "2026-03-03", "4.2875"));

    var rates = store.exchangeRates();
    assertEquals(
        Optional.of(rate("CZK", "2026-03-02", "24.9")),
        rates.latestOnOrBefore("CZK", LocalDate.parse("2026-03-02")));
    assertEquals(
        Optional.of(rate("CZK", "2026-03-02", "24.9")),
        rates.latestOnOrBefore("CZK", LocalDate.parse("2026-03-03")));
    assertEquals(
        Optional.of(rate("CZK", "2026-03-04", "25.1234")),
        rates.latestOnOrBefore("CZK", LocalDate.parse("2030-01-01")));
    assertTrue(rates.latestOnOrBefore("CZK", LocalDate.parse("2026-03-01")).isEmpty());
    assertTrue(rates.latestOnOrBefore("HUF", LocalDate.parse("2026-03-05")).isEmpty());
    assertEquals(
        "4.2875",
        rates
            .latestOnOrBefore("PLN", LocalDate.parse("2026-03-05"))
            .orElseThrow()
            .rate()
            .perEuro());
  }

  @Test
  void aSecondRateOfTheSameDayReplacesTheFirst() {
    store.exchangeRates().put(rate("CZK", "2026-03-02", "24.9"));
    store.exchangeRates().put(rate("CZK", "2026-03-02", "25"));
    assertEquals(
        Optional.of(rate("CZK", "2026-03-02", "25")),
        store.exchangeRates().latestOnOrBefore("CZK", LocalDate.parse("2026-03-02")));
  }
}
