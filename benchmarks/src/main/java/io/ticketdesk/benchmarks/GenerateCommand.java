package io.ticketdesk.benchmarks;

import io.ticketdesk.domain.TicketStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Migrates an empty database with the app's own migrations and fills it with a history. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Create the schema (the app jar's migrate command) and load a generated marketplace"
            + " history into PostgreSQL (COPY) or an embedded H2 database (JDBC batches).")
final class GenerateCommand implements Callable<Integer> {
  static final String H2_OPTIONS =
      "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  @Option(
      names = "--db-url",
      defaultValue = "${env:TICKETDESK_DB_URL}",
      description = "PostgreSQL JDBC URL. Env: TICKETDESK_DB_URL")
  String dbUrl;

  @Option(names = "--db-user", defaultValue = "${env:TICKETDESK_DB_USER}")
  String dbUser;

  @Option(names = "--db-password", defaultValue = "${env:TICKETDESK_DB_PASSWORD}")
  String dbPassword;

  @Option(
      names = "--data-dir",
      description =
          "Fill the embedded H2 database under this directory instead (as serve --data-dir).")
  Path dataDir;

  @Option(names = "--tickets", defaultValue = "1000000")
  long tickets;

  @Option(names = "--sellers", defaultValue = "1000")
  int sellers;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--now", description = "End of the two-year history (ISO instant; default: now).")
  Instant now;

  @Option(
      names = "--sample",
      defaultValue = "20000",
      description = "Tickets written to the manifest as load targets (default ${DEFAULT-VALUE}).")
  int sample;

  @Option(names = "--manifest", defaultValue = "bench-manifest.tsv")
  Path manifest;

  @Option(
      names = "--app-jar",
      defaultValue = "app/target/ticketdesk.jar",
      description = "The app jar whose migrate command creates the schema.")
  Path appJar;

  @Option(names = "--no-migrate", description = "The schema exists already; do not migrate.")
  boolean noMigrate;

  @Override
  public Integer call() throws Exception {
    if (sellers < 1 || tickets < 1 || tickets > 99_999_999L) {
      throw new IllegalArgumentException("need 1+ sellers and 1 to 99,999,999 tickets");
    }
    String vendor = dataDir != null ? "h2" : "postgresql";
    if (dataDir == null && (dbUrl == null || dbUrl.isBlank())) {
      throw new IllegalArgumentException("give --db-url (PostgreSQL) or --data-dir (H2)");
    }
    if (!noMigrate) {
      migrate();
    }
    Instant end = (now == null ? Instant.now() : now).truncatedTo(ChronoUnit.MICROS);
    try (Connection c = connect()) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM tickets")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          throw new IllegalStateException("the database already holds tickets; use an empty one");
        }
      }
      // PostgreSQL: indexes and foreign keys are built once after the load (a failed load leaves
      // a scratch database without them: drop it and generate again).
      DeferredIndexes deferred = vendor.equals("postgresql") ? DeferredIndexes.dropFrom(c) : null;
      Generator.Result result = load(c, vendor, end);
      if (deferred != null) {
        deferred.restore(c);
      }
      Manifest m = new Manifest();
      setSequences(c, result);
      issueTokens(c, result, m, end);
      System.err.println("ANALYZE …");
      try (Statement st = c.createStatement()) {
        st.execute("ANALYZE");
      }
      m.meta.put("vendor", vendor);
      m.meta.put("tickets", Long.toString(result.tickets));
      m.meta.put("sellers", Integer.toString(sellers));
      m.meta.put("now", end.toString());
      m.meta.put("seed", Long.toString(seed));
      for (Generator.Sample s : result.samples) {
        m.tickets.add(
            new Manifest.Ticket(
                s.number(),
                s.sellerId(),
                s.buyerId(),
                s.orderNumber(),
                s.status(),
                s.waitingOn(),
                s.topic(),
                s.createdAt(),
                s.closedFinally(),
                s.reason(),
                s.returnIntent(),
                s.currency(),
                s.units()));
      }
      m.write(manifest);
      System.out.printf(
          "generated %,d sellers, %,d orders, %,d order units, %,d tickets (%s), %,d ticket"
              + " units, %,d messages; biggest seller %,d tickets, smallest %,d%n",
          sellers,
          result.orders,
          result.orderUnits,
          result.tickets,
          statusMix(result),
          result.ticketUnits,
          result.messages,
          max(result.ticketsPerSeller),
          min(result.ticketsPerSeller));
      System.out.println("manifest: " + manifest.toAbsolutePath());
    }
    return 0;
  }

  private Generator.Result load(Connection c, String vendor, Instant end) throws Exception {
    Generator generator = new Generator(new Generator.Config(tickets, sellers, seed, end, sample));
    Progress progress = new Progress(System.err, "tickets", tickets);
    BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(4);
    Chunk done = new Chunk();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<Generator.Result> result = new AtomicReference<>();
    try (RowSink sink = RowSink.forConnection(c, vendor)) {
      Thread producer =
          new Thread(
              () -> {
                try {
                  result.set(
                      generator.generate(
                          chunk -> {
                            sink.prepare(chunk);
                            put(queue, chunk);
                          }));
                } catch (Throwable e) {
                  failure.set(e);
                } finally {
                  put(queue, done);
                }
              },
              "generator");
      producer.setDaemon(true);
      producer.start();
      long written = 0;
      while (true) {
        Chunk chunk = queue.take();
        if (chunk == done) {
          break;
        }
        sink.write(chunk);
        written += chunk.tickets;
        progress.update(written);
      }
      producer.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("generation failed", failure.get());
    }
    System.err.printf("loaded in %.1f s%n", progress.elapsedSeconds());
    return result.get();
  }

  private static void put(BlockingQueue<Chunk> queue, Chunk chunk) {
    try {
      queue.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sets the sequences past the generated values, as if the app had allocated them. */
  private void setSequences(Connection c, Generator.Result r) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("ALTER SEQUENCE seller_id_seq RESTART WITH " + (sellers + 1));
      st.execute("ALTER SEQUENCE ticket_number_seq RESTART WITH " + (r.tickets + 1));
      st.execute("ALTER SEQUENCE message_id_seq RESTART WITH " + (r.lastMessageId + 1));
    }
  }

  /**
   * One token per seller, one per buyer of a sampled ticket, one marketplace token: random {@code
   * tdk_} tokens stored as SHA-256 hex, as {@code AccessService} issues them.
   */
  private void issueTokens(Connection c, Generator.Result r, Manifest m, Instant at)
      throws SQLException {
    SecureRandom random = new SecureRandom();
    Set<Long> buyers = new LinkedHashSet<>();
    for (Generator.Sample s : r.samples) {
      buyers.add(s.buyerId());
    }
    List<Object[]> rows = new ArrayList<>();
    m.marketplaceToken = token(random);
    rows.add(new Object[] {hash(m.marketplaceToken), "marketplace", null, null, "benchmark", at});
    for (long id = 1; id <= sellers; id++) {
      String t = token(random);
      m.sellerTokens.put(id, t);
      m.sellerTickets.put(id, r.ticketsPerSeller[(int) id]);
      rows.add(new Object[] {hash(t), "seller", id, null, "benchmark seller " + id, at});
    }
    for (long id : buyers) {
      String t = token(random);
      m.buyerTokens.put(id, t);
      rows.add(new Object[] {hash(t), "buyer", null, id, "benchmark buyer " + id, at});
    }
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(Table.ACCESS_TOKENS.insertSql())) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          Object v = row[i];
          ps.setObject(i + 1, v instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : v);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
  }

  static String token(SecureRandom random) {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    return "tdk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** As {@code AccessService.hash}: SHA-256 of the UTF-8 token, lower-case hex. */
  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void migrate() throws Exception {
    if (!Files.isRegularFile(appJar)) {
      throw new IllegalStateException(
          appJar + " is missing: build the app first (./mvnw -DskipTests package)");
    }
    List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-jar", appJar.toString(), "migrate"));
    ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
    Map<String, String> env = pb.environment();
    env.remove("TICKETDESK_DB_URL");
    env.remove("TICKETDESK_DB_USER");
    env.remove("TICKETDESK_DB_PASSWORD");
    if (dataDir != null) {
      cmd.add("--data-dir");
      cmd.add(dataDir.toString());
      pb.command(cmd);
    } else {
      env.put("TICKETDESK_DB_URL", dbUrl);
      if (dbUser != null) {
        env.put("TICKETDESK_DB_USER", dbUser);
      }
      if (dbPassword != null) {
        env.put("TICKETDESK_DB_PASSWORD", dbPassword);
      }
    }
    System.err.println("migrating: " + String.join(" ", cmd));
    int rc = pb.start().waitFor();
    if (rc != 0) {
      throw new IllegalStateException("migrate failed with exit code " + rc);
    }
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String h2Url(Path dataDir) {
    return "jdbc:h2:file:"
        + dataDir.toAbsolutePath().normalize().resolve("ticketdesk")
        + ";"
        + H2_OPTIONS;
  }

  Connection connect() throws SQLException {
    if (dataDir != null) {
      return DriverManager.getConnection(h2Url(dataDir), "sa", "");
    }
    return DriverManager.getConnection(dbUrl, dbUser, dbPassword);
  }

  private static String statusMix(Generator.Result r) {
    StringBuilder sb = new StringBuilder();
    for (TicketStatus s : TicketStatus.values()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(
          String.format("%.1f%% %s", 100.0 * r.statusCounts[s.ordinal()] / r.tickets, s.wire()));
    }
    return sb.toString();
  }

  private static long max(long[] a) {
    long m = Long.MIN_VALUE;
    for (int i = 1; i < a.length; i++) {
      m = Math.max(m, a[i]);
    }
    return m;
  }

  private static long min(long[] a) {
    long m = Long.MAX_VALUE;
    for (int i = 1; i < a.length; i++) {
      m = Math.min(m, a[i]);
    }
    return m;
  }
}
