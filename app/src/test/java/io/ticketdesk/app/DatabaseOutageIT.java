package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL becomes unreachable under load and comes back: the real fat jar talks to PostgreSQL
 * through a {@link TcpProxy} (the shared PostgreSQL cluster keeps running). During the outage the
 * API answers 503 {@code store-unavailable} with {@code Retry-After} within seconds and {@code
 * /ready} is 503; afterwards the same process serves again; no acknowledged write is lost and no
 * write refused with 5xx is stored. Also: two agents answering one ticket with the same {@code
 * If-Match} on PostgreSQL — exactly one wins.
 */
class DatabaseOutageIT {
  private static final String ADMIN = "outage-admin-token";

  /** Seconds the database stays unreachable (default 5). */
  static final int OUTAGE_SECONDS = CrashRecoveryIT.setting("reliability.outage.seconds", 5);

  private static PgTestDatabase db;
  private static TcpProxy proxy;
  private static RunningJar jar;

  @BeforeAll
  static void startTheJarBehindAProxy() throws Exception {
    db = PgTestDatabase.create("outage_");
    String[] target = db.hostAndPort();
    proxy = new TcpProxy(target[0], Integer.parseInt(target[1]));
    Map<String, String> env = new HashMap<>();
    env.put("TICKETDESK_DB_URL", db.jdbcUrl("127.0.0.1:" + proxy.port()));
    env.put("TICKETDESK_DB_USER", PgTestDatabase.user());
    env.put("TICKETDESK_DB_PASSWORD", PgTestDatabase.password());
    env.put("TICKETDESK_DATA_DIR", Files.createTempDirectory("td-outage").toString());
    env.put("TICKETDESK_ADMIN_TOKEN", ADMIN);
    env.put("TICKETDESK_RATE_LIMIT", "0");
    jar = new RunningJar(env);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (jar != null) {
        jar.kill();
      }
    } finally {
      if (proxy != null) {
        proxy.close();
      }
      if (db != null) {
        db.close();
      }
    }
  }

  @Test
  void anOutageIsAnswered503AndTheServiceRecoversWithoutARestart() throws Exception {
    Workload load = new Workload(jar.base, ADMIN, "outage", 8101, 881001);
    String ticket;
    long outageMillis;
    int duringOutage503;
    try {
      load.start(4);
      awaitAcknowledged(load, 30);
      ticket = load.acknowledged.keySet().iterator().next();

      // The network to the database goes silent: statements and COMMITs sent from now on never
      // arrive; then every connection is reset and new ones are refused.
      proxy.freeze();
      Thread.sleep(2_000);
      proxy.cut();
      long outageStart = System.nanoTime();
      int before503 = load.count(503);

      Workload.Answer ready = awaitReady(503);
      assertStoreUnavailable(ready);
      Workload.Answer write =
          Workload.send(
              jar.base,
              "POST",
              "/api/v1/tickets/" + ticket + "/messages",
              load.seller,
              "{\"text\":\"during the outage\"}");
      assertStoreUnavailable(write);
      assertTrue(write.millis() < 30_000, "a write during the outage took " + write.millis());
      Workload.Answer read = Workload.send(jar.base, "GET", "/api/v1/tickets", load.seller, null);
      assertStoreUnavailable(read);
      assertEquals(
          200,
          Workload.send(jar.base, "GET", "/health", null, null).status(),
          "the process itself is alive");

      long remaining = OUTAGE_SECONDS * 1000L - (System.nanoTime() - outageStart) / 1_000_000;
      if (remaining > 0) {
        Thread.sleep(remaining);
      }
      duringOutage503 = load.count(503) - before503;
      proxy.restore();
      outageMillis = (System.nanoTime() - outageStart) / 1_000_000;

      // Recovery without a restart: ready again, and the writers are acknowledged again.
      awaitReady(200);
      int afterRestore = load.acknowledgedWrites();
      awaitAcknowledged(load, afterRestore + 20);
    } finally {
      proxy.restore();
      load.stop();
    }

    Set<String> stored = load.storedTexts();
    List<String> lost = load.lostWrites(stored);
    List<String> refusedButStored = load.refusedButStored(stored);
    System.out.printf(
        "RELIABILITY outage postgresql: outageMs=%d connectionsCut=%d connectionsRefused=%d "
            + "load503DuringOutage=%d %s lost=%d refusedButStored=%d%n",
        outageMillis,
        proxy.connectionsCut.get(),
        proxy.connectionsRefused.get(),
        duringOutage503,
        load.summary(),
        lost.size(),
        refusedButStored.size());
    assertEquals(List.of(), lost, "acknowledged writes lost in the outage");
    assertEquals(List.of(), refusedButStored, "writes refused with 5xx but stored");
    assertTrue(load.unexpected.isEmpty(), "unexpected answers: " + load.unexpected);
    assertTrue(load.count(503) > 0, "the load saw the outage: " + load.summary());
    assertTrue(
        load.slowest.get() < Workload.REQUEST_TIMEOUT.toMillis(),
        "no request hangs: " + load.summary());
  }

  @Test
  void twoAgentsAnsweringOneTicketWithTheSameIfMatchOneWins() throws Exception {
    Workload w = new Workload(jar.base, ADMIN, "race", 8102, 881002);
    String agentA = agent(w.sellerId);
    String agentB = agent(w.sellerId);
    String ticket =
        Workload.expect(
                201,
                Workload.send(
                    jar.base,
                    "POST",
                    "/api/v1/tickets",
                    w.buyer,
                    "{\"orderUnitIds\":[881002],\"reason\":\"product_defect\",\"message\":\"q\"}"))
            .json()
            .get("ticketNumber")
            .asText();
    int rounds = CrashRecoveryIT.setting("reliability.race.rounds.postgresql", 10);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= rounds; round++) {
        Workload.Answer current =
            Workload.expect(
                200, Workload.send(jar.base, "GET", "/api/v1/tickets/" + ticket, agentA, null));
        String etag = current.header("ETag");
        assertNotNull(etag);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Workload.Answer>> answers = new ArrayList<>();
        for (String agent : List.of(agentA, agentB)) {
          String text = "round " + round + " by " + (agent.equals(agentA) ? "A" : "B");
          answers.add(
              pool.submit(
                  () -> {
                    go.await();
                    return Workload.send(
                        jar.base,
                        "POST",
                        "/api/v1/tickets/" + ticket + "/messages",
                        agent,
                        "{\"text\":\"" + text + "\"}",
                        Map.of("If-Match", etag));
                  }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Workload.Answer> f : answers) {
          statuses.add(f.get(120, TimeUnit.SECONDS).status());
        }
        statuses.sort(null);
        assertEquals(List.of(201, 412), statuses, "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
    Workload.Answer messages =
        Workload.send(
            jar.base, "GET", "/api/v1/tickets/" + ticket + "/messages?limit=100", agentA, null);
    assertEquals(1 + rounds, messages.json().get("items").size(), "one message per round");
    System.out.printf("RELIABILITY if-match race postgresql: rounds=%d one winner each%n", rounds);
  }

  private static String agent(long sellerId) throws Exception {
    return Workload.expect(
            201,
            Workload.send(
                jar.base,
                "POST",
                "/api/v1/tokens",
                ADMIN,
                "{\"role\":\"seller\",\"sellerId\":" + sellerId + "}"))
        .json()
        .get("token")
        .asText();
  }

  private static void awaitAcknowledged(Workload load, int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (load.acknowledgedWrites() < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(load.acknowledgedWrites() >= atLeast, "load too slow: " + load.summary());
  }

  private static Workload.Answer awaitReady(int status) throws Exception {
    long deadline = System.nanoTime() + 90_000_000_000L;
    Workload.Answer a;
    do {
      a = Workload.send(jar.base, "GET", "/ready", null, null);
      if (a.status() == status) {
        return a;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        "/ready did not answer " + status + ": " + a.status() + " " + a.body());
  }

  private static void assertStoreUnavailable(Workload.Answer a) {
    assertEquals(503, a.status(), a.body());
    assertTrue(
        String.valueOf(a.header("Content-Type")).startsWith("application/problem+json"),
        String.valueOf(a.headers()));
    assertEquals(
        "https://ticketdesk.io/problems/store-unavailable", a.json().path("type").asText());
    assertNotNull(a.header("Retry-After"), "Retry-After");
  }
}
