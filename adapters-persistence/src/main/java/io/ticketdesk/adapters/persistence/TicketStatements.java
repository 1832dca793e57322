package io.ticketdesk.adapters.persistence;

import io.ticketdesk.application.port.out.TicketQuery;
import io.ticketdesk.application.port.out.TicketSort;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.WireEnum;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.statement.Query;

/**
 * The statements {@link JdbiTickets} builds from a query: ticket lists (inbox, search, filters),
 * counts, and the scans' deadline windows, with the columns every read of a ticket carries. Plain
 * text and parameters; the plan tests read them as the server sends them.
 */
final class TicketStatements {
  private static final String OPEN = TicketStatus.OPEN.wire();

  private TicketStatements() {}

  /**
   * One ticket with its order unit ids in one round trip (PostgreSQL and H2 both build the array
   * from the ticket_units key). PostgreSQL pages use it too (its planner evaluates the subquery
   * after the sort and limit); H2 pages use {@link JdbiTickets}'s keyed read of the units instead:
   * one query for the page's units, so H2 does not evaluate a subquery for rows it then sorts away.
   */
  static final String WITH_UNITS =
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
  static final String WITH_UNITS_AND_BUYER =
      WITH_UNITS.replace(" FROM tickets t", ", " + BUYER_NAME + " FROM tickets t");

  /**
   * {@code ReturnOptionPolicy.mayOweOptionAnswer} in SQL, with literals, so that PostgreSQL proves
   * the partial index {@code tickets_open_return_requests_idx} (V25) serves it.
   */
  static final String MAY_OWE_OPTION_ANSWER =
      " AND t.reason = 'product_return' AND (t.return_intent IS NULL OR t.return_intent ="
          + " 'refund') AND (t.first_response_at IS NULL OR t.return_option_due_at IS NOT NULL)";

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

  /** The tickets per status of a query's scope and filters ({@code status}, {@code n}). */
  static SearchSql countSql(TicketQuery q) {
    StringBuilder sql =
        new StringBuilder("SELECT t.status, COUNT(*) AS n FROM tickets t WHERE 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    filters(q, sql, params);
    sql.append(" GROUP BY t.status");
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

  /** See {@link #searchSql}: the index prefix per sort (the indexes are in db/migration). */
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
}
