package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.TicketQuery;
import io.ticketdesk.application.port.out.TicketSort;
import io.ticketdesk.application.testing.contract.Fixtures;
import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.WaitingOn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seller's due inbox on PostgreSQL is one statement per page, read by an index-only scan of
 * {@code tickets_inbox_due_cover_idx} with the order unit ids index-only from {@code
 * ticket_units_cover_idx} (V23; docs/benchmarks.md). The covering index must carry every column of
 * {@code tickets}: a column added to the table without it would silently bring back one heap read
 * per ticket of the page.
 */
class PostgresInboxPlanTest {
  private static final Instant NOW = Fixtures.T0.plus(Duration.ofDays(800));
  private static TestDatabase db;
  private static Jdbi jdbi;
  private static SellerId seller;
  private static final List<String> orderNumbers = new java.util.ArrayList<>();

  @BeforeAll
  static void fill() {
    db = TestDatabases.postgres();
    StorePorts store = db.freshPorts();
    seller = Fixtures.seller(store).id();
    for (int i = 0; i < 300; i++) {
      Order order = Fixtures.storedOrder(store, seller, 1_000 + i, 1);
      orderNumbers.add(order.number().value());
      var b = Fixtures.ticket(store.tickets().nextNumber(), order);
      switch (i % 3) {
        case 0 -> {
          b.open(Fixtures.T0.plus(Duration.ofHours(6L * i + 48)));
          if (i % 9 == 0) {
            b.reason(io.ticketdesk.domain.TicketReason.PRODUCT_RETURN);
          }
        }
        case 1 -> b.waiting(WaitingOn.BUYER);
        default -> b.closed(false);
      }
      store.tickets().add(b.build());
    }
    jdbi = Jdbi.create(db.config().url(), db.config().user(), db.config().password());
    jdbi.setTemplateEngine(TemplateEngine.NOP);
    // The visibility map, as autovacuum keeps it on a table that is mostly read.
    jdbi.useHandle(h -> h.execute("VACUUM (ANALYZE) tickets, ticket_units, orders"));
  }

  @AfterAll
  static void close() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void the_inbox_index_covers_every_column_of_tickets() {
    Set<String> table =
        new TreeSet<String>(
            jdbi.<List<String>, RuntimeException>withHandle(
                h ->
                    h.createQuery(
                            "SELECT column_name FROM information_schema.columns WHERE table_schema"
                                + " = current_schema() AND table_name = 'tickets'")
                        .mapTo(String.class)
                        .list()));
    Set<String> index =
        new TreeSet<String>(
            jdbi.<List<String>, RuntimeException>withHandle(
                h ->
                    h.createQuery(
                            "SELECT a.attname FROM pg_index i JOIN pg_class c ON c.oid ="
                                + " i.indexrelid JOIN pg_attribute a ON a.attrelid = i.indrelid"
                                + " AND a.attnum = ANY(i.indkey) WHERE c.relname ="
                                + " 'tickets_inbox_due_cover_idx' AND c.relnamespace ="
                                + " current_schema()::regnamespace")
                        .mapTo(String.class)
                        .list()));
    table.remove("seller_id");
    index.remove("seller_id");
    assertEquals(table, index, "tickets_inbox_due_cover_idx must INCLUDE every column of tickets");
  }

  @Test
  void the_inbox_page_is_one_index_only_statement() {
    TicketQuery q =
        new TicketQuery(
            seller,
            null,
            TicketStatus.OPEN,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            NOW,
            TicketSort.DUE,
            null,
            51);
    TicketStatements.SearchSql search = TicketStatements.searchSql(q, true);
    String plan =
        jdbi.withHandle(
            h -> {
              // 100 open tickets are few enough for a sequential scan; the 1 M plans are in
              // docs/benchmarks.md. Here: whether an index-only plan exists for the statement.
              // Plain index scans too: with the buyer-name subquery (2026-12-06) the planner
              // costed tickets_open_due_idx plus a filter on one seller as cheaper on 100 rows.
              h.execute("SET enable_seqscan = off");
              h.execute("SET enable_bitmapscan = off");
              h.execute("SET enable_indexscan = off");
              Query query = h.createQuery("EXPLAIN (ANALYZE, COSTS OFF) " + search.sql());
              search.bind(query);
              List<String> lines = query.bind("limit", Db.arg(51)).mapTo(String.class).list();
              return String.join("\n", lines);
            });
    assertTrue(plan.contains("Index Only Scan using tickets_inbox_due_cover_idx on tickets"), plan);
    assertTrue(plan.contains("Index Only Scan using ticket_units_cover_idx on ticket_units"), plan);
    assertTrue(plan.contains("Index Only Scan using orders_buyer_name_cover_idx on orders"), plan);
    assertTrue(!plan.contains("Sort"), plan);
    assertTrue(plan.contains("rows=51"), plan);
  }

  /**
   * The return-option scan reads only its candidates, off the partial index whose predicate is the
   * statement's (V25): a drift between the two would silently turn it into a scan of every overdue
   * open ticket.
   */
  @Test
  void the_return_option_scan_reads_its_partial_index() {
    String sql = TicketStatements.dueSql(TicketStatements.MAY_OWE_OPTION_ANSWER, true, true);
    String plan =
        plan(
            sql,
            q ->
                q.bindByType("dueFrom", Db.utc(Instant.EPOCH), java.time.OffsetDateTime.class)
                    .bindByType("dueBefore", Db.utc(NOW), java.time.OffsetDateTime.class)
                    .bindByType("afterDue", Db.utc(Fixtures.T0), java.time.OffsetDateTime.class)
                    .bind("afterNumber", "")
                    .bind("limit", 500));
    assertTrue(plan.contains("using tickets_open_return_requests_idx on tickets"), plan);
    assertTrue(plan.contains("rows=34 "), plan); // the open return requests: every ninth of 300
  }

  /** The buyer names of a page (every list and ticket carries them) come from the index alone. */
  @Test
  void the_buyer_names_of_a_page_are_one_index_only_statement() {
    List<String> numbers = orderNumbers.subList(0, 50);
    String plan =
        plan(
            JdbiOrders.BUYER_NAMES.postgresql(),
            q -> q.bind("s", Db.arg(seller.value())).bind("n", Db.texts(numbers)));
    assertTrue(plan.contains("Index Only Scan using orders_buyer_name_cover_idx on orders"), plan);
  }

  /**
   * The executed plan of {@code sql} with {@code binds}; sequential and bitmap scans off, since the
   * test tables are small enough for either: the question is whether the index plan exists.
   */
  private static String plan(String sql, java.util.function.UnaryOperator<Query> binds) {
    return jdbi.withHandle(
        h -> {
          h.execute("SET enable_seqscan = off");
          h.execute("SET enable_bitmapscan = off");
          Query query = binds.apply(h.createQuery("EXPLAIN (ANALYZE, COSTS OFF) " + sql));
          return String.join("\n", query.mapTo(String.class).list());
        });
  }
}
