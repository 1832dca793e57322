package io.ticketdesk.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The helper table {@code bench_floor_<scenario>} a floor's pgbench script reads its targets from
 * ({@link FloorCommand}): one row per target with the keys the scenario's statements bind, and the
 * return-policy keys of the page (or ticket) the server's ticket query returns now.
 */
final class FloorTargets {
  private FloorTargets() {}

  /** What the floor needs to know of a page's tickets: numbers and return-policy inputs. */
  private static final String PAGE_COLUMNS =
      "SELECT ticket_number, order_number, reason, return_intent, first_response_at IS NOT NULL";

  /** The helper table's columns before the page's order numbers ({@code b0}, …). */
  private static final int FIXED_COLUMNS = 14;

  /**
   * Stores up to {@code --targets} of the scenario's targets, with the order numbers of the tickets
   * its ticket query returns now (padded by repeating the last; a duplicate in a list of keys
   * changes nothing).
   */
  static int store(Connection c, Manifest m, Scenario s, int targets) throws SQLException {
    List<Manifest.Ticket> pool = new ArrayList<>(s.targets(m));
    Collections.shuffle(pool, new Random(11));
    List<Manifest.Ticket> chosen = pool.subList(0, Math.min(targets, pool.size()));
    String table = "bench_floor_" + s.wire();
    StringBuilder ddl =
        new StringBuilder("CREATE TABLE ")
            .append(table)
            .append(
                " (i INTEGER PRIMARY KEY, s BIGINT, h VARCHAR(128), bh VARCHAR(128), n"
                    + " VARCHAR(11), o VARCHAR(32), tp VARCHAR(64), cf TIMESTAMP WITH TIME ZONE,"
                    + " ct TIMESTAMP WITH TIME ZONE, st VARCHAR(16), lim INTEGER, ret INTEGER, ou"
                    + " BIGINT, cur VARCHAR(3)");
    // Array literals ({a,b}) of the page's distinct order numbers (buyer names), of its return
    // requests' orders, of its return requests (their outcomes) and of its unanswered return
    // requests'
    // orders (the policy reads: the server reads the ledger of those that require an option).
    ddl.append(", ba TEXT, np INTEGER, na INTEGER, pa TEXT, aa TEXT, nl INTEGER, la TEXT)");
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + table);
      st.execute(ddl.toString());
    }
    StringBuilder insert = new StringBuilder("INSERT INTO " + table + " VALUES (?");
    for (int i = 1; i < FIXED_COLUMNS + 7; i++) {
      insert.append(", ?");
    }
    insert.append(")");
    String pageSql =
        switch (s) {
          case SEARCH ->
              PAGE_COLUMNS
                  + " FROM tickets t WHERE t.seller_id = ? AND t.order_number = ? ORDER BY"
                  + " t.created_at DESC, t.ticket_number DESC LIMIT 26";
          case INBOX ->
              PAGE_COLUMNS
                  + " FROM tickets t WHERE t.seller_id = ? AND t.status = 'open' ORDER BY"
                  + " t.response_due_at ASC, t.ticket_number ASC LIMIT 51";
          case FILTER ->
              PAGE_COLUMNS
                  + " FROM tickets t WHERE t.seller_id = ? AND t.topic = ? AND t.created_at >= ?"
                  + " AND t.created_at < ? ORDER BY t.created_at DESC, t.ticket_number DESC"
                  + " LIMIT 26";
          // A lookup reads its ticket's return-policy state as a page of one does.
          case LOOKUP ->
              PAGE_COLUMNS + " FROM tickets t WHERE t.seller_id = ? AND t.ticket_number = ?";
          default -> null;
        };
    c.setAutoCommit(false);
    try (PreparedStatement ins = c.prepareStatement(insert.toString());
        PreparedStatement page = pageSql == null ? null : c.prepareStatement(pageSql)) {
      int i = 0;
      for (Manifest.Ticket t : chosen) {
        Instant from = t.createdAt().truncatedTo(ChronoUnit.DAYS).minus(15, ChronoUnit.DAYS);
        Instant to = from.plus(30, ChronoUnit.DAYS);
        List<String> orders = new ArrayList<>();
        List<String> policyOrders = new ArrayList<>();
        List<String> applicable = new ArrayList<>();
        List<String> unansweredOrders = new ArrayList<>();
        if (page == null || s == Scenario.LOOKUP) {
          orders.add(t.orderNumber());
        }
        if (page != null) {
          page.setLong(1, t.sellerId());
          if (s == Scenario.LOOKUP) {
            page.setString(2, t.number());
          } else if (s == Scenario.SEARCH) {
            page.setString(2, t.orderNumber());
          } else if (s == Scenario.FILTER) {
            page.setString(2, t.topic());
            page.setObject(3, from.atOffset(ZoneOffset.UTC));
            page.setObject(4, to.atOffset(ZoneOffset.UTC));
          }
          try (ResultSet rs = page.executeQuery()) {
            int row = 0;
            while (rs.next()) {
              // The names of the page's tickets: the extra row only says a next page exists.
              if (++row < FloorScripts.pageRows(s) && !orders.contains(rs.getString(2))) {
                orders.add(rs.getString(2));
              }
              // ReturnOptionPolicy.mayApply: a return request for a refund (or unsaid).
              String intent = rs.getString(4);
              if ("product_return".equals(rs.getString(3))
                  && (intent == null || intent.equals("refund"))) {
                if (!policyOrders.contains(rs.getString(2))) {
                  policyOrders.add(rs.getString(2));
                }
                // ReturnPolicyStates reads the outcomes of all of them (a missed deadline records
                // one without an answer).
                applicable.add(rs.getString(1));
                if (!rs.getBoolean(5) && !unansweredOrders.contains(rs.getString(2))) {
                  unansweredOrders.add(rs.getString(2));
                }
              }
            }
          }
        }
        if (orders.isEmpty()) {
          orders.add("-"); // the server would skip the buyer names: a near-free stand-in
        }
        ins.setInt(1, ++i);
        ins.setLong(2, t.sellerId());
        ins.setString(3, GenerateCommand.hash(m.sellerTokens.get(t.sellerId())));
        String buyerToken = m.buyerTokens.get(t.buyerId());
        ins.setString(4, buyerToken == null ? "-" : GenerateCommand.hash(buyerToken));
        ins.setString(5, t.number());
        ins.setString(6, t.orderNumber());
        ins.setString(7, t.topic() == null ? "-" : t.topic());
        ins.setObject(8, from.atOffset(ZoneOffset.UTC));
        ins.setObject(9, to.atOffset(ZoneOffset.UTC));
        ins.setString(10, "open");
        ins.setInt(11, FloorScripts.pageRows(s));
        // reply: the seller's answer offers a return option (as the driver's); refund: the unit.
        ins.setInt(12, t.returnRequest() ? 1 : 0);
        ins.setLong(13, t.units().isEmpty() ? 0 : t.refundUnit().id());
        ins.setString(14, t.currency() == null ? "-" : t.currency());
        int at = FIXED_COLUMNS + 1;
        ins.setString(at++, array(orders));
        ins.setInt(at++, policyOrders.isEmpty() ? 0 : 1);
        ins.setInt(at++, applicable.isEmpty() ? 0 : 1);
        ins.setString(at++, array(policyOrders));
        ins.setString(at++, array(applicable));
        // A lookup's ledger read: the server's for an unanswered return request that requires an
        // option only (117 of 166,425 lookups on 2026-12-06); the floor leaves it out.
        ins.setInt(at++, unansweredOrders.isEmpty() || s == Scenario.LOOKUP ? 0 : 1);
        ins.setString(at, array(unansweredOrders));
        ins.addBatch();
      }
      ins.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(true);
    }
    try (Statement st = c.createStatement()) {
      st.execute("ANALYZE " + table);
    }
    return chosen.size();
  }

  /** A PostgreSQL array literal of keys (order and ticket numbers: letters and digits only). */
  static String array(List<String> keys) {
    return "{" + String.join(",", keys) + "}";
  }
}
