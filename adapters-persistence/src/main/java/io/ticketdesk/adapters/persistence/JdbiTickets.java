package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.TicketQuery;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.WireEnum;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
            h.createQuery(TicketStatements.WITH_UNITS_AND_BUYER + " WHERE t.ticket_number = :n")
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
            h.createQuery(
                    TicketStatements.WITH_UNITS_AND_BUYER
                        + " WHERE t.seller_id = :s AND t.ticket_number = :n")
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

  @Override
  public List<Ticket> openReturnRequestsDue(Instant dueBefore, DueKey after, int limit) {
    requireNonNull(dueBefore, "dueBefore is null");
    return due(TicketStatements.MAY_OWE_OPTION_ANSWER, Instant.EPOCH, dueBefore, after, limit);
  }

  private List<Ticket> due(
      String which, Instant dueFrom, Instant dueBefore, DueKey after, int limit) {
    boolean withUnitIds = !db.h2();
    String sql = TicketStatements.dueSql(which, withUnitIds, after != null);
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
    TicketStatements.SearchSql search = TicketStatements.searchSql(q, withUnitIds);
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
   * carries them (PostgreSQL, {@link TicketStatements#WITH_UNITS}), else from one keyed read
   * ({@link #withUnits}).
   */
  private List<Ticket> page(Handle h, Query query, boolean withUnitIds) {
    if (withUnitIds) {
      return query.map((rs, ctx) -> TicketRow.map(rs).toTicket(unitIds(rs))).list();
    }
    return withUnits(h, query.map((rs, ctx) -> TicketRow.map(rs)).list());
  }

  @Override
  public Map<TicketStatus, Long> countByStatus(TicketQuery q) {
    requireNonNull(q, "q is null");
    TicketStatements.SearchSql count = TicketStatements.countSql(q);
    return db.read(
        h -> {
          Query query = h.createQuery(count.sql());
          count.bind(query);
          Map<TicketStatus, Long> counts = new java.util.EnumMap<>(TicketStatus.class);
          query
              .map((rs, ctx) -> Map.entry(TicketStatus.of(rs.getString("status")), rs.getLong("n")))
              .forEach(e -> counts.put(e.getKey(), e.getValue()));
          return counts;
        });
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
   * A row of {@link TicketStatements#WITH_UNITS_AND_BUYER}: its ticket; its buyer's name is
   * remembered.
   */
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
      numbersBySeller.computeIfAbsent(r.sellerId(), s -> new ArrayList<>()).add(r.number().value());
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
      tickets.add(r.toTicket(units.get(r.sellerId()).getOrDefault(r.number().value(), List.of())));
    }
    return tickets;
  }
}
