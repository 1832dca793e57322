package io.ticketdesk.domain;

import static io.ticketdesk.domain.Fixtures.UNIT_1;
import static io.ticketdesk.domain.Fixtures.UNIT_2;
import static io.ticketdesk.domain.Fixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

  @Nested
  @DisplayName("A ticket number")
  class TicketNumbers {
    @ParameterizedTest
    @ValueSource(strings = {"00100000042", "00100000000", "00199999999"})
    void isElevenDigitsStartingWith001(String text) {
      assertEquals(text, TicketNumber.of(text).value());
      assertTrue(TicketNumber.looksLike(text));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "10000000042", // leading zeros dropped (as a number would)
          "1000000042",
          "00200000042",
          "0010000004",
          "001000000420",
          "001-0000042",
          " 00100000042",
          "00100000042 ",
          "00100000042\n",
          "",
          "001٠٠٠٠٠٠٠٤" // Arabic-Indic digits are not ASCII digits
        })
    void refusesAnythingElse(String text) {
      refused(ErrorCode.VALIDATION, () -> TicketNumber.of(text));
      assertFalse(TicketNumber.looksLike(text));
    }

    @ParameterizedTest
    @NullSource
    void isRequired(String text) {
      refused(ErrorCode.VALIDATION, () -> TicketNumber.of(text));
      assertFalse(TicketNumber.looksLike(text));
    }

    @Test
    void fromTheSequenceKeepsLeadingZeros() {
      assertEquals("00100000001", TicketNumber.fromSequence(1).value());
      assertEquals("00100000042", TicketNumber.fromSequence(42).value());
      assertEquals("00199999999", TicketNumber.fromSequence(99_999_999).value());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 100_000_000L, Long.MAX_VALUE})
    void fromASequenceOutOfBoundsIsRefused(long sequence) {
      assertThrows(IllegalStateException.class, () -> TicketNumber.fromSequence(sequence));
    }

    @Test
    void equalsByText() {
      assertEquals(TicketNumber.of("00100000042"), TicketNumber.fromSequence(42));
    }
  }

  @Nested
  @DisplayName("An order number")
  class OrderNumbers {
    @ParameterizedTest
    @ValueSource(strings = {"MQ8BRT7", "A", "0", "12345678901234567890123456789012"})
    void isOneTo32UpperCaseLettersOrDigits(String text) {
      assertEquals(text, OrderNumber.of(text).value());
      assertTrue(OrderNumber.looksLike(text));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "mq8brt7",
          "MQ-8BRT7",
          "MQ 8BRT7",
          "MQ8BRT7\n",
          "",
          "123456789012345678901234567890123",
          "MQÄ"
        })
    void refusesAnythingElse(String text) {
      refused(ErrorCode.VALIDATION, () -> OrderNumber.of(text));
      assertFalse(OrderNumber.looksLike(text));
    }

    @Test
    void isRequired() {
      refused(ErrorCode.VALIDATION, () -> OrderNumber.of(null));
    }

    @Test
    void aLongBadValueIsAbbreviatedInTheMessage() {
      String bad = "x".repeat(1000);
      DomainException e = refused(ErrorCode.VALIDATION, () -> OrderNumber.of(bad));
      assertTrue(e.getMessage().contains("'" + "x".repeat(40) + "…'"), e.getMessage());
      assertFalse(e.getMessage().contains("x".repeat(41)), e.getMessage());
    }
  }

  @Nested
  @DisplayName("Money")
  class Monies {
    @Test
    void keepsMinorUnitsAndCurrency() {
      Money m = Money.of(2_999, "EUR");
      assertEquals(2_999, m.amount());
      assertEquals("EUR", m.currency());
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EU", "EURO", "", "E1R", "QQQ"})
    void refusesCurrenciesThatAreNotIso4217(String currency) {
      refused(ErrorCode.VALIDATION, () -> Money.of(1, currency));
    }

    @Test
    void requiresACurrency() {
      refused(ErrorCode.VALIDATION, () -> Money.of(1, null));
    }

    @Test
    void addsAndSubtractsInTheSameCurrency() {
      assertEquals(Money.of(3_499, "EUR"), Money.of(2_999, "EUR").plus(Money.of(500, "EUR")));
      assertEquals(Money.of(2_499, "EUR"), Money.of(2_999, "EUR").minus(Money.of(500, "EUR")));
      assertEquals(Money.of(-1, "CZK"), Money.of(0, "CZK").minus(Money.of(1, "CZK")));
    }

    @Test
    void refusesToMixCurrencies() {
      refused(ErrorCode.VALIDATION, () -> Money.of(1, "EUR").plus(Money.of(1, "CZK")));
      refused(ErrorCode.VALIDATION, () -> Money.of(1, "EUR").minus(Money.of(1, "PLN")));
      refused(ErrorCode.VALIDATION, () -> Money.of(1, "EUR").exceeds(Money.of(1, "CZK")));
    }

    @Test
    void neverOverflowsSilently() {
      // Amounts stop at 2^53 - 1 (what every JSON reader reads exactly): a sum beyond is refused.
      long max = Validation.MAX_EXACT_INTEGER;
      refused(ErrorCode.VALIDATION, () -> Money.of(max, "EUR").plus(Money.of(1, "EUR")));
      refused(ErrorCode.VALIDATION, () -> Money.of(-max, "EUR").minus(Money.of(1, "EUR")));
    }

    @Test
    void comparesAmounts() {
      assertTrue(Money.of(501, "EUR").exceeds(Money.of(500, "EUR")));
      assertFalse(Money.of(500, "EUR").exceeds(Money.of(500, "EUR")));
      assertFalse(Money.of(499, "EUR").exceeds(Money.of(500, "EUR")));
    }

    @Test
    void isPositiveOnlyAboveZero() {
      assertTrue(Money.of(1, "EUR").isPositive());
      assertFalse(Money.of(0, "EUR").isPositive());
      assertFalse(Money.of(-1, "EUR").isPositive());
    }
  }

  @Nested
  @DisplayName("A message text")
  class MessageTexts {
    @Test
    void mayBeOneCharacter() {
      assertEquals("a", MessageText.of("a").value());
    }

    @Test
    void mayBe65535Characters() {
      String text = "a".repeat(65_535);
      assertEquals(text, MessageText.of(text).value());
    }

    @Test
    void mayNotBe65536Characters() {
      refused(ErrorCode.VALIDATION, () -> MessageText.of("a".repeat(65_536)));
    }

    @Test
    void countsAnEmojiAsOneCharacter() {
      String emoji = "\uD83D\uDE00"; // 😀, two UTF-16 chars, one code point
      assertEquals(2, emoji.length());
      String max = emoji.repeat(65_535);
      assertEquals(max, MessageText.of(max).value());
      refused(ErrorCode.VALIDATION, () -> MessageText.of(emoji.repeat(65_536)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t "})
    void mayNotBeEmptyOrBlank(String text) {
      refused(ErrorCode.VALIDATION, () -> MessageText.of(text));
    }

    @Test
    void isRequired() {
      refused(ErrorCode.VALIDATION, () -> MessageText.of(null));
    }

    @Test
    void keepsSurroundingWhitespace() {
      assertEquals("  Hello\n", MessageText.of("  Hello\n").value());
    }
  }

  @Nested
  @DisplayName("Ids")
  class Ids {
    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void arePositive(long value) {
      refused(ErrorCode.VALIDATION, () -> SellerId.of(value));
      refused(ErrorCode.VALIDATION, () -> BuyerId.of(value));
      refused(ErrorCode.VALIDATION, () -> OrderUnitId.of(value));
    }

    @Test
    void mayBeAnyPositiveNumberUpToTwoToTheFiftyThirdMinusOne() {
      assertEquals(9_007_199_254_740_991L, OrderUnitId.of(9_007_199_254_740_991L).value());
      refused(ErrorCode.VALIDATION, () -> OrderUnitId.of(Long.MAX_VALUE));
      assertEquals(1, SellerId.of(1).value());
      assertEquals(1, BuyerId.of(1).value());
    }
  }

  @Nested
  @DisplayName("An order unit")
  class OrderUnits {
    @ParameterizedTest
    @ValueSource(strings = {"1234567", "123456789012345", "40063813339A1", ""})
    void needsAnEanOf8To14Digits(String ean) {
      refused(
          ErrorCode.VALIDATION,
          () -> new OrderUnit(UNIT_1, "Rack", ean, Money.of(1, "EUR"), UnitState.OPEN, null));
    }

    @Test
    void acceptsEansOf8And14Digits() {
      new OrderUnit(UNIT_1, "Rack", "12345678", Money.of(1, "EUR"), UnitState.OPEN, null);
      new OrderUnit(UNIT_1, "Rack", "12345678901234", Money.of(0, "EUR"), UnitState.OPEN, null);
    }

    @Test
    void refusesANegativePrice() {
      refused(
          ErrorCode.VALIDATION,
          () ->
              new OrderUnit(UNIT_1, "Rack", "12345678", Money.of(-1, "EUR"), UnitState.OPEN, null));
    }

    @Test
    void needsATitleOfAtMost500Characters() {
      refused(
          ErrorCode.VALIDATION,
          () -> new OrderUnit(UNIT_1, " ", "12345678", Money.of(1, "EUR"), UnitState.OPEN, null));
      refused(
          ErrorCode.VALIDATION,
          () ->
              new OrderUnit(
                  UNIT_1, "t".repeat(501), "12345678", Money.of(1, "EUR"), UnitState.OPEN, null));
      new OrderUnit(UNIT_1, "t".repeat(500), "12345678", Money.of(1, "EUR"), UnitState.OPEN, null);
    }

    @Test
    void changesStateAndDeliveryAndKeepsTheRest() {
      OrderUnit u = Fixtures.unit(UNIT_1, Money.of(2_999, "EUR"));
      Instant delivered = Instant.parse("2026-03-03T12:00:00Z");
      OrderUnit changed = u.withState(UnitState.RECEIVED, delivered);
      assertEquals(UnitState.RECEIVED, changed.state());
      assertEquals(delivered, changed.deliveredAt());
      assertEquals(u.price(), changed.price());
      assertEquals(u.ean(), changed.ean());
      assertEquals(u.title(), changed.title());
    }
  }

  @Nested
  @DisplayName("An order")
  class Orders {
    @Test
    void needsUnitsPricedInTheStorefrontsCurrency() {
      DomainException e =
          refused(
              ErrorCode.VALIDATION,
              () -> Fixtures.order(Storefront.CZ, Fixtures.unit(UNIT_1, Money.of(100, "EUR"))));
      assertTrue(e.getMessage().contains("CZK"), e.getMessage());
      Order cz = Fixtures.order(Storefront.CZ, Fixtures.unit(UNIT_1, Money.of(100, "CZK")));
      assertEquals(Storefront.CZ, cz.storefront());
      refused(
          ErrorCode.VALIDATION,
          () -> Fixtures.order(Storefront.PL, Fixtures.unit(UNIT_1, Money.of(100, "EUR"))));
    }

    @Test
    void refusesADuplicateUnitId() {
      DomainException e =
          refused(
              ErrorCode.VALIDATION,
              () ->
                  Fixtures.order(
                      Storefront.DE,
                      Fixtures.unit(UNIT_1, Money.of(1, "EUR")),
                      Fixtures.unit(UNIT_1, Money.of(2, "EUR"))));
      assertTrue(e.getMessage().contains("1001"), e.getMessage());
    }

    @Test
    void needsAtLeastOneUnit() {
      refused(ErrorCode.VALIDATION, () -> Fixtures.order(Storefront.DE));
    }

    @Test
    void hasAtMost500Units() {
      OrderUnit[] units =
          LongStream.rangeClosed(1, 501)
              .mapToObj(i -> Fixtures.unit(OrderUnitId.of(i), Money.of(1, "EUR")))
              .toArray(OrderUnit[]::new);
      refused(ErrorCode.VALIDATION, () -> Fixtures.order(Storefront.DE, units));
      assertEquals(
          500, Fixtures.order(Storefront.DE, java.util.Arrays.copyOf(units, 500)).units().size());
    }

    @Test
    void findsAndReplacesAUnit() {
      Order o = Fixtures.deOrder();
      assertEquals(UNIT_2, o.unit(UNIT_2).orElseThrow().id());
      assertTrue(o.unit(OrderUnitId.of(9)).isEmpty());
      Order changed = o.withUnit(o.unit(UNIT_2).orElseThrow().withState(UnitState.CANCELLED, null));
      assertEquals(UnitState.CANCELLED, changed.unit(UNIT_2).orElseThrow().state());
      assertEquals(UnitState.SENT, changed.unit(UNIT_1).orElseThrow().state());
      assertEquals(UnitState.SENT, o.unit(UNIT_2).orElseThrow().state());
    }

    @Test
    void copiesItsUnitList() {
      List<OrderUnit> units = new ArrayList<>(List.of(Fixtures.unit(UNIT_1, Money.of(1, "EUR"))));
      Order o =
          new Order(
              Fixtures.ORDER_NUMBER,
              Storefront.DE,
              Fixtures.SELLER,
              new Buyer(Fixtures.BUYER, "E", "e@example.com"),
              Instant.EPOCH,
              units);
      units.add(Fixtures.unit(UNIT_2, Money.of(1, "EUR")));
      assertEquals(1, o.units().size());
    }
  }

  @Nested
  @DisplayName("A ticket opening")
  class Openings {
    @Test
    void namesUnitsOfTheOrder() {
      Ticket.Opening o =
          new Ticket.Opening(
              Fixtures.deOrder(),
              List.of(UNIT_2, UNIT_1),
              TicketReason.PRODUCT_RETURN,
              null,
              ReturnIntent.REFUND);
      assertEquals(List.of(UNIT_2, UNIT_1), o.orderUnitIds());
      assertEquals(ReturnIntent.REFUND, o.returnIntent());
    }

    @Test
    void refusesAUnitNotInTheOrder() {
      DomainException e =
          refused(
              ErrorCode.VALIDATION,
              () ->
                  new Ticket.Opening(
                      Fixtures.deOrder(),
                      List.of(UNIT_1, OrderUnitId.of(999)),
                      TicketReason.PRODUCT_DEFECT,
                      null,
                      null));
      assertEquals(Map.of("field", "orderUnitIds"), e.details());
      assertTrue(e.getMessage().contains("999"), e.getMessage());
    }

    @Test
    void refusesAUnitNamedTwice() {
      refused(
          ErrorCode.VALIDATION,
          () ->
              new Ticket.Opening(
                  Fixtures.deOrder(),
                  List.of(UNIT_1, UNIT_1),
                  TicketReason.PRODUCT_DEFECT,
                  null,
                  null));
    }

    @Test
    void needsAtLeastOneUnit() {
      refused(
          ErrorCode.VALIDATION,
          () ->
              new Ticket.Opening(
                  Fixtures.deOrder(), List.of(), TicketReason.PRODUCT_DEFECT, null, null));
    }

    @Test
    void needsAReason() {
      refused(
          ErrorCode.VALIDATION,
          () -> new Ticket.Opening(Fixtures.deOrder(), List.of(UNIT_1), null, null, null));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(
        value = TicketReason.class,
        names = {"PRODUCT_RETURN"},
        mode = org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE)
    void givesAReturnIntentOnlyWithAProductReturn(TicketReason reason) {
      refused(
          ErrorCode.VALIDATION,
          () ->
              new Ticket.Opening(
                  Fixtures.deOrder(), List.of(UNIT_1), reason, null, ReturnIntent.REFUND));
      assertEquals(
          reason,
          new Ticket.Opening(Fixtures.deOrder(), List.of(UNIT_1), reason, null, null).reason());
    }
  }

  @Nested
  @DisplayName("Sellers, buyers and return addresses")
  class Parties {
    static final ReturnAddress ADDRESS =
        new ReturnAddress("Rack GmbH", "Hauptstr. 1", "10115", "Berlin", "DE");

    @Test
    void aSellerSellsOnItsStorefronts() {
      Seller s =
          new Seller(
              Fixtures.SELLER,
              "Rack GmbH",
              Fixtures.storefronts(Storefront.DE, Storefront.AT),
              ADDRESS);
      assertTrue(s.sellsOn(Storefront.DE));
      assertTrue(s.sellsOn(Storefront.AT));
      assertFalse(s.sellsOn(Storefront.CZ));
    }

    @Test
    void aSellerNeedsAStorefrontANameAndAReturnAddress() {
      refused(
          ErrorCode.VALIDATION,
          () -> new Seller(Fixtures.SELLER, "Rack GmbH", java.util.Set.of(), ADDRESS));
      refused(
          ErrorCode.VALIDATION,
          () -> new Seller(Fixtures.SELLER, " ", Fixtures.storefronts(Storefront.DE), ADDRESS));
      refused(
          ErrorCode.VALIDATION,
          () ->
              new Seller(Fixtures.SELLER, "Rack GmbH", Fixtures.storefronts(Storefront.DE), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "DEU", "D", ""})
    void aReturnAddressNeedsATwoLetterCountryCode(String country) {
      refused(
          ErrorCode.VALIDATION,
          () -> new ReturnAddress("Rack GmbH", "Hauptstr. 1", "10115", "Berlin", country));
    }

    @ParameterizedTest
    @ValueSource(strings = {"erika.example.com", " "})
    void aBuyerNeedsAnEmailAddress(String email) {
      refused(ErrorCode.VALIDATION, () -> new Buyer(Fixtures.BUYER, "Erika", email));
    }
  }
}
