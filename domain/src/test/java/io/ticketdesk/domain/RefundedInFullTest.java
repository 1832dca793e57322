package io.ticketdesk.domain;

import static io.ticketdesk.domain.Fixtures.NUMBER;
import static io.ticketdesk.domain.Fixtures.SELLER;
import static io.ticketdesk.domain.Fixtures.UNIT_1;
import static io.ticketdesk.domain.ReturnOptionPolicyTest.ENFORCED;
import static io.ticketdesk.domain.ReturnOptionPolicyTest.POLICY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A full refund from the action menu before the first response is a refund without return: it
 * satisfies the return-option policy, so a plain answer is no breach.
 */
class RefundedInFullTest {
  private static final Order ORDER =
      ReturnOptionPolicyTest.order(Storefront.DE, 5999, ENFORCED.minus(Duration.ofDays(3)));
  private static final Ticket TICKET =
      ReturnOptionPolicyTest.ticket(
          ORDER, TicketReason.PRODUCT_RETURN, ReturnIntent.REFUND, ENFORCED);

  private static LedgerEntry entry(long id, LedgerEntry.Kind kind, long amount, String reason) {
    return new LedgerEntry(
        id,
        SELLER,
        ORDER.number(),
        UNIT_1,
        kind,
        Money.of(amount, "EUR"),
        CostBearer.SELLER,
        reason,
        NUMBER,
        AuthorRole.SELLER,
        ENFORCED);
  }

  @Test
  void refundsAddingUpToThePriceSatisfyThePolicyWithoutAnOption() {
    var ledger =
        List.of(
            entry(1, LedgerEntry.Kind.REFUND, 2000, "defect"),
            entry(2, LedgerEntry.Kind.REFUND, 3999, "other_refund"));
    ReturnOptionPolicy.Assessment a = POLICY.assess(TICKET, ORDER, ledger, ENFORCED);
    assertTrue(a.refundedInFull());
    assertTrue(a.requiresOption());
    assertEquals(ReturnOptionPolicy.Verdict.SATISFIED, a.judge(ReturnOffer.NONE));
  }

  @Test
  void aPartialRefundIsNotEnough() {
    var ledger = List.of(entry(1, LedgerEntry.Kind.REFUND, 5998, "other_refund"));
    ReturnOptionPolicy.Assessment a = POLICY.assess(TICKET, ORDER, ledger, ENFORCED);
    assertFalse(a.refundedInFull());
    assertEquals(ReturnOptionPolicy.Verdict.BREACH, a.judge(ReturnOffer.NONE));
  }

  @Test
  void aCancellationOrNoLedgerIsNoRefundWithoutReturn() {
    assertFalse(POLICY.assess(TICKET, ORDER, List.of(), ENFORCED).refundedInFull());
    var cancelled = List.of(entry(1, LedgerEntry.Kind.CANCELLATION, 5999, "policy_breach"));
    assertFalse(POLICY.assess(TICKET, ORDER, cancelled, ENFORCED).refundedInFull());
    assertFalse(ReturnOptionPolicy.refundedInFull(List.of(), List.of()));
  }
}
