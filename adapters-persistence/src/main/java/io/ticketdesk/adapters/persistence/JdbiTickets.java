package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.TicketQuery;
import io.ticketdesk.application.port.out.TicketSort;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.TicketTopic;
import io.ticketdesk.domain.WaitingOn;
import io.ticketdesk.domain.WireEnum;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** Tickets in {@code tickets} and {@code ticket_units}, with optimistic locking on version. */
final class JdbiTickets implements Tickets {
  private static final String OPEN = TicketStatus.OPEN.wire();

  private final Db db;

  JdbiTickets(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public TicketNumber nextNumber() {
    return TicketNumber.fromSequence(db.read(h -> Db.nextValue(h, "ticket_number_seq")));
  }

  @Override
  public void add(Ticket ticket) {
    requireNonNull(ticket, "ticket is null");
    db.write(
        h -> {
          Update insert =
              h.createUpdate(
                  "INSERT INTO tickets (seller_id, ticket_number, buyer_id, storefront,"
                      + " order_number, reason, topic, return_intent, status, waiting_on,"
                      + " closed_finally, created_at, updated_at, open_since, response_due_at,"
                      + " first_response_at, first_response_due_at, first_response_working_micros,"
                      + " return_option_due_at, version) VALUES (:seller, :number, :buyer,"
                      + " :storefront, :orderNumber, :reason, :topic, :returnIntent, :status,"
                      + " :waitingOn, :closedFinally, :createdAt, :updatedAt, :openSince,"
                      + " :responseDueAt, :firstResponseAt, :firstResponseDueAt,"
                      + " :firstResponseWorkingMicros, :returnOptionDueAt, :version)");
          bindState(insert, ticket)
              .bind("seller", ticket.sellerId().value())
              .bind("number", ticket.number().value())
              .bind("buyer", ticket.buyerId().value())
              .bind("storefront", ticket.storefront().code())
              .bind("orderNumber", ticket.orderNumber().value())
              .bindByType("createdAt", Db.utc(ticket.createdAt()), OffsetDateTime.class)
              .execute();
          PreparedBatch units =
              h.prepareBatch(
                  "INSERT INTO ticket_units (seller_id, ticket_number, pos, order_unit_id)"
                      + " VALUES (:seller, :number, :pos, :unit)");
          int pos = 0;
          for (OrderUnitId unit : ticket.orderUnitIds()) {
            units
                .bind("seller", ticket.sellerId().value())
                .bind("number", ticket.number().value())
                .bind("pos", pos++)
                .bind("unit", unit.value())
                .add();
          }
          units.execute();
          return null;
        });
  }

  @Override
  public Optional<Ticket> find(TicketNumber number) {
    requireNonNull(number, "number is null");
    return db.read(
        h ->
            h.createQuery(WITH_UNITS_AND_BUYER + " WHERE t.ticket_number = :n")
                .bind("n", Db.arg(number.value()))
                .map((rs, ctx) -> withBuyer(rs))
                .findFirst());
  }

  @Override
  public Optional<Ticket> find(SellerId seller, TicketNumber number) {
    requireNonNull(seller, "seller is null");
    requireNonNull(number, "number is null");
    return db.read(
        h ->
            h.createQuery(WITH_UNITS_AND_BUYER + " WHERE t.seller_id = :s AND t.ticket_number = :n")
                .bind("s", Db.arg(seller.value()))
                .bind("n", Db.arg(number.value()))
                .map((rs, ctx) -> withBuyer(rs))
                .findOne());
  }

  /** Order units are fixed when a ticket is opened; an update stores the ticket's state only. */
  @Override
  public void update(Ticket next) {
    requireNonNull(next, "next is null");
    int rows =
        db.write(
            h -> {
              Update update =
                  h.createUpdate(
                      "UPDATE tickets SET reason = :reason, topic = :topic, return_intent ="
                          + " :returnIntent, status = :status, waiting_on = :waitingOn,"
                          + " closed_finally = :closedFinally, updated_at = :updatedAt,"
                          + " open_since = :openSince, response_due_at = :responseDueAt,"
                          + " first_response_at = :firstResponseAt,"
                          + " first_response_due_at = :firstResponseDueAt,"
                          + " first_response_working_micros = :firstResponseWorkingMicros,"
                          + " return_option_due_at = :returnOptionDueAt, version = :version"
                          + " WHERE seller_id = :seller AND ticket_number = :number"
                          + " AND version = :previousVersion");
              return bindState(update, next)
                  .bind("seller", Db.arg(next.sellerId().value()))
                  .bind("number", Db.arg(next.number().value()))
                  .bind("previousVersion", Db.arg(next.version() - 1))
                  .execute();
            });
    if (rows == 0) {
      throw new ConcurrentUpdateException(
          "ticket " + next.number().value() + " changed since version " + (next.version() - 1));
    }
  }

  @Override
  public List<Ticket> openTickets(TicketNumber after, int limit) {
    return db.read(
        h ->
            withUnits(
                h,
                h.createQuery(
                        "SELECT * FROM tickets WHERE status = :open AND ticket_number > :after"
                            + " ORDER BY ticket_number LIMIT :limit")
                    .bind("open", OPEN)
                    .bind("after", after == null ? "" : after.value())
                    .bind("limit", limit)
                    .map((rs, ctx) -> TicketRow.map(rs))
                    .list()));
  }

  /**
   * Off the index {@code tickets_open_due_idx} (V24; partial on PostgreSQL): a range of open
   * tickets' deadlines, one statement per batch on PostgreSQL (the units ride in it), the units in
   * a second read on H2, as for pages.
   */
  @Override
  public List<Ticket> openTicketsDue(Instant dueFrom, Instant dueBefore, DueKey after, int limit) {
    requireNonNull(dueFrom, "dueFrom is null");
    requireNonNull(dueBefore, "dueBefore is null");
    return due("", dueFrom, dueBefore, after, limit);
  }

  /**
   * {@code ReturnOptionPolicy.mayOweOptionAnswer} in SQL, with literals, so that PostgreSQL proves
   * the partial index {@code tickets_open_return_requests_idx} (V25) serves it.
   */
  static final String MAY_OWE_OPTION_ANSWER =
      " AND t.reason = 'product_return' AND (t.return_intent IS NULL OR t.return_intent ="
          + " 'refund') AND (t.first_response_at IS NULL OR t.return_option_due_at IS NOT NULL)";

  @Override
  public List<Ticket> openReturnRequestsDue(Instant dueBefore, DueKey after, int limit) {
    requireNonNull(dueBefore, "dueBefore is null");
    return due(MAY_OWE_OPTION_ANSWER, Instant.EPOCH, dueBefore, after, limit);
  }

  /** The scans' statement: open tickets in a deadline window, {@code which} of them, paged. */
  static String dueSql(String which, boolean withUnitIds, boolean paged) {
    return (withUnitIds ? WITH_UNITS : "SELECT t.* FROM tickets t")
        + " WHERE t.status = '"
        + OPEN
        + "'"
        + which
        + " AND t.response_due_at >= :dueFrom AND t.response_due_at < :dueBefore"
        + (paged
            ? " AND (t.response_due_at > :afterDue OR (t.response_due_at = :afterDue"
                + " AND t.ticket_number > :afterNumber))"
            : "")
        + " ORDER BY t.response_due_at, t.ticket_number LIMIT :limit";
  }

  private List<Ticket> due(
      String which, Instant dueFrom, Instant dueBefore, DueKey after, int limit) {
    boolean withUnitIds = !db.h2();
    String sql = dueSql(which, withUnitIds, after != null);
    return db.read(
        h -> {
          Query query =
              h.createQuery(sql)
                  .bindByType("dueFrom", Db.utc(dueFrom), OffsetDateTime.class)
                  .bindByType("dueBefore", Db.utc(dueBefore), OffsetDateTime.class)
                  .bind("limit", limit);
          if (after != null) {
            query
                .bindByType("afterDue", Db.utc(after.due()), OffsetDateTime.class)
                .bind("afterNumber", after.number().value());
          }
          return page(h, query, withUnitIds);
        });
  }

  /**
   * One statement per page on PostgreSQL: the page's rows with their order unit ids ({@code
   * ARRAY(SELECT …)} per row, evaluated for the rows the {@code LIMIT} keeps), so a page costs one
   * round trip; the seller's due inbox reads it off a covering index (V23, docs/benchmarks.md). On
   * H2 the units come in a second, keyed read ({@link #withUnits}).
   */
  @Override
  public List<Ticket> search(TicketQuery q) {
    requireNonNull(q, "q is null");
    boolean withUnitIds = !db.h2();
    SearchSql search = searchSql(q, withUnitIds);
    return db.read(
        h -> {
          Query query = h.createQuery(search.sql());
          search.bind(query);
          query.bind("limit", Db.arg(q.limit()));
          if (withUnitIds) { // the page statement carries the buyers' names too
            return query.map((rs, ctx) -> withBuyer(rs)).list();
          }
          return page(h, query, false);
        });
  }

  /**
   * The tickets of a page or batch: the units from the statement's {@code unit_ids} column when it
   * carries them (PostgreSQL, {@link #WITH_UNITS}), else from one keyed read ({@link #withUnits}).
   */
  private List<Ticket> page(Handle h, Query query, boolean withUnitIds) {
    if (withUnitIds) {
      return query.map((rs, ctx) -> TicketRow.map(rs).toTicket(unitIds(rs))).list();
    }
    return withUnits(h, query.map((rs, ctx) -> TicketRow.map(rs)).list());
  }

  /** The statement of a search and its parameters (but {@code limit}). */
  record SearchSql(String sql, Map<String, Object> params) {
    void bind(Query query) {
      params.forEach((name, value) -> query.bind(name, Db.arg(value)));
    }
  }

  static SearchSql searchSql(TicketQuery q) {
    return searchSql(q, false);
  }

  /**
   * {@code withUnitIds}: the rows carry their order unit ids as {@code unit_ids} and their buyers'
   * names as {@code buyer_name} (PostgreSQL).
   */
  static SearchSql searchSql(TicketQuery q, boolean withUnitIds) {
    StringBuilder sql =
        new StringBuilder(withUnitIds ? WITH_UNITS_AND_BUYER : "SELECT * FROM tickets t")
            .append(" WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    filters(q, sql, params);
    // Open tickets are named by a literal: PostgreSQL's partial inbox indexes need to see it in
    // the generic plan of a prepared statement, and H2 then picks its composite index too.
    boolean openOnly = q.status() == TicketStatus.OPEN || q.sort() == TicketSort.DUE;
    if (q.status() != null && q.status() != TicketStatus.OPEN) {
      filter(sql, params, "t.status = :status", "status", q.status(), WireEnum::wire);
    }
    if (openOnly) {
      sql.append(" AND t.status = '" + OPEN + "'");
    }
    String key =
        switch (q.sort()) {
          case CREATED_DESC -> "t.created_at";
          case UPDATED_DESC -> "t.updated_at";
          case DUE -> "t.response_due_at";
        };
    boolean ascending = q.sort() == TicketSort.DUE;
    if (q.after() != null) {
      String op = ascending ? ">" : "<";
      sql.append(" AND (")
          .append(key)
          .append(' ')
          .append(op)
          .append(" :afterKey OR (")
          .append(key)
          .append(" = :afterKey AND t.ticket_number ")
          .append(op)
          .append(" :afterNumber))");
      params.put("afterKey", Db.utc(q.after().key()));
      params.put("afterNumber", q.after().ticketNumber().value());
    }
    String direction = ascending ? " ASC" : " DESC";
    sql.append(" ORDER BY ");
    // The equality-bound leading columns of the index meant to deliver this page in order are
    // named first: it changes nothing in the result, PostgreSQL drops them, and H2 — which only
    // matches ORDER BY against an index's first columns — then reads the page off that index
    // instead of sorting all the seller's rows.
    for (String column : indexPrefix(q, openOnly)) {
      sql.append(column).append(", ");
    }
    sql.append(key)
        .append(direction)
        .append(", t.ticket_number")
        .append(direction)
        .append(" LIMIT :limit");
    return new SearchSql(sql.toString(), params);
  }

  /** The scope and the filters of a query but its status, keyset and order. */
  private static void filters(TicketQuery q, StringBuilder sql, Map<String, Object> params) {
    filter(sql, params, "t.seller_id = :seller", "seller", q.seller(), SellerId::value);
    filter(sql, params, "t.buyer_id = :buyer", "buyer", q.buyer(), BuyerId::value);
    filter(sql, params, "t.waiting_on = :waitingOn", "waitingOn", q.waitingOn(), WireEnum::wire);
    filter(sql, params, "t.reason = :reason", "reason", q.reason(), WireEnum::wire);
    if (q.topic() != null && q.topic().isNone()) {
      sql.append(" AND t.topic IS NULL");
    } else if (q.topic() != null) {
      filter(sql, params, "t.topic = :topic", "topic", q.topic().topic(), WireEnum::wire);
    }
    filter(sql, params, "t.storefront = :sf", "sf", q.storefront(), Storefront::code);
    filter(sql, params, "t.created_at >= :createdFrom", "createdFrom", q.createdFrom(), Db::utc);
    filter(sql, params, "t.created_at < :createdTo", "createdTo", q.createdTo(), Db::utc);
    filter(sql, params, "t.ticket_number = :tn", "tn", q.ticketNumber(), TicketNumber::value);
    filter(sql, params, "t.order_number = :on", "on", q.orderNumber(), OrderNumber::value);
    if (q.overdue() != null) {
      sql.append(
          q.overdue()
              ? " AND t.status = '" + OPEN + "' AND t.response_due_at < :now"
              : " AND (t.status <> '" + OPEN + "' OR t.response_due_at >= :now)");
      params.put("now", Db.utc(q.now()));
    }
  }

  @Override
  public Map<TicketStatus, Long> countByStatus(TicketQuery q) {
    requireNonNull(q, "q is null");
    StringBuilder sql =
        new StringBuilder("SELECT t.status, COUNT(*) AS n FROM tickets t WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    filters(q, sql, params);
    sql.append(" GROUP BY t.status");
    return db.read(
        h -> {
          Query query = h.createQuery(sql.toString());
          params.forEach((name, value) -> query.bind(name, Db.arg(value)));
          Map<TicketStatus, Long> counts = new java.util.EnumMap<>(TicketStatus.class);
          query
              .map((rs, ctx) -> Map.entry(TicketStatus.of(rs.getString("status")), rs.getLong("n")))
              .forEach(e -> counts.put(e.getKey(), e.getValue()));
          return counts;
        });
  }

  /** See {@link #search}: the index prefix per sort (the indexes are in db/migration). */
  private static List<String> indexPrefix(TicketQuery q, boolean openOnly) {
    if (q.orderNumber() != null || q.ticketNumber() != null) {
      // A handful of rows by their own index: sorting them is cheaper than walking the seller's.
      return List.of();
    }
    if (q.seller() == null) {
      return q.buyer() != null && q.sort() == TicketSort.CREATED_DESC
          ? List.of("t.buyer_id")
          : List.of();
    }
    return switch (q.sort()) {
      case DUE -> List.of("t.seller_id", "t.status");
      case UPDATED_DESC -> List.of("t.seller_id");
      case CREATED_DESC -> {
        if (q.status() != null || openOnly) {
          yield List.of("t.seller_id", "t.status");
        }
        yield q.topic() != null ? List.of("t.seller_id", "t.topic") : List.of("t.seller_id");
      }
    };
  }

  private static <T> void filter(
      StringBuilder sql,
      Map<String, Object> params,
      String condition,
      String name,
      T value,
      Function<T, Object> toParam) {
    if (value != null) {
      sql.append(" AND ").append(condition);
      params.put(name, toParam.apply(value));
    }
  }

  private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindState(
      S statement, Ticket t) {
    // Bound as they are (Db.arg): every reply and action writes this statement.
    return statement
        .bind("reason", Db.arg(t.reason().wire()))
        .bind("topic", Db.text(wire(t.topic())))
        .bind("returnIntent", Db.text(wire(t.returnIntent())))
        .bind("status", Db.arg(t.status().wire()))
        .bind("waitingOn", Db.text(wire(t.waitingOn())))
        .bind("closedFinally", Db.arg(t.closedFinally()))
        .bind("updatedAt", Db.time(t.updatedAt()))
        .bind("openSince", Db.time(t.openSince()))
        .bind("responseDueAt", Db.time(t.responseDueAt()))
        .bind("firstResponseAt", Db.time(t.firstResponseAt()))
        .bind("firstResponseDueAt", Db.time(t.firstResponseDueAt()))
        .bind(
            "firstResponseWorkingMicros",
            Db.int64(
                t.firstResponseWorkingTime() == null
                    ? null
                    : TimeUnit.NANOSECONDS.toMicros(t.firstResponseWorkingTime().toNanos())))
        .bind("returnOptionDueAt", Db.time(t.returnOptionDueAt()))
        .bind("version", Db.arg(t.version()));
  }

  private static String wire(WireEnum value) {
    return value == null ? null : value.wire();
  }

  /**
   * One ticket with its order unit ids in one round trip (PostgreSQL and H2 both build the array
   * from the ticket_units key). PostgreSQL pages use it too (its planner evaluates the subquery
   * after the sort and limit); H2 pages use {@link #withUnits} instead: one query for the page's
   * units, so H2 does not evaluate a subquery for rows it then sorts away.
   */
  private static final String WITH_UNITS =
      "SELECT t.*, ARRAY(SELECT u.order_unit_id FROM ticket_units u WHERE u.seller_id ="
          + " t.seller_id AND u.ticket_number = t.ticket_number ORDER BY u.pos) AS unit_ids"
          + " FROM tickets t";

  /** The buyer's name of the row's order, a column of {@link #WITH_UNITS_AND_BUYER}. */
  private static final String BUYER_NAME =
      "(SELECT o.buyer_name FROM orders o WHERE o.seller_id = t.seller_id AND"
          + " o.order_number = t.order_number) AS buyer_name";

  /**
   * {@link #WITH_UNITS} and the buyer's name of the ticket's order ({@code buyer_name}, an
   * index-only probe of {@code orders_buyer_name_cover_idx} per row kept): a lookup or a page read
   * in a reading scope needs no second statement for the names ({@link Db#rememberBuyerName},
   * {@link JdbiOrders#buyerNames}).
   */
  private static final String WITH_UNITS_AND_BUYER =
      WITH_UNITS.replace(" FROM tickets t", ", " + BUYER_NAME + " FROM tickets t");

  /** A row of {@link #WITH_UNITS_AND_BUYER}: its ticket; its buyer's name is remembered. */
  private Ticket withBuyer(ResultSet rs) throws SQLException {
    TicketRow row = TicketRow.map(rs);
    db.rememberBuyerName(
        row.sellerId().value(), row.orderNumber().value(), rs.getString("buyer_name"));
    return row.toTicket(unitIds(rs));
  }

  private static List<OrderUnitId> unitIds(ResultSet rs) throws SQLException {
    java.sql.Array array = rs.getArray("unit_ids");
    try {
      Object[] values = (Object[]) array.getArray();
      List<OrderUnitId> ids = new ArrayList<>(values.length);
      for (Object v : values) {
        ids.add(OrderUnitId.of(((Number) v).longValue()));
      }
      return ids;
    } finally {
      array.free();
    }
  }

  /** The order unit ids of a seller's ({@code :s}) tickets {@code :n}. */
  static final Db.KeyedRead PAGE_UNITS =
      new Db.KeyedRead(
          "SELECT ticket_number, order_unit_id FROM ticket_units"
              + " WHERE seller_id = :s AND ticket_number = ANY(:n) ORDER BY ticket_number, pos",
          "SELECT ticket_number, order_unit_id FROM ticket_units"
              + " WHERE seller_id = :s AND ticket_number IN (<keys>) ORDER BY ticket_number, pos");

  /** Loads the order unit ids of the rows (a query per seller on the page), builds the tickets. */
  private List<Ticket> withUnits(Handle h, List<TicketRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<SellerId, List<String>> numbersBySeller = new LinkedHashMap<>();
    for (TicketRow r : rows) {
      numbersBySeller.computeIfAbsent(r.sellerId, s -> new ArrayList<>()).add(r.number.value());
    }
    Map<SellerId, Map<String, List<OrderUnitId>>> units = new HashMap<>();
    numbersBySeller.forEach(
        (seller, numbers) -> {
          Map<String, List<OrderUnitId>> ofSeller = new HashMap<>();
          db.keyed(h, PAGE_UNITS, "n", numbers)
              .bind("s", Db.arg(seller.value()))
              .map((rs, ctx) -> Map.entry(rs.getString(1), OrderUnitId.of(rs.getLong(2))))
              .forEach(
                  e ->
                      ofSeller
                          .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                          .add(e.getValue()));
          units.put(seller, ofSeller);
        });
    List<Ticket> tickets = new ArrayList<>(rows.size());
    for (TicketRow r : rows) {
      tickets.add(r.toTicket(units.get(r.sellerId).getOrDefault(r.number.value(), List.of())));
    }
    return tickets;
  }

  private record TicketRow(
      TicketNumber number,
      SellerId sellerId,
      BuyerId buyerId,
      Storefront storefront,
      OrderNumber orderNumber,
      TicketReason reason,
      TicketTopic topic,
      ReturnIntent returnIntent,
      TicketStatus status,
      WaitingOn waitingOn,
      boolean closedFinally,
      Instant createdAt,
      Instant updatedAt,
      Instant openSince,
      Instant responseDueAt,
      Instant firstResponseAt,
      Instant firstResponseDueAt,
      Duration firstResponseWorkingTime,
      Instant returnOptionDueAt,
      long version) {
    static TicketRow map(ResultSet rs) throws SQLException {
      String topic = rs.getString("topic");
      String returnIntent = rs.getString("return_intent");
      String waitingOn = rs.getString("waiting_on");
      return new TicketRow(
          TicketNumber.of(rs.getString("ticket_number")),
          SellerId.of(rs.getLong("seller_id")),
          BuyerId.of(rs.getLong("buyer_id")),
          Storefront.of(rs.getString("storefront")),
          OrderNumber.of(rs.getString("order_number")),
          TicketReason.of(rs.getString("reason")),
          topic == null ? null : TicketTopic.of(topic),
          returnIntent == null ? null : ReturnIntent.of(returnIntent),
          TicketStatus.of(rs.getString("status")),
          waitingOn == null ? null : WaitingOn.of(waitingOn),
          rs.getBoolean("closed_finally"),
          Db.instant(rs, "created_at"),
          Db.instant(rs, "updated_at"),
          Db.instant(rs, "open_since"),
          Db.instant(rs, "response_due_at"),
          Db.instant(rs, "first_response_at"),
          Db.instant(rs, "first_response_due_at"),
          micros(rs, "first_response_working_micros"),
          Db.instant(rs, "return_option_due_at"),
          rs.getLong("version"));
    }

    Ticket toTicket(List<OrderUnitId> units) {
      return new Ticket(
          number,
          sellerId,
          buyerId,
          storefront,
          orderNumber,
          units,
          reason,
          topic,
          returnIntent,
          status,
          waitingOn,
          closedFinally,
          createdAt,
          updatedAt,
          openSince,
          responseDueAt,
          firstResponseAt,
          firstResponseDueAt,
          firstResponseWorkingTime,
          returnOptionDueAt,
          version);
    }

    private static Duration micros(ResultSet rs, String column) throws SQLException {
      long v = rs.getLong(column);
      return rs.wasNull() ? null : Duration.of(v, ChronoUnit.MICROS);
    }
  }
}
