package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.calendar.JollydayPublicHolidays;
import io.ticketdesk.application.port.in.AuthenticateUseCase;
import io.ticketdesk.domain.Storefront;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three Ticketdesk nodes (separate JVMs from the fat jar) on one PostgreSQL database, through
 * PgBouncer in transaction pooling mode, behind HAProxy — the configs in {@code ops/}. Shows that
 * the cluster-wide background work is done once (the deadline recomputation after a calendar
 * change, the idempotency-key purge), that a retry of one key on two nodes writes once, and that
 * {@code kill -9} of a node under write load loses no acknowledged write while clients retrying
 * with their {@code Idempotency-Key} get exactly-once effects. Runs when PostgreSQL is configured
 * (fails without it, HAProxy or PgBouncer when TICKETDESK_TEST_PG_REQUIRED=true).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIT {
  private static final String ADMIN = "multi-instance-admin-token";
  private static final int TICKETS = 600;
  private static final int EXPIRED_KEYS = 2_500;
  private static final long PURGE_INTERVAL_SECONDS = 3;
  private static final Pattern RECOMPUTED =
      Pattern.compile("recomputed the deadlines of (\\d+) open tickets");
  private static final Pattern PURGED = Pattern.compile("purged (\\d+) idempotency key");

  private Cluster cluster;
  private String lb;
  private Workload seller;
  private final Map<String, Long> versionsBefore = new HashMap<>();
  private final Map<String, Instant> dueBefore = new HashMap<>();
  private long clusterReady;

  @BeforeAll
  void startTheCluster() throws Exception {
    long setupBegan = System.nanoTime();
    cluster = Cluster.create();
    cluster.startPgBouncer();
    // One node first, directly on PostgreSQL (it migrates) with the library's calendar: open
    // tickets whose deadlines the next calendar moves.
    Map<String, String> seeding = cluster.env("node-0", cluster.directUrl);
    seeding.put("TICKETDESK_ADMIN_TOKEN", ADMIN);
    seeding.put("TICKETDESK_BACKGROUND_POLL", "1h");
    cluster.startNodes(List.of(seeding));
    RunningJar first = cluster.nodes.get(0);
    first.call("GET", "/ready", null, null, 200);
    seller = new Workload(first.base, ADMIN, "cluster", 9001, 990001);
    openTickets(first.base, TICKETS);
    first.close();
    cluster.nodes.clear();
    readTickets();

    // Three nodes through PgBouncer start at once with a calendar that adds a holiday.
    LocalDate holiday = nextGermanWorkingDay();
    List<Map<String, String>> envs = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      Map<String, String> env = cluster.env("node-" + n, cluster.pooledUrl());
      env.put("TICKETDESK_ADMIN_TOKEN", ADMIN);
      env.put("TICKETDESK_HOLIDAYS_ADD", "de:" + holiday);
      env.put("TICKETDESK_BACKGROUND_POLL", "1s");
      env.put("TICKETDESK_IDEMPOTENCY_PURGE_INTERVAL", PURGE_INTERVAL_SECONDS + "s");
      envs.add(env);
    }
    long starting = System.nanoTime();
    cluster.startNodes(envs);
    lb = cluster.startHaproxy(100_000);
    clusterReady = System.nanoTime();
    System.out.printf(
        "MULTI-INSTANCE setup: %d tickets opened on node-0 in %.1f s, three nodes ready in %.1f s%n",
        TICKETS, (starting - setupBegan) / 1e9, (clusterReady - starting) / 1e9);
  }

  @AfterAll
  void stopTheCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void theDeadlinesAreRecomputedOnceByOneNodeForTheNewCalendar() throws Exception {
    int reported = sumOf(RECOMPUTED);
    assertEquals(TICKETS, reported, "tickets recomputed, over all nodes' logs:\n" + cluster.logs());
    try (Connection c = cluster.connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT ticket_number, version, response_due_at FROM tickets")) {
      int checked = 0;
      while (rs.next()) {
        String number = rs.getString(1);
        assertEquals(versionsBefore.get(number) + 1, rs.getLong(2), "version of " + number);
        Instant due = rs.getObject(3, OffsetDateTime.class).toInstant();
        assertTrue(due.isAfter(dueBefore.get(number)), "deadline of " + number + " moved later");
        checked++;
      }
      assertEquals(TICKETS, checked);
    }
    System.out.printf(
        "MULTI-INSTANCE deadlines: %d open tickets recomputed once (%s)%n",
        reported, perNode(RECOMPUTED));
  }

  @Test
  @Order(2)
  void expiredIdempotencyKeysArePurgedByOneNodePerInterval() throws Exception {
    insertExpiredKeys(EXPIRED_KEYS, "expired-");
    waitUntil(() -> remainingExpiredKeys() == 0 && sumOf(PURGED) == EXPIRED_KEYS, 60);
    // Every turn of the cluster is one acquisition of the lease and one log line on one node;
    // three nodes polling every second would purge about three times a second without it. The
    // line is logged when a purge ended, so a longer purge (2,500 keys) brings the next line
    // closer.
    waitUntil(() -> lines(PURGED).size() == purgeLeaseToken(), 10);
    List<LocalTime> turns = turnTimes(PURGED);
    for (int i = 1; i < turns.size(); i++) {
      long apart = Duration.between(turns.get(i - 1), turns.get(i)).toMillis();
      assertTrue(
          apart >= PURGE_INTERVAL_SECONDS * 1000 - 1000,
          "purge turns " + turns + " at least an interval apart:\n" + cluster.logs());
    }
    System.out.printf(
        "MULTI-INSTANCE purge: %d expired keys purged once, %d turns at %s (%s)%n",
        EXPIRED_KEYS, turns.size(), turns, perNode(PURGED));
  }

  @Test
  @Order(3)
  void oneKeySentToTwoNodesAtOnceWritesOnce() throws Exception {
    String ticket = ticketOfTheSeller();
    RunningJar a = cluster.nodes.get(0);
    RunningJar b = cluster.nodes.get(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 20; i++) {
        String text = "twice-" + i;
        List<Future<Workload.Answer>> both = new ArrayList<>();
        for (RunningJar node : List.of(a, b)) {
          both.add(
              pool.submit(
                  () ->
                      Workload.send(
                          node.base,
                          "POST",
                          "/api/v1/tickets/" + ticket + "/messages",
                          seller.buyer,
                          "{\"text\":\"" + text + "\"}",
                          Map.of("Idempotency-Key", text))));
        }
        Workload.Answer first = both.get(0).get();
        Workload.Answer second = both.get(1).get();
        assertEquals(201, first.status(), first.body());
        assertEquals(201, second.status(), second.body());
        assertEquals(
            first.json().get("messageId"), second.json().get("messageId"), "the same message");
      }
    } finally {
      pool.shutdown();
    }
    Map<String, Integer> stored = storedTextCounts("twice-%");
    assertEquals(20, stored.size());
    assertTrue(stored.values().stream().allMatch(n -> n == 1), "each once: " + stored);
  }

  /**
   * Waits at least {@code minMillis}, then until {@code count} writes are acknowledged (≤ 60 s).
   */
  private static void awaitAcknowledged(KeyedWriters writers, int count, long minMillis)
      throws InterruptedException {
    Thread.sleep(minMillis);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (writers.acknowledged.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  @Test
  @Order(4)
  void killingANodeUnderWriteLoadLosesNoAcknowledgedWriteAndRetriedKeysWriteOnce()
      throws Exception {
    KeyedWriters writers = new KeyedWriters(lb, seller.buyer, seller.unit, "kill");
    writers.start(4);
    // At least 3 s and 10 acknowledged writes before the kill, and 3 s and one more after it: on a
    // busy shared machine a fixed 3 s saw fewer than 10 (47 in 6 s at a load average of 30).
    awaitAcknowledged(writers, 10, 3_000);
    int beforeKill = writers.acknowledged.size();
    cluster.nodes.get(1).kill(); // node-2, SIGKILL while the writers are busy
    awaitAcknowledged(writers, beforeKill + 1, 3_000);
    writers.stop();
    System.out.println("MULTI-INSTANCE kill -9: " + writers.summary());

    assertTrue(writers.unexpected.isEmpty(), "unexpected answers: " + writers.unexpected);
    assertTrue(beforeKill >= 10, "load before the kill: " + writers.summary());
    assertTrue(writers.acknowledged.size() > beforeKill, "writes went on after the kill");
    Map<String, Integer> stored = storedTextCounts("kill-%");
    List<String> lost =
        writers.acknowledged.stream().filter(t -> !stored.containsKey(t)).sorted().toList();
    assertEquals(List.of(), lost, "acknowledged writes lost");
    Map<String, Integer> duplicated = new HashMap<>(stored);
    duplicated.values().removeIf(n -> n == 1);
    assertEquals(Map.of(), duplicated, "writes stored more than once");
    assertEquals(writers.sent, stored.keySet(), "every write sent was acknowledged and stored");

    // The purge goes on without the killed node (whose turn may have been running).
    insertExpiredKeys(500, "after-kill-");
    waitUntil(() -> remainingExpiredKeys() == 0, 30);
  }

  @Test
  @Order(5)
  void theLoadBalancerLimitsEachTokenForTheWholeClusterWhileNodesLimitPerNode() throws Exception {
    // The nodes run without their own limit (TICKETDESK_RATE_LIMIT=0); HAProxy counts per token.
    String limited = cluster.startHaproxy(20);
    Map<Integer, Integer> answers = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      Workload.Answer a =
          Workload.send(limited, "GET", "/api/v1/tickets?limit=1", seller.seller, null);
      answers.merge(a.status(), 1, Integer::sum);
      if (a.status() == 429) {
        assertTrue(a.header("Content-Type").startsWith("application/problem+json"), a.body());
        assertEquals("1", a.header("Retry-After"));
        assertTrue(a.json().get("type").asText().endsWith("/rate-limited"), a.body());
      }
    }
    assertEquals(Map.of(200, 20, 429, 10), answers, "one token, 30 requests, limit 20 per 10 s");
    assertEquals(
        200,
        Workload.send(limited, "GET", "/api/v1/tickets?limit=1", seller.buyer, null).status(),
        "another token has its own count");
  }

  @Test
  @Order(6)
  void aTokenRevokedByTheCliStopsWorkingOnEveryNodeWithinTheBound() throws Exception {
    String token =
        Workload.expect(
                201,
                Workload.send(
                    lb, "POST", "/api/v1/tokens", ADMIN, "{\"role\":\"customer_service\"}"))
            .json()
            .get("token")
            .asText();
    List<RunningJar> alive = List.of(cluster.nodes.get(0), cluster.nodes.get(2));
    for (RunningJar node : alive) { // each node now trusts the token from its cache
      assertEquals(
          200, Workload.send(node.base, "GET", "/api/v1/tickets?limit=1", token, null).status());
    }

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder cli =
        new ProcessBuilder(java, "-jar", "target/ticketdesk.jar", "token", "revoke")
            .redirectErrorStream(true);
    cli.environment().keySet().removeIf(k -> k.startsWith("TICKETDESK_"));
    cli.environment().putAll(cluster.env("cli", cluster.directUrl));
    Process revoke = cli.start();
    try (var in = revoke.outputWriter()) {
      in.write(token + "\n");
    }
    String out = new String(revoke.getInputStream().readAllBytes());
    assertEquals(0, revoke.waitFor(), out);
    assertTrue(out.contains("revoked"), out);
    long revoked = System.nanoTime();

    for (RunningJar node : alive) {
      waitUntil(
          () ->
              Workload.send(node.base, "GET", "/api/v1/tickets?limit=1", token, null).status()
                  == 401,
          15);
    }
    double seconds = (System.nanoTime() - revoked) / 1e9;
    assertTrue(
        seconds <= AuthenticateUseCase.TRUSTED_FOR.toSeconds() + 1,
        "refused everywhere after " + seconds + " s");
    System.out.printf(
        "MULTI-INSTANCE revocation: refused by every node %.1f s after the CLI revoked it%n",
        seconds);
  }

  private void openTickets(String base, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Workload.Answer>> opened = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String body =
            "{\"orderUnitIds\":[%d],\"reason\":\"product_defect\",\"message\":\"ticket %d\"}"
                .formatted(seller.unit, i);
        opened.add(
            pool.submit(() -> Workload.send(base, "POST", "/api/v1/tickets", seller.buyer, body)));
      }
      for (Future<Workload.Answer> f : opened) {
        Workload.expect(201, f.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  private void readTickets() throws Exception {
    try (Connection c = cluster.connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT ticket_number, version, response_due_at FROM tickets")) {
      while (rs.next()) {
        versionsBefore.put(rs.getString(1), rs.getLong(2));
        dueBefore.put(rs.getString(1), rs.getObject(3, OffsetDateTime.class).toInstant());
      }
    }
    assertEquals(TICKETS, versionsBefore.size());
  }

  private String ticketOfTheSeller() {
    return versionsBefore.keySet().iterator().next();
  }

  /** The next Monday to Friday after today in Berlin that is no German public holiday yet. */
  private static LocalDate nextGermanWorkingDay() {
    JollydayPublicHolidays library = new JollydayPublicHolidays();
    LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY
        || day.getDayOfWeek() == DayOfWeek.SUNDAY
        || library.isPublicHoliday(Storefront.DE, day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  private void insertExpiredKeys(int count, String prefix) throws Exception {
    try (Connection c = cluster.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO idempotency_keys (seller_id, caller, idem_key, fingerprint, result,"
                    + " created_at) VALUES (?, 'buyer:9001', ?, ?, '1', ?)")) {
      OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minusDays(3);
      for (int i = 0; i < count; i++) {
        ps.setLong(1, seller.sellerId);
        ps.setString(2, prefix + i);
        ps.setString(3, "f".repeat(64));
        ps.setObject(4, old.plusSeconds(i));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private long remainingExpiredKeys() throws Exception {
    return count(
        "SELECT count(*) FROM idempotency_keys WHERE created_at < now() - interval '1 day'");
  }

  private long purgeLeaseToken() throws Exception {
    return count("SELECT token FROM job_leases WHERE lease_name = 'idempotency-key-purge'");
  }

  private long count(String sql) throws Exception {
    try (Connection c = cluster.connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Map<String, Integer> storedTextCounts(String like) throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    try (Connection c = cluster.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT text, count(*) FROM messages WHERE seller_id = ? AND text LIKE ?"
                    + " GROUP BY text")) {
      ps.setLong(1, seller.sellerId);
      ps.setString(2, like);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return counts;
  }

  private List<Long> lines(Pattern pattern) {
    List<Long> found = new ArrayList<>();
    for (RunningJar node : cluster.nodes) {
      Matcher m = pattern.matcher(node.output());
      while (m.find()) {
        found.add(Long.parseLong(m.group(1)));
      }
    }
    return found;
  }

  /** When the nodes logged the lines (each log line starts with HH:mm:ss.SSS), in order. */
  private List<LocalTime> turnTimes(Pattern pattern) {
    List<LocalTime> times = new ArrayList<>();
    for (RunningJar node : cluster.nodes) {
      for (String line : node.output().split("\n")) {
        if (pattern.matcher(line).find()) {
          times.add(LocalTime.parse(line.substring(0, 12)));
        }
      }
    }
    times.sort(null);
    return times;
  }

  private int sumOf(Pattern pattern) {
    return (int) lines(pattern).stream().mapToLong(Long::longValue).sum();
  }

  private String perNode(Pattern pattern) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < cluster.nodes.size(); i++) {
      Matcher m = pattern.matcher(cluster.nodes.get(i).output());
      long sum = 0;
      int turns = 0;
      while (m.find()) {
        sum += Long.parseLong(m.group(1));
        turns++;
      }
      parts.add("node-" + (i + 1) + ": " + sum + " in " + turns + " turn(s)");
    }
    return String.join(", ", parts);
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  private void waitUntil(Condition condition, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.holds()) {
      assertTrue(System.nanoTime() < deadline, "not within " + seconds + " s:\n" + cluster.logs());
      Thread.sleep(200);
    }
  }
}
