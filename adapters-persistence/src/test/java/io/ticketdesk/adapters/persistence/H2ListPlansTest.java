package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.TicketQuery;
import io.ticketdesk.application.port.out.TicketSort;
import io.ticketdesk.application.testing.contract.Fixtures;
import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.TicketTopic;
import io.ticketdesk.domain.TopicFilter;
import io.ticketdesk.domain.WaitingOn;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * H2 only matches {@code ORDER BY} against an index's leading columns: every list shape the API
 * serves must read its page off an index on H2 too, rather than sort all of a big seller's tickets
 * (found in the 100,000-ticket benchmark: the inbox scanned 6,534 rows per page). The statements
 * are the ones {@link JdbiTickets#searchSql} builds; the plan is H2's own {@code EXPLAIN ANALYZE}
 * on 3,000 tickets of one seller.
 */
class H2ListPlansTest {
  private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");
  private static final Instant NOW = Fixtures.T0.plus(Duration.ofDays(800));
  private static TestDatabase db;
  private static Jdbi jdbi;
  private static SellerId seller;
  private static OrderNumber someOrder;
  private static BuyerId someBuyer;

  @BeforeAll
  static void fill() {
    db = TestDatabases.h2();
    StorePorts store = db.freshPorts();
    seller = Fixtures.seller(store).id();
    SellerId other = Fixtures.seller(store).id();
    TicketTopic[] topics = TicketTopic.values();
    for (int i = 0; i < 3_300; i++) {
      SellerId owner = i % 11 == 10 ? other : seller;
      Order order = Fixtures.storedOrder(store, owner, 1_000 + i % 700, 1);
      var b =
          Fixtures.ticket(store.tickets().nextNumber(), order)
              .topic(topics[i % 7])
              .created(Fixtures.T0.plus(Duration.ofHours(6L * i)));
      switch (i % 10) {
        case 0 -> b.open(Fixtures.T0.plus(Duration.ofHours(6L * i + 48)));
        case 1, 2 -> b.waiting(WaitingOn.BUYER);
        default -> b.closed(false);
      }
      store.tickets().add(b.build());
      if (i == 1_234) {
        someOrder = order.number();
        someBuyer = order.buyer().id();
      }
    }
    jdbi = Jdbi.create(db.config().url(), db.config().user(), db.config().password());
    jdbi.setTemplateEngine(TemplateEngine.NOP);
    jdbi.useHandle(h -> h.execute("ANALYZE"));
  }

  @AfterAll
  static void close() {
    if (db != null) {
      db.close();
    }
  }

  private static TicketQuery query(
      TicketStatus status,
      TicketTopic topic,
      Instant from,
      Instant to,
      OrderNumber order,
      TicketSort sort,
      int limit) {
    return new TicketQuery(
        seller,
        null,
        status,
        null,
        null,
        topic == null ? null : TopicFilter.is(topic),
        null,
        from,
        to,
        null,
        order,
        null,
        NOW,
        sort,
        null,
        limit);
  }

  private static String plan(TicketQuery q) {
    TicketStatements.SearchSql search = TicketStatements.searchSql(q);
    return jdbi.withHandle(
        h -> {
          Query query = h.createQuery("EXPLAIN ANALYZE " + search.sql());
          search.bind(query);
          return query.bind("limit", q.limit()).mapTo(String.class).one();
        });
  }

  /** Reads the page's index entries (and one to see the end): no sort of the seller's tickets. */
  private static void assertPageReadOffAnIndex(TicketQuery q) {
    String plan = plan(q);
    Matcher m = SCAN_COUNT.matcher(plan);
    assertTrue(m.find(), plan);
    int scanned = Integer.parseInt(m.group(1));
    assertTrue(
        scanned <= q.limit() + 1,
        "scanned " + scanned + " rows for a page of " + q.limit() + ":\n" + plan);
    assertTrue(plan.contains("index sorted"), plan);
  }

  @Test
  void theInboxByDue() {
    assertPageReadOffAnIndex(query(TicketStatus.OPEN, null, null, null, null, TicketSort.DUE, 51));
    assertPageReadOffAnIndex(query(null, null, null, null, null, TicketSort.DUE, 51));
  }

  @Test
  void theDefaultListNewestFirst() {
    assertPageReadOffAnIndex(query(null, null, null, null, null, TicketSort.CREATED_DESC, 26));
  }

  @Test
  void aStatusNewestFirst() {
    assertPageReadOffAnIndex(
        query(TicketStatus.WAITING, null, null, null, null, TicketSort.CREATED_DESC, 26));
    assertPageReadOffAnIndex(
        query(TicketStatus.CLOSED, null, null, null, null, TicketSort.CREATED_DESC, 26));
  }

  @Test
  void aTopicInAPeriodAndAPeriodAlone() {
    Instant from = Fixtures.T0.plus(Duration.ofDays(100));
    Instant to = from.plus(Duration.ofDays(300));
    assertPageReadOffAnIndex(
        query(null, TicketTopic.values()[3], from, to, null, TicketSort.CREATED_DESC, 26));
    assertPageReadOffAnIndex(query(null, null, from, to, null, TicketSort.CREATED_DESC, 26));
  }

  @Test
  void recentlyUpdated() {
    assertPageReadOffAnIndex(query(null, null, null, null, null, TicketSort.UPDATED_DESC, 26));
  }

  @Test
  void anOrderNumberUsesTheOrderIndexNotTheSellersWholeList() {
    String plan = plan(query(null, null, null, null, someOrder, TicketSort.CREATED_DESC, 26));
    assertTrue(plan.contains("tickets_order_idx"), plan);
    Matcher m = SCAN_COUNT.matcher(plan);
    assertTrue(m.find() && Integer.parseInt(m.group(1)) <= 5, plan);
  }

  @Test
  void aBuyersListUsesTheBuyerIndex() {
    TicketQuery q =
        new TicketQuery(
            null,
            someBuyer,
            null,
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
            TicketSort.CREATED_DESC,
            null,
            26);
    String plan = plan(q);
    assertTrue(plan.contains("tickets_buyer_idx"), plan);
    assertFalse(plan.contains("tickets_seller"), plan);
  }
}
