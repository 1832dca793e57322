package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.UnitState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Orders in {@code orders} and {@code order_units}, keyed by seller. Order numbers and unit ids are
 * unique marketplace-wide: the key constraints catch duplicates within a seller, a lookup before
 * the insert catches them across sellers.
 */
final class JdbiOrders implements Orders {
  private final Db db;

  JdbiOrders(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public void add(Order order) {
    requireNonNull(order, "order is null");
    db.write(
        h -> {
          if (h.createQuery("SELECT 1 FROM orders WHERE order_number = :n")
              .bind("n", order.number().value())
              .mapTo(Integer.class)
              .findFirst()
              .isPresent()) {
            throw new DuplicateKeyException("order " + order.number().value() + " exists");
          }
          for (OrderUnit unit : order.units()) {
            if (sellerAndNumberOfUnit(h, unit.id()).isPresent()) {
              throw new DuplicateKeyException("order unit " + unit.id().value() + " exists");
            }
          }
          h.createUpdate(
                  "INSERT INTO orders (seller_id, order_number, storefront, buyer_id, buyer_name,"
                      + " buyer_email, ordered_at) VALUES (:seller, :number, :storefront,"
                      + " :buyerId, :buyerName, :buyerEmail, :orderedAt)")
              .bind("seller", order.sellerId().value())
              .bind("number", order.number().value())
              .bind("storefront", order.storefront().code())
              .bind("buyerId", order.buyer().id().value())
              .bind("buyerName", order.buyer().name())
              .bind("buyerEmail", order.buyer().email())
              .bindByType("orderedAt", Db.utc(order.orderedAt()), OffsetDateTime.class)
              .execute();
          PreparedBatch batch =
              h.prepareBatch(
                  "INSERT INTO order_units (seller_id, order_unit_id, order_number, pos, title,"
                      + " ean, price_amount, price_currency, state, delivered_at) VALUES"
                      + " (:seller, :id, :number, :pos, :title, :ean, :amount, :currency,"
                      + " :state, :deliveredAt)");
          int pos = 0;
          for (OrderUnit unit : order.units()) {
            batch
                .bind("seller", order.sellerId().value())
                .bind("id", unit.id().value())
                .bind("number", order.number().value())
                .bind("pos", pos++)
                .bind("title", unit.title())
                .bind("ean", unit.ean())
                .bind("amount", unit.price().amount())
                .bind("currency", unit.price().currency())
                .bind("state", unit.state().wire())
                .bindByType("deliveredAt", Db.utc(unit.deliveredAt()), OffsetDateTime.class)
                .add();
          }
          batch.execute();
          return null;
        });
  }

  @Override
  public Optional<Order> find(OrderNumber number) {
    requireNonNull(number, "number is null");
    return db.read(
        h ->
            h.createQuery("SELECT * FROM orders WHERE order_number = :n")
                .bind("n", number.value())
                .map((rs, ctx) -> OrderRow.map(rs))
                .findFirst()
                .map(row -> row.toOrder(units(h, row.sellerId(), number))));
  }

  @Override
  public Optional<Order> find(SellerId seller, OrderNumber number) {
    requireNonNull(seller, "seller is null");
    requireNonNull(number, "number is null");
    return db.read(h -> find(h, seller, number));
  }

  /** A seller's ({@code :s}) orders of the numbers {@code :n}, and their units. */
  static final Db.KeyedRead ORDERS =
      new Db.KeyedRead(
          "SELECT * FROM orders WHERE seller_id = :s AND order_number = ANY(:n)",
          "SELECT * FROM orders WHERE seller_id = :s AND order_number IN (<keys>)");

  static final Db.KeyedRead BUYER_NAMES =
      new Db.KeyedRead(
          "SELECT order_number, buyer_name FROM orders WHERE seller_id = :s AND order_number ="
              + " ANY(:n)",
          "SELECT order_number, buyer_name FROM orders WHERE seller_id = :s AND order_number IN"
              + " (<keys>)");

  @Override
  public Map<OrderNumber, String> buyerNames(SellerId seller, Collection<OrderNumber> numbers) {
    requireNonNull(seller, "seller is null");
    Map<OrderNumber, String> names = new HashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (OrderNumber n : numbers) {
      String known = db.rememberedBuyerName(seller.value(), n.value());
      if (known != null) { // read with its ticket in this request's reading scope
        names.put(n, known);
      } else {
        unknown.add(n.value());
      }
    }
    if (unknown.isEmpty()) {
      return names;
    }
    return db.read(
        h -> {
          db.keyed(h, BUYER_NAMES, "n", List.copyOf(unknown))
              .bind("s", Db.arg(seller.value()))
              .map((rs, ctx) -> Map.entry(OrderNumber.of(rs.getString(1)), rs.getString(2)))
              .forEach(e -> names.put(e.getKey(), e.getValue()));
          return names;
        });
  }

  static final Db.KeyedRead UNITS_OF_ORDERS =
      new Db.KeyedRead(
          "SELECT * FROM order_units WHERE seller_id = :s AND order_number = ANY(:n)"
              + " ORDER BY order_number, pos",
          "SELECT * FROM order_units WHERE seller_id = :s AND order_number IN (<keys>)"
              + " ORDER BY order_number, pos");

  @Override
  public Map<OrderNumber, Order> findAll(SellerId seller, Collection<OrderNumber> numbers) {
    requireNonNull(seller, "seller is null");
    requireNonNull(numbers, "numbers is null");
    List<String> distinct = numbers.stream().map(OrderNumber::value).distinct().toList();
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return db.read(
        h -> {
          Map<String, List<OrderUnit>> units = new HashMap<>();
          db.keyed(h, UNITS_OF_ORDERS, "n", distinct)
              .bind("s", Db.arg(seller.value()))
              .map((rs, ctx) -> Map.entry(rs.getString("order_number"), mapUnit(rs)))
              .forEach(
                  e -> units.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
          Map<OrderNumber, Order> found = new HashMap<>();
          db.keyed(h, ORDERS, "n", distinct)
              .bind("s", Db.arg(seller.value()))
              .map((rs, ctx) -> OrderRow.map(rs))
              .forEach(
                  row ->
                      found.put(
                          row.number(),
                          row.toOrder(units.getOrDefault(row.number().value(), List.of()))));
          return found;
        });
  }

  @Override
  public Optional<Order> findByUnit(OrderUnitId unit) {
    requireNonNull(unit, "unit is null");
    return db.read(
        h -> sellerAndNumberOfUnit(h, unit).flatMap(key -> find(h, key.seller(), key.number())));
  }

  @Override
  public void updateUnit(SellerId seller, OrderNumber number, OrderUnit unit) {
    requireNonNull(seller, "seller is null");
    requireNonNull(number, "number is null");
    requireNonNull(unit, "unit is null");
    int rows =
        db.write(
            h ->
                h.createUpdate(
                        "UPDATE order_units SET title = :title, ean = :ean, price_amount ="
                            + " :amount, price_currency = :currency, state = :state, delivered_at"
                            + " = :deliveredAt WHERE seller_id = :seller AND order_number ="
                            + " :number AND order_unit_id = :id")
                    .bind("title", unit.title())
                    .bind("ean", unit.ean())
                    .bind("amount", unit.price().amount())
                    .bind("currency", unit.price().currency())
                    .bind("state", unit.state().wire())
                    .bindByType("deliveredAt", Db.utc(unit.deliveredAt()), OffsetDateTime.class)
                    .bind("seller", seller.value())
                    .bind("number", number.value())
                    .bind("id", unit.id().value())
                    .execute());
    if (rows == 0) {
      throw new NoSuchElementException(
          "order "
              + number.value()
              + " of seller "
              + seller.value()
              + " has no unit "
              + unit.id().value());
    }
  }

  private static Optional<Order> find(Handle h, SellerId seller, OrderNumber number) {
    return h.createQuery("SELECT * FROM orders WHERE seller_id = :s AND order_number = :n")
        .bind("s", seller.value())
        .bind("n", number.value())
        .map((rs, ctx) -> OrderRow.map(rs))
        .findOne()
        .map(row -> row.toOrder(units(h, seller, number)));
  }

  private static List<OrderUnit> units(Handle h, SellerId seller, OrderNumber number) {
    return h.createQuery(
            "SELECT * FROM order_units WHERE seller_id = :s AND order_number = :n ORDER BY pos")
        .bind("s", seller.value())
        .bind("n", number.value())
        .map((rs, ctx) -> mapUnit(rs))
        .list();
  }

  private static Optional<OrderKey> sellerAndNumberOfUnit(Handle h, OrderUnitId unit) {
    return h.createQuery("SELECT seller_id, order_number FROM order_units WHERE order_unit_id = :u")
        .bind("u", unit.value())
        .map(
            (rs, ctx) ->
                new OrderKey(
                    SellerId.of(rs.getLong("seller_id")),
                    OrderNumber.of(rs.getString("order_number"))))
        .findFirst();
  }

  private static OrderUnit mapUnit(ResultSet rs) throws SQLException {
    return new OrderUnit(
        OrderUnitId.of(rs.getLong("order_unit_id")),
        rs.getString("title"),
        rs.getString("ean"),
        Money.of(rs.getLong("price_amount"), rs.getString("price_currency")),
        UnitState.of(rs.getString("state")),
        Db.instant(rs, "delivered_at"));
  }

  private record OrderKey(SellerId seller, OrderNumber number) {}

  private record OrderRow(
      SellerId sellerId,
      OrderNumber number,
      Storefront storefront,
      Buyer buyer,
      Instant orderedAt) {
    static OrderRow map(ResultSet rs) throws SQLException {
      return new OrderRow(
          SellerId.of(rs.getLong("seller_id")),
          OrderNumber.of(rs.getString("order_number")),
          Storefront.of(rs.getString("storefront")),
          new Buyer(
              BuyerId.of(rs.getLong("buyer_id")),
              rs.getString("buyer_name"),
              rs.getString("buyer_email")),
          Db.instant(rs, "ordered_at"));
    }

    Order toOrder(List<OrderUnit> units) {
      return new Order(number, storefront, sellerId, buyer, orderedAt, units);
    }
  }
}
