package io.ticketdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids and amounts stop at 2^53 - 1, the largest integer every JSON reader reads exactly. */
class ExactIntegerLimitsTest {
  static final long MAX = 9_007_199_254_740_991L;

  @org.junit.jupiter.api.Test
  void theLimitIsTwoToTheFiftyThirdMinusOne() {
    assertEquals(MAX, Validation.MAX_EXACT_INTEGER);
    assertEquals(MAX, (long) Math.pow(2, 53) - 1);
    assertEquals(MAX, (long) (double) MAX); // a double (a JavaScript number) holds it exactly
    assertEquals(MAX + 1, (long) (double) (MAX + 2)); // one beyond, doubles skip integers
  }

  static Stream<Arguments> ids() {
    return Stream.of(
        Arguments.of("sellerId", (LongFunction<Object>) SellerId::of),
        Arguments.of("buyerId", (LongFunction<Object>) BuyerId::of),
        Arguments.of("orderUnitId", (LongFunction<Object>) OrderUnitId::of),
        Arguments.of("text module id", (LongFunction<Object>) TextModuleId::of));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ids")
  void idsRunFromOneToTheLimit(String name, LongFunction<Object> of) {
    of.apply(1);
    of.apply(MAX);
    for (long bad : new long[] {0, -1, MAX + 1, Long.MAX_VALUE, Long.MIN_VALUE}) {
      DomainException e = assertThrows(DomainException.class, () -> of.apply(bad), name + bad);
      assertEquals(ErrorCode.VALIDATION, e.code());
      assertEquals(name + " must be a positive number of at most " + MAX, e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, MAX, -MAX})
  void amountsUpToTheLimitEitherWayAreMoney(long amount) {
    assertEquals(amount, Money.of(amount, "EUR").amount());
  }

  @ParameterizedTest
  @ValueSource(longs = {MAX + 1, -MAX - 1, Long.MAX_VALUE, Long.MIN_VALUE})
  void largerAmountsAreRefusedNamingTheAmount(long amount) {
    DomainException e = assertThrows(DomainException.class, () -> Money.of(amount, "EUR"));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals("amount", e.details().get("field"));
  }

  @org.junit.jupiter.api.Test
  void aPrepaidLabelOptionNamesALabelIdUpToTheLimit() {
    new ReturnOption(ReturnOptionType.PREPAID_LABEL, MAX, null, null);
    assertThrows(
        DomainException.class,
        () -> new ReturnOption(ReturnOptionType.PREPAID_LABEL, MAX + 1, null, null));
  }
}
