package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.Ledger;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.CostBearer;
import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.UnitState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The ledger in {@code ledger_entries}, with the running total {@code order_units.refunded_amount}
 * raised by one conditional {@code UPDATE} in the same transaction: the row lock that update takes
 * serialises concurrent refunds of a unit on PostgreSQL and H2 alike.
 */
final class JdbiLedger implements Ledger {
  private final Db db;

  JdbiLedger(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public Optional<LedgerEntry> appendRefund(LedgerEntry.Draft refund) {
    requireNonNull(refund, "refund is null");
    return db.write(
        h -> {
          int rows =
              h.createUpdate(
                      "UPDATE order_units SET refunded_amount = refunded_amount + :a"
                          + " WHERE seller_id = :s AND order_unit_id = :u AND order_number = :n"
                          + " AND price_currency = :c AND :a <= price_amount - refunded_amount")
                  .bind("a", Db.arg(refund.amount().amount()))
                  .bind("s", Db.arg(refund.sellerId().value()))
                  .bind("u", Db.arg(refund.orderUnitId().value()))
                  .bind("n", Db.arg(refund.orderNumber().value()))
                  .bind("c", Db.arg(refund.amount().currency()))
                  .execute();
          return rows == 0 ? Optional.<LedgerEntry>empty() : Optional.of(insert(h, refund));
        });
  }

  @Override
  public Optional<LedgerEntry> appendCancellation(
      LedgerEntry.Draft cancellation, Money refundedBefore) {
    requireNonNull(cancellation, "cancellation is null");
    requireNonNull(refundedBefore, "refundedBefore is null");
    return db.write(
        h -> {
          int rows =
              h.createUpdate(
                      "UPDATE order_units SET refunded_amount = price_amount, state = :cancelled"
                          + " WHERE seller_id = :s AND order_unit_id = :u AND order_number = :n"
                          + " AND price_currency = :c AND state <> :cancelled"
                          + " AND refunded_amount = :before"
                          + " AND price_amount - refunded_amount = :a")
                  .bind("cancelled", UnitState.CANCELLED.wire())
                  .bind("s", cancellation.sellerId().value())
                  .bind("u", cancellation.orderUnitId().value())
                  .bind("n", cancellation.orderNumber().value())
                  .bind("c", cancellation.amount().currency())
                  .bind("before", refundedBefore.amount())
                  .bind("a", cancellation.amount().amount())
                  .execute();
          return rows == 0 ? Optional.<LedgerEntry>empty() : Optional.of(insert(h, cancellation));
        });
  }

  private static LedgerEntry insert(Handle h, LedgerEntry.Draft d) {
    LedgerEntry entry = d.withId(Db.nextValue(h, "ledger_entry_id_seq"));
    h.createUpdate(
            "INSERT INTO ledger_entries (seller_id, entry_id, order_number, order_unit_id, kind,"
                + " amount, currency, bearer, reason, ticket_number, author_role, created_at)"
                + " VALUES (:s, :id, :n, :u, :kind, :amount, :currency, :bearer, :reason, :ticket,"
                + " :author, :at)")
        .bind("s", Db.arg(entry.sellerId().value()))
        .bind("id", Db.arg(entry.id()))
        .bind("n", Db.arg(entry.orderNumber().value()))
        .bind("u", Db.arg(entry.orderUnitId().value()))
        .bind("kind", Db.arg(entry.kind().wire()))
        .bind("amount", Db.arg(entry.amount().amount()))
        .bind("currency", Db.arg(entry.amount().currency()))
        .bind("bearer", Db.arg(entry.bearer().wire()))
        .bind("reason", Db.arg(entry.reason()))
        .bind("ticket", Db.arg(entry.ticketNumber().value()))
        .bind("author", Db.arg(entry.authorRole().wire()))
        .bind("at", Db.time(entry.createdAt()))
        .execute();
    return entry;
  }

  @Override
  public List<LedgerEntry> entries(SellerId seller, OrderNumber order) {
    requireNonNull(seller, "seller is null");
    requireNonNull(order, "order is null");
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM ledger_entries WHERE seller_id = :s AND order_number = :n"
                        + " ORDER BY entry_id")
                .bind("s", seller.value())
                .bind("n", order.value())
                .map((rs, ctx) -> map(rs))
                .list());
  }

  static final Db.KeyedRead ENTRIES_OF_ORDERS =
      new Db.KeyedRead(
          "SELECT * FROM ledger_entries WHERE seller_id = :s AND order_number = ANY(:n)"
              + " ORDER BY entry_id",
          "SELECT * FROM ledger_entries WHERE seller_id = :s AND order_number IN (<keys>)"
              + " ORDER BY entry_id");

  @Override
  public Map<OrderNumber, List<LedgerEntry>> entriesOf(
      SellerId seller, Collection<OrderNumber> orders) {
    requireNonNull(seller, "seller is null");
    List<String> distinct = orders.stream().map(OrderNumber::value).distinct().toList();
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return db.read(
        h -> {
          Map<OrderNumber, List<LedgerEntry>> byOrder = new HashMap<>();
          db.keyed(h, ENTRIES_OF_ORDERS, "n", distinct)
              .bind("s", Db.arg(seller.value()))
              .map((rs, ctx) -> map(rs))
              .forEach(
                  e -> byOrder.computeIfAbsent(e.orderNumber(), o -> new ArrayList<>()).add(e));
          return byOrder;
        });
  }

  @Override
  public Optional<LedgerEntry> find(SellerId seller, long entryId) {
    requireNonNull(seller, "seller is null");
    return db.read(
        h ->
            h.createQuery("SELECT * FROM ledger_entries WHERE seller_id = :s AND entry_id = :id")
                .bind("s", seller.value())
                .bind("id", entryId)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  private static LedgerEntry map(ResultSet rs) throws SQLException {
    return new LedgerEntry(
        rs.getLong("entry_id"),
        SellerId.of(rs.getLong("seller_id")),
        OrderNumber.of(rs.getString("order_number")),
        OrderUnitId.of(rs.getLong("order_unit_id")),
        LedgerEntry.Kind.of(rs.getString("kind")),
        Money.of(rs.getLong("amount"), rs.getString("currency")),
        CostBearer.of(rs.getString("bearer")),
        rs.getString("reason"),
        TicketNumber.of(rs.getString("ticket_number")),
        AuthorRole.of(rs.getString("author_role")),
        Db.instant(rs, "created_at"));
  }
}
