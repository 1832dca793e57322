package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;

/**
 * Several Ticketdesk nodes (the fat jar, one process each) on one PostgreSQL database of their own,
 * reached through PgBouncer in transaction pooling mode, behind HAProxy: the checked-in configs
 * {@code ops/pgbouncer.ini} and {@code ops/haproxy.cfg}, each daemon on a random port.
 */
final class Cluster implements AutoCloseable {
  final String database;
  final String directUrl;
  private final String adminUrl;
  private final Path dir;
  private Daemon pgbouncer;
  private final List<Daemon> haproxies = new ArrayList<>();
  final List<RunningJar> nodes = new ArrayList<>();

  private Cluster(String adminUrl, String database, Path dir) {
    this.adminUrl = adminUrl;
    this.database = database;
    this.directUrl = adminUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + database);
    this.dir = dir;
  }

  /**
   * A fresh database in the test PostgreSQL; skips the test when PostgreSQL, HAProxy or PgBouncer
   * are missing, or fails it when TICKETDESK_TEST_PG_REQUIRED=true.
   */
  static Cluster create() throws Exception {
    String url = System.getenv("TICKETDESK_TEST_PG_URL");
    boolean required = "true".equalsIgnoreCase(System.getenv("TICKETDESK_TEST_PG_REQUIRED"));
    List<String> missing = new ArrayList<>();
    if (url == null || url.isBlank()) {
      missing.add("TICKETDESK_TEST_PG_URL");
    }
    for (String exe : List.of("haproxy", "pgbouncer")) {
      if (Daemon.executable(exe).isEmpty()) {
        missing.add(exe + " (apt-get install -y haproxy pgbouncer)");
      }
    }
    if (!missing.isEmpty()) {
      if (required) {
        fail("TICKETDESK_TEST_PG_REQUIRED=true but missing: " + missing);
      }
      System.err.println("\n*** SKIPPING the multi-instance test: missing " + missing + " ***\n");
      Assumptions.abort("missing " + missing);
    }
    String name = "td_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = connect(url);
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    Path dir = Files.createTempDirectory("td-cluster");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new Cluster(url, name, dir);
  }

  static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(
        url,
        System.getenv("TICKETDESK_TEST_PG_USER"),
        System.getenv("TICKETDESK_TEST_PG_PASSWORD"));
  }

  Connection connect() throws SQLException {
    return connect(directUrl);
  }

  /** PgBouncer in transaction pooling mode in front of the test PostgreSQL. */
  void startPgBouncer() throws Exception {
    int port = Daemon.freePort();
    String authority = adminUrl.replaceFirst("^jdbc:postgresql://", "").split("/", 2)[0];
    int colon = authority.lastIndexOf(':');
    String host = colon < 0 ? authority : authority.substring(0, colon);
    String pgPort = colon < 0 ? "5432" : authority.substring(colon + 1);
    Path users = dir.resolve("userlist.txt");
    Files.writeString(
        users,
        "\"%s\" \"%s\"\n"
            .formatted(
                System.getenv("TICKETDESK_TEST_PG_USER"),
                System.getenv("TICKETDESK_TEST_PG_PASSWORD")));
    Path ini = dir.resolve("pgbouncer.ini");
    Files.writeString(
        ini,
        Daemon.template(
            "pgbouncer.ini",
            Map.of(
                "pg_host",
                host,
                "pg_port",
                pgPort,
                "listen_port",
                String.valueOf(port),
                "auth_file",
                users.toString())));
    for (Path f : List.of(users, ini)) {
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    }
    List<String> cmd = new ArrayList<>(List.of(Daemon.executable("pgbouncer").get().toString()));
    if ("root".equals(System.getProperty("user.name"))) {
      cmd.addAll(List.of("-u", "nobody")); // PgBouncer refuses to run as root
    }
    cmd.add(ini.toString());
    pgbouncer = Daemon.start(cmd, port);
  }

  /** The JDBC URL of the database through PgBouncer: no server-side prepared statements. */
  String pooledUrl() {
    return "jdbc:postgresql://127.0.0.1:" + pgbouncer.port + "/" + database + "?prepareThreshold=0";
  }

  /** The environment of a node; {@code url} is the direct or the pooled URL. */
  Map<String, String> env(String node, String url) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("TICKETDESK_DB_URL", url);
    env.put("TICKETDESK_DB_USER", System.getenv("TICKETDESK_TEST_PG_USER"));
    env.put("TICKETDESK_DB_PASSWORD", System.getenv("TICKETDESK_TEST_PG_PASSWORD"));
    env.put("TICKETDESK_DB_POOL_SIZE", "5");
    env.put("TICKETDESK_DATA_DIR", Files.createTempDirectory(dir, node).toString());
    env.put("TICKETDESK_NODE_NAME", node);
    env.put("TICKETDESK_RATE_LIMIT", "0");
    return env;
  }

  /** Starts one node per environment, all at once, and waits until each is ready. */
  void startNodes(List<Map<String, String>> envs) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(envs.size());
    try {
      List<Future<RunningJar>> starting = new ArrayList<>();
      for (Map<String, String> env : envs) {
        starting.add(pool.submit(() -> new RunningJar(env, "--host", "127.0.0.1")));
      }
      for (Future<RunningJar> f : starting) {
        nodes.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  /** HAProxy in front of the running nodes; returns its base URL. */
  String startHaproxy(int ratePer10s) throws Exception {
    int port = Daemon.freePort();
    StringBuilder servers = new StringBuilder();
    for (int i = 0; i < nodes.size(); i++) {
      String hostPort = nodes.get(i).base.replaceFirst("^http://", "");
      servers.append("    server node-").append(i + 1).append(' ').append(hostPort);
      servers.append(" check\n");
    }
    Path cfg = dir.resolve("haproxy-" + port + ".cfg");
    Files.writeString(
        cfg,
        Daemon.template(
            "haproxy.cfg",
            Map.of(
                "listen_port", String.valueOf(port),
                "rate_per_10s", String.valueOf(ratePer10s),
                "servers", servers.toString().stripTrailing())));
    Daemon haproxy =
        Daemon.start(
            List.of(Daemon.executable("haproxy").get().toString(), "-db", "-f", cfg.toString()),
            port);
    haproxies.add(haproxy);
    String base = "http://127.0.0.1:" + port;
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (Workload.send(base, "GET", "/ready", null, null).status() != 200) {
      assertTrue(System.nanoTime() < deadline, "HAProxy found no ready node:\n" + haproxy.output());
      Thread.sleep(100);
    }
    return base;
  }

  String logs() {
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < nodes.size(); i++) {
      all.append("--- node ").append(i + 1).append('\n').append(nodes.get(i).output()).append('\n');
    }
    for (Daemon haproxy : haproxies) {
      all.append("--- haproxy\n").append(haproxy.output()).append('\n');
    }
    if (pgbouncer != null) {
      all.append("--- pgbouncer\n").append(pgbouncer.output()).append('\n');
    }
    return all.toString();
  }

  @Override
  public void close() throws Exception {
    for (RunningJar node : nodes) {
      node.kill();
    }
    for (Daemon haproxy : haproxies) {
      haproxy.close();
    }
    if (pgbouncer != null) {
      pgbouncer.close();
    }
    try (Connection c = connect(adminUrl);
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }
}
