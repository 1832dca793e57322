package io.ticketdesk.domain;

import static io.ticketdesk.domain.Fixtures.NUMBER;
import static io.ticketdesk.domain.Fixtures.ORDER_NUMBER;
import static io.ticketdesk.domain.Fixtures.SELLER;
import static io.ticketdesk.domain.Fixtures.UNIT_1;
import static io.ticketdesk.domain.Fixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The refund ledger of one order unit: arithmetic, limits and who may cancel what. */
class UnitLedgerTest {
  static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

  static OrderUnit unit(long price, String currency, UnitState state) {
    return new OrderUnit(
        UNIT_1, "Bike rack", "4006381333931", Money.of(price, currency), state, null);
  }

  static LedgerEntry entry(long id, LedgerEntry.Kind kind, long amount, String currency) {
    return new LedgerEntry.Draft(
            SELLER,
            ORDER_NUMBER,
            UNIT_1,
            kind,
            Money.of(amount, currency),
            CostBearer.SELLER,
            "defect",
            NUMBER,
            AuthorRole.SELLER,
            AT)
        .withId(id);
  }

  @Test
  void anUnrefundedUnitCanBeRefundedItsWholePrice() {
    UnitLedger ledger = new UnitLedger(unit(3999, "EUR", UnitState.SENT), List.of());

    assertEquals(Money.of(0, "EUR"), ledger.refunded());
    assertEquals(Money.of(3999, "EUR"), ledger.remaining());
    ledger.checkRefund(Money.of(3999, "EUR"));
  }

  @Test
  void refundsAddUpAndReduceWhatRemains() {
    UnitLedger ledger =
        new UnitLedger(
            unit(3999, "EUR", UnitState.RECEIVED),
            List.of(
                entry(1, LedgerEntry.Kind.REFUND, 1000, "EUR"),
                entry(2, LedgerEntry.Kind.REFUND, 999, "EUR")));

    assertEquals(Money.of(1999, "EUR"), ledger.refunded());
    assertEquals(Money.of(2000, "EUR"), ledger.remaining());
    ledger.checkRefund(Money.of(2000, "EUR"));
    refused(ErrorCode.REFUND_EXCEEDS_REMAINING, () -> ledger.checkRefund(Money.of(2001, "EUR")));
  }

  @Test
  void tenTenthsFitAndTheEleventhDoesNot() {
    OrderUnit unit = unit(12_990, "CZK", UnitState.SENT);
    List<LedgerEntry> entries = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      UnitLedger ledger = new UnitLedger(unit, entries);
      ledger.checkRefund(Money.of(1299, "CZK"));
      entries.add(entry(i, LedgerEntry.Kind.REFUND, 1299, "CZK"));
    }
    UnitLedger full = new UnitLedger(unit, entries);

