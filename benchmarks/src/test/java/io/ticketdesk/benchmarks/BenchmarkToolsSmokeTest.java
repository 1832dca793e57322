package io.ticketdesk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small-size runs of the generator (2,000 tickets into a throwaway H2 file with the app's schema)
 * and of the load driver (against a stub server that checks the requests), so the tools cannot rot.
 * The full benchmark is {@code bench/run.sh}, never part of the build.
 */
class BenchmarkToolsSmokeTest {
  private static final Path MIGRATIONS =
      Path.of("..", "adapters-persistence", "src", "main", "resources", "db", "migration");
  private static final int TICKETS = 2_000;
  private static final int SELLERS = 50;

  @TempDir static Path dir;
  static Path dataDir;
  static Path manifest;

  @BeforeAll
  static void generate() throws Exception {
    dataDir = dir.resolve("data");
    manifest = dir.resolve("manifest.tsv");
    try (Connection c = DriverManager.getConnection(GenerateCommand.h2Url(dataDir), "sa", "")) {
      applyMigrations(c);
    }
    int rc =
        Main.commandLine()
            .execute(
                "generate",
                "--data-dir",
                dataDir.toString(),
                "--no-migrate",
                "--tickets",
                Integer.toString(TICKETS),
                "--sellers",
                Integer.toString(SELLERS),
                "--now",
                "2026-06-01T00:00:00Z",
                "--manifest",
                manifest.toString());
    assertEquals(0, rc, "generate exit code");
  }

  /** The app's Flyway scripts for H2 (common + h2), in version order, as plain SQL. */
  private static void applyMigrations(Connection c) throws IOException, SQLException {
    List<Path> scripts = new ArrayList<>();
    for (String folder : List.of("common", "h2")) {
      try (Stream<Path> files = Files.list(MIGRATIONS.resolve(folder))) {
        files.filter(p -> p.getFileName().toString().endsWith(".sql")).forEach(scripts::add);
      }
    }
    scripts.sort(Comparator.comparingInt(BenchmarkToolsSmokeTest::version));
    try (Statement st = c.createStatement()) {
      for (Path script : scripts) {
        StringBuilder sql = new StringBuilder();
        for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
          if (!line.strip().startsWith("--")) {
            sql.append(line).append('\n');
          }
        }
        for (String statement : sql.toString().split(";\\s*\n")) {
          if (!statement.isBlank()) {
            st.execute(statement);
          }
        }
      }
    }
  }

  private static int version(Path script) {
    String name = script.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void rows_have_the_applications_formats() throws Exception {
    try (Connection c = DriverManager.getConnection(GenerateCommand.h2Url(dataDir), "sa", "")) {
      assertEquals(TICKETS, count(c, "SELECT COUNT(*) FROM tickets"));
      assertEquals(SELLERS, count(c, "SELECT COUNT(*) FROM sellers"));
      assertTrue(count(c, "SELECT COUNT(*) FROM messages") >= 3L * TICKETS, "≥ 3 messages/ticket");
      assertEquals(
          0,
          count(
              c,
              "SELECT COUNT(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_units u"
                  + " WHERE u.seller_id = t.seller_id AND u.ticket_number = t.ticket_number)"));
      assertEquals(
          0,
          count(
              c,
              "SELECT COUNT(*) FROM ticket_units tu WHERE NOT EXISTS (SELECT 1 FROM order_units"
                  + " ou WHERE ou.seller_id = tu.seller_id AND ou.order_unit_id ="
                  + " tu.order_unit_id)"));
      assertEquals(
          0,
          count(
              c,
              "SELECT COUNT(*) FROM tickets WHERE (status = 'open' AND (open_since IS NULL OR"
                  + " response_due_at IS NULL)) OR (status <> 'open' AND response_due_at IS NOT"
                  + " NULL) OR ((status = 'waiting') <> (waiting_on IS NOT NULL))"
                  + " OR (first_response_at IS NOT NULL AND first_response_due_at IS NULL)"
                  + " OR ((first_response_at IS NULL) <> (first_response_working_micros IS"
                  + " NULL)) OR version < 1"));
      for (String status : List.of("open", "waiting", "closed")) {
        assertTrue(
            count(c, "SELECT COUNT(*) FROM tickets WHERE status = '" + status + "'") > 0, status);
      }
      assertTrue(count(c, "SELECT COUNT(*) FROM tickets WHERE first_response_at IS NOT NULL") > 0);
      Pattern number = Pattern.compile("^001\\d{8}$");
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT ticket_number FROM tickets")) {
        while (rs.next()) {
          assertTrue(number.matcher(rs.getString(1)).matches(), rs.getString(1));
        }
      }
      assertEquals("00100002000", string(c, "SELECT MAX(ticket_number) FROM tickets"));
      assertEquals(TICKETS + 1, count(c, "SELECT NEXT VALUE FOR ticket_number_seq"));
      assertEquals(
          count(c, "SELECT MAX(message_id) FROM messages") + 1,
          count(c, "SELECT NEXT VALUE FOR message_id_seq"));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM tickets WHERE reason <> LOWER(reason)"));
      Manifest m = Manifest.read(manifest);
      String sellerToken = m.sellerTokens.get(1L);
      assertEquals(
          1,
          count(
              c,
              "SELECT COUNT(*) FROM access_tokens WHERE role = 'seller' AND seller_id = 1 AND"
                  + " token_hash = '"
                  + GenerateCommand.hash(sellerToken)
                  + "'"));
      assertEquals(
          1L + SELLERS + m.buyerTokens.size(), count(c, "SELECT COUNT(*) FROM access_tokens"));
    }
  }

  private static String string(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void the_driver_sends_every_scenario_with_the_right_token() throws Exception {
    Manifest m = Manifest.read(manifest);
    Map<String, String> validTokens = new ConcurrentHashMap<>();
    m.sellerTokens.values().forEach(t -> validTokens.put("Bearer " + t, "seller"));
    m.buyerTokens.values().forEach(t -> validTokens.put("Bearer " + t, "buyer"));
    Map<String, Long> sellerOfToken = new ConcurrentHashMap<>();
    m.sellerTokens.forEach((id, t) -> sellerOfToken.put("Bearer " + t, id));
    Map<String, Manifest.Ticket> tickets = new ConcurrentHashMap<>();
    m.tickets.forEach(t -> tickets.put(t.number(), t));
    Set<String> idempotencyKeys = ConcurrentHashMap.newKeySet();
    Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
    Pattern ticket = Pattern.compile("^/api/v1/tickets/001\\d{8}$");
    Pattern messages = Pattern.compile("^/api/v1/tickets/(001\\d{8})/messages$");
    Pattern refunds = Pattern.compile("^/api/v1/tickets/(001\\d{8})/refunds$");
    HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String query = exchange.getRequestURI().getRawQuery();
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          boolean post = exchange.getRequestMethod().equals("POST");
          Matcher reply = messages.matcher(path);
          Matcher refund = refunds.matcher(path);
          String kind;
          int invalid = 0;
          if (post && reply.matches()) {
            kind = "reply";
            Manifest.Ticket t = tickets.get(reply.group(1));
            boolean offers = body.contains("\"returnOptions\":[{\"type\":\"label_in_package\"}]");
            if (t == null || !body.startsWith("{\"text\":\"")) {
              invalid = 400;
            } else if (sellerOfToken.containsKey(auth) && t.returnRequest() && !offers) {
              invalid = 422; // return-option-required, as the policy's guard answers
            } else if (offers && (!sellerOfToken.containsKey(auth) || !t.returnRequest())) {
              invalid = 400; // only the seller offers options, and only on return requests
            } else if (offers) {
              seen.computeIfAbsent("reply with return option", k -> new AtomicLong())
                  .incrementAndGet();
            }
          } else if (post && refund.matches()) {
            kind = "refund";
            invalid =
                checkRefund(tickets.get(refund.group(1)), exchange, auth, body, sellerOfToken);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (invalid == 0 && !idempotencyKeys.add(key)) {
              invalid = 409; // a repeated key would be replayed, not refunded
            }
          } else if (ticket.matcher(path).matches()) {
            kind = "lookup";
          } else if (path.equals("/api/v1/tickets") && query.startsWith("q=")) {
            kind = "search";
          } else if ("status=open&sort=due&limit=50".equals(query)) {
            kind = "inbox";
          } else if (query != null && query.matches("topic=[a-z_]+&createdFrom=.+&createdTo=.+")) {
            kind = "filter";
          } else {
            kind = "unknown";
          }
          boolean created = kind.equals("reply") || kind.equals("refund");
          int status = validTokens.containsKey(auth) ? (created ? 201 : 200) : 401;
          if (kind.equals("unknown")) {
            status = 400;
          } else if (invalid != 0 && status != 401) {
            status = invalid;
          }
          seen.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    stub.start();
    try {
      Path out = dir.resolve("api.tsv");
      int rc =
          Main.commandLine()
              .execute(
                  "load",
                  "--base-url",
                  "http://127.0.0.1:" + stub.getAddress().getPort(),
                  "--manifest",
                  manifest.toString(),
                  "--concurrency",
                  "2",
                  "--warmup",
                  "0s",
                  "--duration",
                  "1s",
                  "--out",
                  out.toString());
      assertEquals(0, rc, "load exit code");
      List<String> lines = Files.readAllLines(out);
      assertEquals(1 + Scenario.ALL.size(), lines.size(), String.join("\n", lines));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t");
        assertEquals("0", f[6], "errors in " + line);
        assertTrue(Long.parseLong(f[7]) > 0, "requests in " + line);
      }
      assertTrue(!seen.containsKey("unknown"), "unexpected requests: " + seen);
      assertTrue(seen.containsKey("refund"), "refunds: " + seen);
      assertTrue(seen.containsKey("reply with return option"), "return options: " + seen);
    } finally {
      stub.stop(0);
    }
  }

  /**
   * As the server would refuse it: 0 for a valid refund of the owning seller (a unit of the ticket,
   * a positive amount in its currency, a reason, an Idempotency-Key), else the status.
   */
  private static int checkRefund(
      Manifest.Ticket t,
      com.sun.net.httpserver.HttpExchange exchange,
      String auth,
      String body,
      Map<String, Long> sellerOfToken) {
    if (t == null) {
      return 404;
    }
    Long seller = sellerOfToken.get(auth);
    if (seller == null || seller != t.sellerId()) {
      return seller == null ? 403 : 404;
    }
    if ("closed".equals(t.status())) {
      return 409; // ticket-closed
    }
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    if (key == null || !key.matches("[!-~]{1,200}")) {
      return 400;
    }
    if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      return 415;
    }
    Matcher b =
        Pattern.compile(
                "^\\{\"orderUnitId\":(\\d+),\"amount\":\\{\"amount\":(\\d+),\"currency\":\"([A-Z]{3})\"\\},"
                    + "\"reason\":\"([a-z_]+)\"\\}$")
            .matcher(body);
    if (!b.matches()) {
      return 400;
    }
    long unit = Long.parseLong(b.group(1));
    long amount = Long.parseLong(b.group(2));
    Manifest.Unit u = t.units().stream().filter(x -> x.id() == unit).findFirst().orElse(null);
    if (u == null) {
      return 404; // not a unit of this ticket
    }
    if (!b.group(3).equals(t.currency()) || amount < 1) {
      return 400;
    }
    return amount > u.price() ? 422 : 0; // refund-exceeds-remaining
  }

  @Test
  void the_manifest_reads_format_1_and_round_trips_format_2() throws Exception {
    Manifest m = Manifest.read(manifest);
    assertEquals(Manifest.FORMAT, m.format());
    assertTrue(m.tickets.stream().allMatch(t -> !t.units().isEmpty() && t.currency() != null));
    assertTrue(m.tickets.stream().anyMatch(Manifest.Ticket::returnRequest));
    assertTrue(m.tickets.stream().anyMatch(t -> t.units().size() > 1));
    Path copy = dir.resolve("copy.tsv");
    m.write(copy);
    assertEquals(Files.readAllLines(manifest), Files.readAllLines(copy));
    // A manifest written before formats were numbered: ten fields per ticket line.
    Path old = dir.resolve("format-1.tsv");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(manifest)) {
      if (line.startsWith("meta\tformat\t")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      lines.add(f[0].equals("ticket") ? String.join("\t", List.of(f).subList(0, 10)) : line);
    }
    Files.write(old, lines);
    Manifest m1 = Manifest.read(old);
    assertEquals(1, m1.format());
    assertEquals(m.tickets.size(), m1.tickets.size());
    Manifest.Ticket t = m1.tickets.get(0);
    assertEquals(m.tickets.get(0).number(), t.number());
    assertEquals(null, t.reason());
    assertTrue(t.units().isEmpty());
    assertEquals(Scenario.LOOKUP.targets(m1).size(), m1.tickets.size());
    assertThrows(IllegalStateException.class, () -> Scenario.REFUND.targets(m1));
  }
}
