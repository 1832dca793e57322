package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.SellerId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only refund ledger of order units. Each unit keeps a running refunded total that never
 * exceeds its price, however many writers race.
 */
public interface Ledger {
  /**
   * Appends a refund if the unit's refunded total plus its amount stays within the unit's price,
   * checked and added atomically; empty (and nothing written) when it would exceed it or the unit
   * does not exist.
   */
  Optional<LedgerEntry> appendRefund(LedgerEntry.Draft refund);

  /**
   * Cancels the unit: marks it {@code cancelled} and appends the cancellation, whose amount must be
   * the unit's remainder, atomically and only if the unit is not cancelled and its refunded total
   * is still {@code refundedBefore}; empty (and nothing written) otherwise.
   */
  Optional<LedgerEntry> appendCancellation(LedgerEntry.Draft cancellation, Money refundedBefore);

  /** The entries of one order's units, oldest first. */
  List<LedgerEntry> entries(SellerId seller, OrderNumber order);

  /**
   * The entries of each of these orders of one seller, oldest first, in one read (a page of tickets
   * needs several orders' ledgers); an order without entries is absent from the map.
   */
  Map<OrderNumber, List<LedgerEntry>> entriesOf(SellerId seller, Collection<OrderNumber> orders);

  Optional<LedgerEntry> find(SellerId seller, long entryId);
}