    assertEquals(Money.of(0, "CZK"), full.remaining());
    DomainException e =
        refused(ErrorCode.REFUND_EXCEEDS_REMAINING, () -> full.checkRefund(Money.of(1, "CZK")));
    assertEquals(
        "a refund of 0.01 CZK exceeds what remains refundable of order unit 1001 (0.00 CZK)",
        e.getMessage());
  }

  @Test
  void zeroNegativeAndForeignAmountsAreInvalid() {
    UnitLedger ledger = new UnitLedger(unit(3999, "PLN", UnitState.SENT), List.of());

    assertEquals(
        "amount.amount",
        refused(ErrorCode.VALIDATION, () -> ledger.checkRefund(Money.of(0, "PLN")))
            .details()
            .get("field"));
    refused(ErrorCode.VALIDATION, () -> ledger.checkRefund(Money.of(-5, "PLN")));
    assertEquals(
        "amount.currency",
        refused(ErrorCode.VALIDATION, () -> ledger.checkRefund(Money.of(100, "EUR")))
            .details()
            .get("field"));
  }

  @Test
  void aRefundEntryIsPositiveAndACancellationEntryMayBeZero() {
    refused(ErrorCode.VALIDATION, () -> entry(1, LedgerEntry.Kind.REFUND, 0, "EUR"));
    assertEquals(0, entry(1, LedgerEntry.Kind.CANCELLATION, 0, "EUR").amount().amount());
    refused(ErrorCode.VALIDATION, () -> entry(1, LedgerEntry.Kind.CANCELLATION, -1, "EUR"));
  }

  @Test
  void entriesOfAnotherUnitDoNotBelong() {
    OrderUnit other =
        new OrderUnit(
            OrderUnitId.of(2), "Other", "4006381333931", Money.of(1, "EUR"), UnitState.SENT, null);
    assertThrows(
        IllegalArgumentException.class,
        () -> new UnitLedger(other, List.of(entry(1, LedgerEntry.Kind.REFUND, 1, "EUR"))));
  }

  @Test
  void aCancellationRefundsWhatRemains() {
    UnitLedger ledger =
        new UnitLedger(
            unit(3999, "EUR", UnitState.SENT),
            List.of(entry(1, LedgerEntry.Kind.REFUND, 999, "EUR")));

    assertEquals(Money.of(3000, "EUR"), ledger.checkCancellation(AuthorRole.SELLER));
    assertEquals(Money.of(3000, "EUR"), ledger.checkCancellation(AuthorRole.CUSTOMER_SERVICE));
  }

  @ParameterizedTest
  @EnumSource(
      value = UnitState.class,
      names = {"OPEN", "SENT"})
  void theSellerCancelsAUnitTheBuyerHasNotReceived(UnitState state) {
    UnitLedger ledger = new UnitLedger(unit(500, "EUR", state), List.of());
    assertEquals(Money.of(500, "EUR"), ledger.checkCancellation(AuthorRole.SELLER));
  }

  @ParameterizedTest
  @EnumSource(
      value = UnitState.class,
      names = {"RECEIVED", "RETURNED"})
  void theSellerCannotCancelAReceivedUnitButCustomerServiceCan(UnitState state) {
    UnitLedger ledger = new UnitLedger(unit(500, "EUR", state), List.of());

    refused(ErrorCode.CONFLICT, () -> ledger.checkCancellation(AuthorRole.SELLER));
    assertEquals(Money.of(500, "EUR"), ledger.checkCancellation(AuthorRole.CUSTOMER_SERVICE));
  }

  @Test
  void nobodyCancelsAUnitTwice() {
    UnitLedger ledger = new UnitLedger(unit(500, "EUR", UnitState.CANCELLED), List.of());

    DomainException e =
        refused(ErrorCode.CONFLICT, () -> ledger.checkCancellation(AuthorRole.CUSTOMER_SERVICE));
    assertEquals("order unit 1001 is already cancelled", e.getMessage());
    refused(ErrorCode.CONFLICT, () -> ledger.checkCancellation(AuthorRole.SELLER));
  }

  @ParameterizedTest
  @EnumSource(
      value = AuthorRole.class,
      names = {"BUYER", "SYSTEM"})
  void onlySellerAndCustomerServiceCancel(AuthorRole role) {
    UnitLedger ledger = new UnitLedger(unit(500, "EUR", UnitState.SENT), List.of());
    refused(ErrorCode.FORBIDDEN, () -> ledger.checkCancellation(role));
  }

  @Test
  void moneyIsDisplayedWithItsCurrencysMinorUnitsWithoutFloatingPoint() {
    assertEquals("19.99 EUR", Money.of(1999, "EUR").display());
    assertEquals("0.05 PLN", Money.of(5, "PLN").display());
    assertEquals("1299.00 CZK", Money.of(129_900, "CZK").display());
    assertEquals("500 JPY", Money.of(500, "JPY").display());
    assertEquals("90071992547409.91 EUR", Money.of(9_007_199_254_740_991L, "EUR").display());
  }

  @Test
  void reasonsParseFromTheirWireValuesAndListTheValidOnes() {
    assertEquals(
        RefundReason.REFUND_RETURN_POSTAGE_FEE, RefundReason.of("refund_return_postage_fee"));
    assertEquals(CancellationReason.NO_REACTION_BUYER, CancellationReason.of("no_reaction_buyer"));
    assertEquals(EscalationReason.CARD_OR_COUPON, EscalationReason.of("card_or_coupon"));
    assertEquals(CostBearer.MARKETPLACE, CostBearer.of("marketplace"));
    DomainException e = refused(ErrorCode.VALIDATION, () -> RefundReason.of("goodwill"));
    assertEquals(8, ((List<?>) e.details().get("validValues")).size());
    assertEquals(10, CancellationReason.values().length);
    assertEquals(6, EscalationReason.values().length);
  }
}
