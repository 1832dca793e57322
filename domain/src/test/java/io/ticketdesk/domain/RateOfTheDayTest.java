package io.ticketdesk.domain;

import static io.ticketdesk.domain.ReturnOptionPolicyTest.ENFORCED;
import static io.ticketdesk.domain.ReturnOptionPolicyTest.POLICY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.ReturnOptionPolicy.ExchangeRate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The 40 EUR limit in CZK and PLN uses the rate of the day: the day's, else the latest earlier one,
 * else the configured default; the assessment shows the limit and the rate used.
 */
class RateOfTheDayTest {
  static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  static final ExchangeRate DEFAULT = ExchangeRate.parse("CZK", "25");

  static DailyRate rate(String day, String perEuro) {
    return new DailyRate(LocalDate.parse(day), ExchangeRate.parse("CZK", perEuro));
  }

  @Test
  void theDaysRateThenTheLatestEarlierThenTheConfiguredDefault() {
    RateUsed day =
        RateUsed.choose(DAY, Optional.of(rate("2026-03-02", "24.9")), Optional.of(DEFAULT))
            .orElseThrow();
    assertEquals(RateUsed.Source.DAY, day.source());
    assertEquals("24.9", day.rate().perEuro());

    RateUsed earlier =
        RateUsed.choose(DAY, Optional.of(rate("2026-02-27", "26")), Optional.of(DEFAULT))
            .orElseThrow();
    assertEquals(RateUsed.Source.EARLIER_DAY, earlier.source());
    assertEquals(LocalDate.of(2026, 2, 27), earlier.rateDay());

    RateUsed configured =
        RateUsed.choose(DAY, Optional.empty(), Optional.of(DEFAULT)).orElseThrow();
    assertEquals(RateUsed.Source.CONFIGURED_DEFAULT, configured.source());
    assertNull(configured.rateDay());

    assertTrue(RateUsed.choose(DAY, Optional.empty(), Optional.empty()).isEmpty());
    assertThrows(
        IllegalArgumentException.class,
        () -> RateUsed.choose(DAY, Optional.of(rate("2026-03-03", "26")), Optional.empty()));
  }

  @Test
  void theLimitInTheStorefrontsCurrencyIsRoundedDown() {
    assertEquals(Money.of(100000, "CZK"), ReturnOptionPolicy.limitIn("CZK", DEFAULT));
    assertEquals(
        Money.of(17150, "PLN"),
        ReturnOptionPolicy.limitIn("PLN", ExchangeRate.parse("PLN", "4.2875")));
    assertEquals(
        Money.of(101137, "CZK"),
        ReturnOptionPolicy.limitIn("CZK", ExchangeRate.parse("CZK", "25.2843")));
  }

  @Test
  void theAssessmentUsesTheGivenRateAndShowsIt() {
    Order order =
        ReturnOptionPolicyTest.order(Storefront.CZ, 102000, ENFORCED.minus(Duration.ofDays(2)));
    Ticket ticket =
        ReturnOptionPolicyTest.ticket(order, TicketReason.PRODUCT_RETURN, null, ENFORCED);

    var atDefault = POLICY.assess(ticket, order, List.of(), ENFORCED);
    assertFalse(atDefault.validOptions().contains(ReturnOptionType.SELLER_ADDRESS));
    assertEquals(Money.of(100000, "CZK"), atDefault.sellerAddressLimit());
    assertEquals(RateUsed.Source.CONFIGURED_DEFAULT, atDefault.rateUsed().source());

    var at26 =
        POLICY.assess(
            ticket,
            order,
            List.of(),
            RateUsed.choose(DAY, Optional.of(rate("2026-02-27", "26")), Optional.of(DEFAULT)),
            ENFORCED);
    assertTrue(at26.validOptions().contains(ReturnOptionType.SELLER_ADDRESS));
    assertEquals(Money.of(104000, "CZK"), at26.sellerAddressLimit());
    assertEquals("26", at26.rateUsed().rate().perEuro());

    var none = POLICY.assess(ticket, order, List.of(), Optional.empty(), ENFORCED);
    assertFalse(none.validOptions().contains(ReturnOptionType.SELLER_ADDRESS));
    assertNull(none.sellerAddressLimit());
  }

  @Test
  void theDayIsTheDateInTheStorefrontsZone() {
    assertEquals(
        LocalDate.of(2026, 3, 3),
        ReturnOptionPolicy.rateDay(Storefront.CZ, java.time.Instant.parse("2026-03-02T23:30:00Z")));
  }

  @Test
  void theFullReturnAddressIsShownOnFourLines() {
    var a = new ReturnAddress("Rack Retouren", "Hafenstraße 1", "20457", "Hamburg", "DE");
    assertEquals("Rack Retouren\nHafenstraße 1\n20457 Hamburg\nDE", a.display());
  }
}
