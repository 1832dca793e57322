package io.ticketdesk.domain;

import static io.ticketdesk.domain.Fixtures.NUMBER;
import static io.ticketdesk.domain.Fixtures.UNIT_1;
import static io.ticketdesk.domain.Fixtures.WEEKDAYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The return-option policy, table-driven and without mocks. */
class ReturnOptionPolicyTest {
  static final ReturnOptionPolicy POLICY = ReturnOptionPolicy.withDefaults();
  static final Instant ENFORCED = Instant.parse("2026-03-02T09:00:00Z");

  static Order order(Storefront sf, long price, Instant deliveredAt) {
    OrderUnit unit =
        new OrderUnit(
            UNIT_1,
            "Bike rack",
            "4006381333931",
            Money.of(price, sf.currency()),
            UnitState.RECEIVED,
            deliveredAt);
    return Fixtures.order(sf, unit);
  }

  static Ticket ticket(Order order, TicketReason reason, ReturnIntent intent, Instant at) {
    return Ticket.openedByBuyer(
        NUMBER, new Ticket.Opening(order, List.of(UNIT_1), reason, null, intent), at, WEEKDAYS);
  }

  static ReturnOptionPolicy.Assessment assess(
      Storefront sf, long price, Duration deliveredAgo, ReturnIntent intent, Instant at) {
    Order order = order(sf, price, at.minus(deliveredAgo));
    return POLICY.assess(ticket(order, TicketReason.PRODUCT_RETURN, intent, at), order, at);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "refund within 3 days,   refund,        3,  true",
    "no intent given,        ,              3,  true",
    "repair,                 repair,        3,  false",
    "replacement,            replacement,   3,  false",
    "missing parts,          missing_parts, 3,  false",
    "delivered 14 days ago,  refund,        14, true",
    "delivered 15 days ago,  refund,        15, false",
    "delivered 13 days ago,  refund,        13, true",
  })
  void appliesToARevocationForARefundWithinThePeriod(
      String name, String intent, int daysAgo, boolean applies) {
    ReturnIntent parsed = intent == null ? null : ReturnIntent.of(intent);
    assertEquals(
        applies,
        assess(Storefront.DE, 5999, Duration.ofDays(daysAgo), parsed, ENFORCED).applies(),
        name);
  }

  @Test
  void anotherReasonIsNoRevocationAWithdrawalBeforeDeliveryIs() {
    Order delivered = order(Storefront.DE, 5999, ENFORCED.minus(Duration.ofDays(2)));
    Ticket defect = ticket(delivered, TicketReason.PRODUCT_DEFECT, null, ENFORCED);
    Order notDelivered = order(Storefront.DE, 5999, null);
    Ticket undelivered = ticket(notDelivered, TicketReason.PRODUCT_RETURN, null, ENFORCED);

    assertFalse(POLICY.assess(defect, delivered, ENFORCED).applies());
    assertTrue(POLICY.assess(undelivered, notDelivered, ENFORCED).applies());
  }

  @ParameterizedTest(name = "delivered {0}, opened {1} (Berlin): within {2}")
  @CsvSource({
    "2026-03-01T09:00, 2026-03-15T23:59:59, true",
    "2026-03-01T09:00, 2026-03-16T00:00, false",
    "2026-03-01T23:30, 2026-03-15T23:59, true",
    "2026-03-01T00:00, 2026-03-15T12:00, true",
  })
  void thePeriodEndsAtTheEndOfItsLastDayInTheStorefrontsZone(
      String delivered, String opened, boolean within) {
    Instant d = Fixtures.berlin(delivered);
    Instant o = Fixtures.berlin(opened);
    Order order = order(Storefront.DE, 5999, d);
    assertEquals(
        within,
        POLICY.assess(ticket(order, TicketReason.PRODUCT_RETURN, null, o), order, o).applies());
  }

  @ParameterizedTest(name = "{0} on {1} is {2}")
  @CsvSource({
    "2025-12-31T22:59:59Z, de, none",
    "2025-12-31T23:00:00Z, de, transitional",
    "2026-01-20T10:00:00Z, de, transitional",
    "2026-01-31T22:59:59Z, de, transitional",
    "2026-01-31T23:00:00Z, de, enforced",
    "2026-01-31T23:00:00Z, pl, enforced",
    "2026-01-31T22:59:59Z, cz, transitional",
    "2026-03-02T09:00:00Z, it, enforced",
  })
  void thePhaseTurnsAtMidnightInTheStorefrontsZone(String at, String sf, String phase) {
    assertEquals(phase, POLICY.phase(Storefront.of(sf), Instant.parse(at)).wire());
  }

  @ParameterizedTest(name = "{0} {1}: seller_address {2}")
  @CsvSource({
    "de, 4000,   true",
    "de, 4001,   false",
    "cz, 100000, true",
    "cz, 100001, false",
    "pl, 17000,  true",
    "pl, 17001,  false",
  })
  void theSellersAddressCountsUpTo40EurosConvertedExactly(String sf, long price, boolean valid) {
    List<ReturnOptionType> options =
        assess(Storefront.of(sf), price, Duration.ofDays(2), null, ENFORCED).validOptions();
    assertEquals(valid, options.contains(ReturnOptionType.SELLER_ADDRESS));
  }

  @Test
  void aCurrencyWithoutARateNeverAllowsTheAddress() {
    ReturnOptionPolicy euroOnly =
        new ReturnOptionPolicy(
            new ReturnOptionPolicy.Rules(
                ReturnOptionPolicy.Rules.DEFAULT_EFFECTIVE_FROM,
                ReturnOptionPolicy.Rules.DEFAULT_ENFORCED_FROM,
                Map.of(Storefront.CZ, 30),
                Map.of()));
    assertFalse(euroOnly.cheapEnoughForAddress(Money.of(1, "CZK")));
    assertTrue(euroOnly.cheapEnoughForAddress(Money.of(4000, "EUR")));
  }

  static Stream<Arguments> firstResponses() {
    ReturnOption label = new ReturnOption(ReturnOptionType.PREPAID_LABEL, 1L, null, null);
    ReturnOption url =
        new ReturnOption(ReturnOptionType.LABEL_URL, null, "https://l.example/1", null);
    Money discount = Money.of(1000, "EUR");
    return Stream.of(
        Arguments.of("label and discount (example 1)", List.of(label), discount, "SATISFIED"),
        Arguments.of("discount alone (example 1)", List.of(), discount, "BREACH"),
        Arguments.of("tips alone (example 2)", List.of(), null, "BREACH"),
        Arguments.of("tips and a label URL (example 2)", List.of(url), null, "SATISFIED"),
        Arguments.of(
            "label in the package",
            List.of(ReturnOption.of(ReturnOptionType.LABEL_IN_PACKAGE)),
            null,
            "SATISFIED"),
        Arguments.of(
            "refund without return",
            List.of(ReturnOption.of(ReturnOptionType.REFUND_WITHOUT_RETURN)),
            null,
            "SATISFIED"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("firstResponses")
  void aFirstResponseSatisfiesThePolicyOnlyWithAValidOption(
      String name, List<ReturnOption> options, Money discount, String verdict) {
    var a = assess(Storefront.DE, 5999, Duration.ofDays(2), ReturnIntent.REFUND, ENFORCED);
    assertEquals(verdict, a.judge(new ReturnOffer(options, discount)).name(), name);
  }

  @Test
  void inTheTransitionalPeriodAMissingOptionIsAWarningAndNotRequiredBefore() {
    ReturnOffer none = ReturnOffer.NONE;
    assertEquals(
        ReturnOptionPolicy.Verdict.WARNING,
        assess(Storefront.DE, 5999, Duration.ofDays(2), null, Instant.parse("2026-01-20T10:00:00Z"))
            .judge(none));
    assertEquals(
        ReturnOptionPolicy.Verdict.NOT_REQUIRED,
        assess(Storefront.DE, 5999, Duration.ofDays(2), null, Instant.parse("2025-12-20T10:00:00Z"))
            .judge(none));
  }

  @Test
  void theRefusalListsTheValidOptionsAndAnAddressForADearItemIsInvalid() {
    var a = assess(Storefront.DE, 4001, Duration.ofDays(2), null, ENFORCED);

    DomainException required = a.required();
    assertEquals(ErrorCode.RETURN_OPTION_REQUIRED, required.code());
    assertEquals(
        List.of("prepaid_label", "label_url", "refund_without_return", "label_in_package"),
        required.details().get("validOptions"));
    DomainException invalid =
        assertThrows(
            DomainException.class,
            () ->
                a.checkOffered(
                    new ReturnOffer(
                        List.of(ReturnOption.of(ReturnOptionType.SELLER_ADDRESS)), null)));
    assertEquals(ErrorCode.RETURN_OPTION_INVALID, invalid.code());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "http://l.example/x",
    "ftp://l.example/x",
    "https:///nohost",
    "not a url",
  })
  void aLabelUrlMustBeHttps(String url) {
    DomainException e =
        assertThrows(
            DomainException.class,
            () -> new ReturnOption(ReturnOptionType.LABEL_URL, null, url, null));
    assertEquals(ErrorCode.VALIDATION, e.code());
  }

  @Test
  void aBreachOpensAFourWeekRecoveryWindow() {
    Order o = order(Storefront.DE, 5999, ENFORCED.minus(Duration.ofDays(1)));
    ReturnPolicyOutcome breach =
        ReturnPolicyOutcome.breach(
            ticket(o, TicketReason.PRODUCT_RETURN, null, ENFORCED), ENFORCED);
    assertEquals(ENFORCED.plus(Duration.ofDays(28)), breach.recoveryDeadline());
    assertTrue(breach.breached());
  }

  @ParameterizedTest(name = "{0} per EUR")
  @CsvSource({"25, 25, 1", "4.25, 425, 100", "24.375, 24375, 1000"})
  void ratesAreExactFractions(String text, long numerator, long denominator) {
    var rate = ReturnOptionPolicy.ExchangeRate.parse("CZK", text);
    assertEquals(numerator, rate.numerator());
    assertEquals(denominator, rate.denominator());
  }
}
