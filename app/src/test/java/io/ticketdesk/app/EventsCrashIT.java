package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.domain.EventType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Events survive {@code kill -9}, on PostgreSQL through PgBouncer (transaction pooling) with two
 * Ticketdesk instances behind HAProxy, while writers open tickets and post messages and both
 * instances deliver webhooks to a local receiver (which verifies every signature) and a live event
 * stream is read through the load balancer. First one instance is killed, then the other (the whole
 * service); both start again. Then, comparing the database, the feed, the receiver's log and the
 * stream: every committed change (ticket, message) has exactly one event; no event exists for a
 * change that was not committed; per ticket the sequence numbers run 1..n; every event reached the
 * receiver at least once and the receiver got no other; the stream, resumed with Last-Event-ID
 * across the kills and instances, got every event exactly once. Second, a receiver outage: it
 * answers 503 for a while under load, then recovers; every event arrives and per ticket the
 * sequence numbers have no gap. Runs when PostgreSQL, HAProxy and PgBouncer are there (fails
 * without them when TICKETDESK_TEST_PG_REQUIRED=true).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsCrashIT {
  private static final String ADMIN = "events-crash-admin-token";
  private static final long DRAIN_SECONDS = 120;

  private Cluster cluster;
  private WebhookReceiver receiver;
  private final List<Map<String, String>> envs = new ArrayList<>();
  private String lb;

  @BeforeAll
  void start() throws Exception {
    cluster = Cluster.create();
    cluster.startPgBouncer();
    receiver = new WebhookReceiver();
    // One instance directly on PostgreSQL migrates the schema (as in MultiInstanceIT).
    Map<String, String> migrating = cluster.env("node-0", cluster.directUrl);
    migrating.put("TICKETDESK_ADMIN_TOKEN", ADMIN);
    cluster.startNodes(List.of(migrating));
    cluster.nodes.get(0).close();
    cluster.nodes.clear();
    for (int n = 1; n <= 2; n++) {
      Map<String, String> env = cluster.env("node-" + n, cluster.pooledUrl());
      env.put("TICKETDESK_ADMIN_TOKEN", ADMIN);
      env.put("TICKETDESK_WEBHOOKS_ALLOW_INSECURE", "true");
      // A killed instance's leases run out after 10 s (default 2 min), so the test is short.
      env.put("TICKETDESK_WEBHOOK_LEASE", "10s");
      envs.add(env);
    }
    cluster.startNodes(envs);
    lb = cluster.startHaproxy(1_000_000);
    String events =
        Arrays.stream(EventType.values())
            .map(t -> "\"" + t.wire() + "\"")
            .collect(Collectors.joining(","));
    JsonNode endpoint =
        Workload.expect(
                201,
                Workload.send(
                    lb,
                    "POST",
                    "/api/v1/webhook-endpoints",
                    ADMIN,
                    "{\"url\":\"" + receiver.url() + "\",\"events\":[" + events + "]}"))
            .json();
    receiver.secret = endpoint.get("secret").asText();
  }

  @AfterAll
  void stop() throws Exception {
    if (receiver != null) {
      receiver.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void killingOneInstanceThenBothLosesNoEventInventsNoneAndDeliversEveryOne() throws Exception {
    Workload load = new Workload(lb, ADMIN, "evcrash", 7001, 770001);
    String startCursor = lastCursor();
    try (EventStreamReader stream = new EventStreamReader(lb, ADMIN, startCursor)) {
      load.start(4);
      waitForWrites(load, 30);
      cluster.nodes.get(0).kill(); // one of two instances, under load and delivering
      int afterFirstKill = load.acknowledgedWrites();
      waitForWrites(load, afterFirstKill + 30);
      cluster.nodes.get(1).kill(); // the whole service
      load.stop();
      cluster.nodes.clear();
      cluster.startNodes(envs);
      // HAProxy notices the new ports only through its config: the nodes start on new random ports,
      // so a second HAProxy fronts them.
      lb = cluster.startHaproxy(1_000_000);
      stream.base = lb;
      load.base = lb;

      Set<String> lost = new HashSet<>(load.lostWrites(load.storedTexts()));
      assertEquals(Set.of(), lost, "acknowledged writes lost");

      Map<String, List<Row>> byTicket = eventsInTheDatabase();
      checkOneEventPerCommittedChange(byTicket);
      Set<String> all = ids(byTicket);
      awaitDelivered(all);
      awaitStreamed(stream, startCursor);
      System.out.printf(
          "EVENTS crash: %s events=%d received=%d duplicates=%d streamed=%d reconnects=%d%n",
          load.summary(),
          all.size(),
          receiver.receivedById.size(),
          receiver.log.size() - receiver.receivedById.size(),
          stream.events.size(),
          stream.connections.get() - 1);
    }
  }

  @Test
  @Order(2)
  void aReceiverOutageDelaysEventsButEveryOneArrivesWithoutAGapPerTicket() throws Exception {
    Workload load = new Workload(lb, ADMIN, "evoutage", 7002, 770002);
    Set<String> before = ids(eventsInTheDatabase());
    load.start(2);
    waitForWrites(load, 10);
    receiver.down = true; // 503 for every delivery
    int atOutage = load.acknowledgedWrites();
    waitForWrites(load, atOutage + 20);
    Thread.sleep(4_000);
    receiver.down = false;
    waitForWrites(load, load.acknowledgedWrites() + 10);
    load.stop();

    Map<String, List<Row>> byTicket = eventsInTheDatabase();
    Set<String> all = ids(byTicket);
    all.removeAll(before);
    assertTrue(
        receiver.refusedWhileDown.stream().anyMatch(all::contains),
        "no delivery was refused during the outage");
    awaitDelivered(ids(byTicket));
    // Per ticket of this load: the receiver has sequences 1..n, none missing.
    Map<String, Set<Long>> received = new HashMap<>();
    for (var d : receiver.log) {
      JsonNode b = d.body();
      received
          .computeIfAbsent(
              b.get("sellerId").asLong() + "/" + b.get("data").get("ticketNumber").asText(),
              k -> new HashSet<>())
          .add(b.get("sequence").asLong());
    }
    int tickets = 0;
    for (var e : byTicket.entrySet()) {
      if (e.getValue().stream().noneMatch(r -> all.contains(r.id))) {
        continue;
      }
      tickets++;
      Set<Long> want = new HashSet<>();
      for (long s = 1; s <= e.getValue().size(); s++) {
        want.add(s);
      }
      assertEquals(want, received.get(e.getKey()), "sequences received for " + e.getKey());
    }
    assertTrue(tickets > 0);
    System.out.printf(
        "EVENTS outage: %s events=%d tickets=%d refusedWhileDown=%d%n",
        load.summary(), all.size(), tickets, receiver.refusedWhileDown.size());
  }

  private record Row(String id, String type, long sequence, String messageId) {}

  private void waitForWrites(Workload load, int atLeast) throws InterruptedException {
    long end = System.nanoTime() + 120_000_000_000L;
    while (load.acknowledgedWrites() < atLeast) {
      assertTrue(System.nanoTime() < end, "the writers stalled: " + load.summary());
      Thread.sleep(50);
    }
  }

  /** Every event of the database by ticket in sequence order, with the message it announces. */
  private Map<String, List<Row>> eventsInTheDatabase() throws Exception {
    Map<String, String> messageIds = new HashMap<>();
    String cursor = null;
    while (true) {
      JsonNode page =
          Workload.expect(
                  200,
                  Workload.send(
                      lb,
                      "GET",
                      "/api/v1/events?limit=200" + (cursor == null ? "" : "&after=" + cursor),
                      ADMIN,
                      null))
              .json();
      if (page.get("items").isEmpty()) {
        break;
      }
      for (JsonNode e : page.get("items")) {
        JsonNode m = e.get("data").get("messageId");
        messageIds.put(e.get("eventId").asText(), m == null ? null : m.asText());
      }
      cursor = page.get("nextCursor").asText();
    }
    Map<String, List<Row>> byTicket = new TreeMap<>();
    try (Connection c = cluster.connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT seller_id, ticket_number, event_id, event_type, sequence FROM events"
                    + " ORDER BY seller_id, ticket_number, sequence")) {
      while (rs.next()) {
        String id = rs.getString(3);
        assertTrue(messageIds.containsKey(id), "an event of the database is not in the feed");
        byTicket
            .computeIfAbsent(rs.getLong(1) + "/" + rs.getString(2), k -> new ArrayList<>())
            .add(new Row(id, rs.getString(4), rs.getLong(5), messageIds.get(id)));
      }
    }
    assertEquals(
        messageIds.size(),
        byTicket.values().stream().mapToInt(List::size).sum(),
        "the feed has events the database has not");
    return byTicket;
  }

  /** Exactly one event per committed ticket and message; none without its change; no gaps. */
  private void checkOneEventPerCommittedChange(Map<String, List<Row>> byTicket) throws Exception {
    Set<String> tickets = new HashSet<>();
    Map<String, String> messages = new HashMap<>(); // seller/message id -> seller/ticket
    try (Connection c = cluster.connect();
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT seller_id, ticket_number FROM tickets")) {
        while (rs.next()) {
          tickets.add(rs.getLong(1) + "/" + rs.getString(2));
        }
      }
      try (ResultSet rs =
          st.executeQuery("SELECT seller_id, message_id, ticket_number FROM messages")) {
        while (rs.next()) {
          messages.put(rs.getLong(1) + "/" + rs.getLong(2), rs.getLong(1) + "/" + rs.getString(3));
        }
      }
    }
    Map<String, Integer> openedPerTicket = new HashMap<>();
    Map<String, Integer> eventsPerMessage = new HashMap<>();
    for (var e : byTicket.entrySet()) {
      String seller = e.getKey().split("/")[0];
      List<Row> rows = e.getValue();
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(i + 1, rows.get(i).sequence(), "sequence gap in " + e.getKey());
      }
      assertTrue(tickets.contains(e.getKey()), "events of a ticket never committed: " + e.getKey());
      for (Row r : rows) {
        if (r.type().equals("ticket.opened")) {
          openedPerTicket.merge(e.getKey(), 1, Integer::sum);
        } else if (r.type().equals("ticket.message_created")) {
          String message = seller + "/" + r.messageId();
          assertEquals(
              e.getKey(), messages.get(message), "an event of a message never committed: " + r);
          eventsPerMessage.merge(message, 1, Integer::sum);
        }
      }
    }
    for (String t : tickets) {
      assertEquals(1, openedPerTicket.getOrDefault(t, 0), "ticket.opened events of " + t);
    }
    for (String m : messages.keySet()) {
      assertEquals(1, eventsPerMessage.getOrDefault(m, 0), "message_created events of " + m);
    }
    assertTrue(tickets.size() >= 5 && messages.size() >= 30, tickets.size() + " tickets");
  }

  private static Set<String> ids(Map<String, List<Row>> byTicket) {
    Set<String> ids = new HashSet<>();
    byTicket.values().forEach(rows -> rows.forEach(r -> ids.add(r.id())));
    return ids;
  }

  /** Waits until the receiver has every event; it must have received no other. */
  private void awaitDelivered(Set<String> all) throws InterruptedException {
    long end = System.nanoTime() + DRAIN_SECONDS * 1_000_000_000L;
    while (!receiver.receivedById.keySet().containsAll(all)) {
      if (System.nanoTime() > end) {
        Set<String> missing = new HashSet<>(all);
        missing.removeAll(receiver.receivedById.keySet());
        throw new AssertionError(
            missing.size() + " of " + all.size() + " events never delivered:\n" + cluster.logs());
      }
      Thread.sleep(200);
    }
    assertEquals(List.of(), receiver.badSignatures, "deliveries with a bad signature");
    Set<String> invented = new HashSet<>(receiver.receivedById.keySet());
    invented.removeAll(all);
    assertEquals(Set.of(), invented, "delivered events that are not in the database");
  }

  /** The stream, resumed across the kills, got every event after its start exactly once. */
  private void awaitStreamed(EventStreamReader stream, String startCursor) throws Exception {
    List<String> feed = new ArrayList<>();
    String cursor = startCursor;
    while (true) {
      JsonNode page =
          Workload.expect(
                  200,
                  Workload.send(lb, "GET", "/api/v1/events?limit=200&after=" + cursor, ADMIN, null))
              .json();
      if (page.get("items").isEmpty()) {
        break;
      }
      page.get("items").forEach(e -> feed.add(e.get("eventId").asText()));
      cursor = page.get("nextCursor").asText();
    }
    long end = System.nanoTime() + 60_000_000_000L;
    while (stream.events.size() < feed.size() && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    assertEquals(feed, stream.eventIds(), "the stream across the kills, in feed order");
  }

  private String lastCursor() throws Exception {
    String cursor = null;
    while (true) {
      JsonNode page =
          Workload.expect(
                  200,
                  Workload.send(
                      lb,
                      "GET",
                      "/api/v1/events?limit=200" + (cursor == null ? "" : "&after=" + cursor),
                      ADMIN,
                      null))
              .json();
      String next = page.get("nextCursor").asText();
      if (page.get("items").isEmpty()) {
        return next;
      }
      cursor = next;
    }
  }
}
