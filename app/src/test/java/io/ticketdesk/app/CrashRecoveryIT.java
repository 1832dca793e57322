package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost when the server process dies: the real fat jar runs under a write
 * load (threads opening tickets and posting messages), is killed with SIGKILL, restarted on the
 * same database, and every write that was answered 2xx must be readable afterwards. Runs on the
 * embedded H2 database (files in a temporary data directory) and on PostgreSQL.
 *
 * <p>Size (system properties or environment variables): {@code reliability.crash.cycles} / {@code
 * RELIABILITY_CRASH_CYCLES} kills per database (default 1), {@code reliability.load.seconds} /
 * {@code RELIABILITY_LOAD_SECONDS} load before each kill (default 3), {@code
 * reliability.load.threads} / {@code RELIABILITY_LOAD_THREADS} writers (default 4). See
 * docs/reliability.md for the longer command.
 */
class CrashRecoveryIT {
  private static final String ADMIN = "crash-admin-token";
  static final int CYCLES = setting("reliability.crash.cycles", 1);
  static final int LOAD_SECONDS = setting("reliability.load.seconds", 3);
  static final int THREADS = setting("reliability.load.threads", 4);

  static int setting(String property, int fallback) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(property.toUpperCase().replace('.', '_'));
    }
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
  }

  @Test
  void acknowledgedWritesSurviveSigkillOnTheEmbeddedDatabase() throws Exception {
    Path dataDir = Files.createTempDirectory("td-crash-h2");
    Map<String, String> env = new HashMap<>();
    env.put("TICKETDESK_DATA_DIR", dataDir.toString());
    env.put("TICKETDESK_ADMIN_TOKEN", ADMIN);
    env.put("TICKETDESK_RATE_LIMIT", "0");
    killUnderLoadAndRestart("h2", env);
  }

  @Test
  void acknowledgedWritesSurviveSigkillOnPostgresql() throws Exception {
    try (PgTestDatabase db = PgTestDatabase.create("crash_")) {
      Map<String, String> env = new HashMap<>();
      env.put("TICKETDESK_DB_URL", db.jdbcUrl(null));
      env.put("TICKETDESK_DB_USER", PgTestDatabase.user());
      env.put("TICKETDESK_DB_PASSWORD", PgTestDatabase.password());
      env.put("TICKETDESK_DATA_DIR", Files.createTempDirectory("td-crash-pg").toString());
      env.put("TICKETDESK_ADMIN_TOKEN", ADMIN);
      env.put("TICKETDESK_RATE_LIMIT", "0");
      killUnderLoadAndRestart("postgresql", env);
    }
  }

  private static void killUnderLoadAndRestart(String vendor, Map<String, String> env)
      throws Exception {
    RunningJar jar = null;
    Workload load = null;
    try {
      jar = new RunningJar(env);
      load = new Workload(jar.base, ADMIN, "crash" + vendor, 8001, 880001);
      int unanswered = 0;
      for (int cycle = 1; cycle <= CYCLES; cycle++) {
        int before = load.acknowledgedWrites();
        load.start(THREADS);
        // Load for the configured time (randomised a little), and at least until some writes of
        // this cycle were acknowledged, so that a slow machine still kills a server under load.
        long until =
            System.nanoTime()
                + (long) (LOAD_SECONDS * 1e9 * ThreadLocalRandom.current().nextDouble(0.7, 1.0));
        long cap = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until
            || (load.acknowledgedWrites() < before + 20 && System.nanoTime() < cap)) {
          Thread.sleep(50);
        }
        jar.kill(); // SIGKILL while the writers are busy
        load.stop();
        jar = new RunningJar(env);
        load.base = jar.base;
        Set<String> stored = load.storedTexts();
        List<String> lost = load.lostWrites(stored);
        System.out.printf(
            "RELIABILITY crash %s cycle %d/%d: %s lost=%d%n",
            vendor, cycle, CYCLES, load.summary(), lost.size());
        assertEquals(List.of(), lost, "acknowledged writes lost after SIGKILL on " + vendor);
        assertEquals(List.of(), load.refusedButStored(stored), "refused with 5xx but stored");
        assertTrue(load.unexpected.isEmpty(), "unexpected answers: " + load.unexpected);
        unanswered = load.unanswered.size();
      }
      assertTrue(load.acknowledgedWrites() >= 20 * CYCLES, load.summary());
      System.out.printf(
          "RELIABILITY crash %s total: kills=%d threads=%d acknowledged=%d lost=0 unanswered=%d%n",
          vendor, CYCLES, THREADS, load.acknowledgedWrites(), unanswered);
    } finally {
      if (load != null) {
        load.stop();
      }
      if (jar != null) {
        jar.kill();
      }
    }
  }
}
