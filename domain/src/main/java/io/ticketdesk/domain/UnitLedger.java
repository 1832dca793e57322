package io.ticketdesk.domain;

import java.util.List;
import java.util.Map;

/**
 * An order unit with its ledger entries: what has been refunded so far, what remains refundable,
 * and whether a refund or a cancellation is allowed.
 */
public record UnitLedger(OrderUnit unit, List<LedgerEntry> entries) {
  public UnitLedger {
    Validation.required(unit, "unit");
    Validation.required(entries, "entries");
    entries = List.copyOf(entries);
    for (LedgerEntry e : entries) {
      if (!e.orderUnitId().equals(unit.id())) {
        throw new IllegalArgumentException(
            "entry " + e.id() + " belongs to unit " + e.orderUnitId().value());
      }
    }
  }

  /** The sum of all entries, in the unit's currency. */
  public Money refunded() {
    Money sum = Money.of(0, unit.price().currency());
    for (LedgerEntry e : entries) {
      sum = sum.plus(e.amount());
    }
    return sum;
  }

  /** What may still be refunded: the price less everything refunded so far, never negative. */
  public Money remaining() {
    Money left = unit.price().minus(refunded());
    return left.amount() < 0 ? Money.of(0, left.currency()) : left;
  }

  /**
   * Checks a partial refund: a positive amount in the unit's currency, at most what remains.
   *
   * @throws DomainException {@code VALIDATION} or {@code REFUND_EXCEEDS_REMAINING}
   */
  public void checkRefund(Money amount) {
    Validation.required(amount, "amount");
    if (amount.amount() <= 0) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "amount.amount must be greater than 0 (integer minor units)",
          Map.of("field", "amount.amount"));
    }
    if (!amount.currency().equals(unit.price().currency())) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "order unit "
              + unit.id().value()
              + " is priced in "
              + unit.price().currency()
              + "; a refund in "
              + amount.currency()
              + " is not possible",
          Map.of("field", "amount.currency"));
    }
    if (amount.exceeds(remaining())) {
      throw exceeds(amount);
    }
  }

  /** The refusal of an amount larger than what remains. */
  public DomainException exceeds(Money amount) {
    return new DomainException(
        ErrorCode.REFUND_EXCEEDS_REMAINING,
        "a refund of "
            + amount.display()
            + " exceeds what remains refundable of order unit "
            + unit.id().value()
            + " ("
            + remaining().display()
            + ")",
        Map.of(
            "orderUnitId",
            unit.id().value(),
            "remaining",
            Map.of("amount", remaining().amount(), "currency", remaining().currency())),
        Notice.refundExceedsRemaining(amount, unit.id(), remaining()));
  }

  /**
   * Checks that {@code by} may cancel the unit and returns what the cancellation refunds: the rest
   * of its price. The seller may cancel a unit the buyer has not received yet ({@code open} or
   * {@code sent}); customer service may cancel any unit that is not cancelled already.
   */
  public Money checkCancellation(AuthorRole by) {
    Validation.required(by, "authorRole");
    if (by != AuthorRole.SELLER && by != AuthorRole.CUSTOMER_SERVICE) {
      throw new DomainException(
          ErrorCode.FORBIDDEN, "only the seller or customer service can cancel an order unit");
    }
    if (unit.state() == UnitState.CANCELLED) {
      throw new DomainException(
          ErrorCode.CONFLICT, "order unit " + unit.id().value() + " is already cancelled");
    }
    if (by == AuthorRole.SELLER
        && unit.state() != UnitState.OPEN
        && unit.state() != UnitState.SENT) {
      throw new DomainException(
          ErrorCode.CONFLICT,
          "order unit "
              + unit.id().value()
              + " is "
              + unit.state().wire()
              + "; the seller can only cancel a unit the buyer has not received (open or sent)"
              + " — refund it instead, or ask customer service");
    }
    return remaining();
  }
}
