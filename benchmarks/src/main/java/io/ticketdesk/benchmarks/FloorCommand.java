package io.ticketdesk.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The floor: the SQL each scenario makes the server send, driven by pgbench at the same concurrency
 * on the same machine, so the API figures read as a ratio to what PostgreSQL alone can do here.
 *
 * <p>Before each run it stores the targets in a helper table {@code bench_floor_<scenario>}
 * (dropped afterwards): one row per target with the seller, its token hash, the ticket, its order,
 * whether it is a return request (reply: the seller's answer offers a return option), the unit a
 * refund takes from with its currency, and, as array literals, the distinct order numbers of the
 * page the scenario's ticket query returns ({@code ba}: the buyer names the server reads for them)
 * and its return-policy keys ({@code pa}, {@code aa}). Each keyed read binds one array, as the
 * server does ({@code = ANY(:ba::varchar[])}): a list of single parameters gets another generic
 * plan (on 2026-12-05, with V26, one that read every order of the seller). The script picks a row
 * with {@code \set i random(…)} and {@code \gset} — one extra primary-key lookup per transaction
 * that the server does not make.
 */
@Command(
    name = "floor",
    mixinStandardHelpOptions = true,
    description =
        "Run each scenario's SQL with pgbench (prepared statements, same concurrency) and print"
            + " the floor beside the API figures.")
final class FloorCommand implements Callable<Integer> {
  @Option(
      names = "--db-url",
      defaultValue = "${env:TICKETDESK_DB_URL}",
      description = "PostgreSQL JDBC URL of the generated database.")
  String dbUrl;

  @Option(names = "--db-user", defaultValue = "${env:TICKETDESK_DB_USER}")
  String dbUser;

  @Option(names = "--db-password", defaultValue = "${env:TICKETDESK_DB_PASSWORD}")
  String dbPassword;

  @Option(names = "--manifest", defaultValue = "bench-manifest.tsv")
  Path manifest;

  @Option(names = "--pgbench", defaultValue = "pgbench")
  String pgbench;

  @Option(names = "--concurrency", defaultValue = "16")
  int concurrency;

  @Option(names = "--threads", defaultValue = "2", description = "pgbench -j")
  int threads;

  @Option(names = "--duration", defaultValue = "60s")
  String duration;

  @Option(names = "--warmup", defaultValue = "15s")
  String warmup;

  @Option(names = "--targets", defaultValue = "5000", description = "Targets per scenario.")
  int targets;

  @Option(
      names = "--scenario",
      defaultValue = "all",
      split = ",",
      description = "all, lookup, search, inbox, filter, reply, refund")
  List<String> scenarios;

  @Option(names = "--api-results", description = "The TSV of load --out, printed beside.")
  Path apiResults;

  @Option(names = "--out", description = "Write the combined table (Markdown) here too.")
  Path out;

  @Option(names = "--keep-scripts", description = "Keep the pgbench scripts in this directory.")
  Path scriptDir;

  /**
   * A page on PostgreSQL is one statement since V23: the tickets with their order unit ids ({@code
   * JdbiTickets.search}, {@code WITH_UNITS}); this is its select list and table.
   */
  static final String PAGE_SQL =
      "SELECT t.*, ARRAY(SELECT u.order_unit_id FROM ticket_units u WHERE u.seller_id ="
          + " t.seller_id AND u.ticket_number = t.ticket_number ORDER BY u.pos) AS unit_ids"
          + " FROM tickets t WHERE 1 = 1";

  /** What the floor needs to know of a page's tickets: numbers and return-policy inputs. */
  private static final String PAGE_COLUMNS =
      "SELECT ticket_number, order_number, reason, return_intent, first_response_at IS NOT NULL";

  /** The helper table's columns before the page's order numbers ({@code b0}, …). */
  private static final int FIXED_COLUMNS = 14;

  static final String ORDER_SQL =
      "SELECT * FROM orders WHERE seller_id = :s AND order_number = :o;";
  static final String ORDER_UNITS_SQL =
      "SELECT * FROM order_units WHERE seller_id = :s AND order_number = :o ORDER BY pos;";

  /**
   * The buyers' names of a page or a ticket ({@code BuyerNameService}: {@code Orders.buyerNames},
   * one array of the distinct order numbers per seller on the page).
   */
  static final String BUYER_NAMES_SQL =
      "SELECT order_number, buyer_name FROM orders WHERE seller_id = :s AND order_number ="
          + " ANY(:ba::varchar[]);";

  /** The system message of a refund, as long as the server's (the unit's title varies). */
  static final String REFUND_MESSAGE =
      "Partial refund of 0.01 EUR on order unit 100026672 (Cast iron pan 28 cm, EAN"
          + " 4086970983712) by the seller — reason: other_refund; cost borne by: seller."
          + " Refunded so far: 0.01 EUR of 106.56 EUR.";

  /**
   * A single ticket with its order unit ids, as {@code JdbiTickets.find} reads it since the lookup
   * lost its units round trip.
   */
  static final String TICKET_SQL =
      "SELECT t.*, ARRAY(SELECT u.order_unit_id FROM ticket_units u WHERE u.seller_id ="
          + " t.seller_id AND u.ticket_number = t.ticket_number ORDER BY u.pos) AS unit_ids"
          + " FROM tickets t WHERE t.seller_id = :s AND t.ticket_number = :n";

  /**
   * The return-policy state of a page ({@code ReturnPolicyService.states}): the orders of its
   * return requests and the outcomes of the answered ones, one array of keys each (padded like the
   * units; skipped, as by the server, when the page has none).
   */
  static final String POLICY_ORDER_UNITS_SQL =
      "SELECT * FROM order_units WHERE seller_id = :s AND order_number = ANY(:pa::varchar[])"
          + " ORDER BY order_number, pos;";

  static final String POLICY_ORDERS_SQL =
      "SELECT * FROM orders WHERE seller_id = :s AND order_number = ANY(:pa::varchar[]);";
  static final String POLICY_OUTCOMES_SQL =
      "SELECT * FROM return_policy_outcomes WHERE seller_id = :s AND ticket_number ="
          + " ANY(:aa::varchar[]);";

  /** A pgbench result. */
  record Floor(String scenario, double tps, Histogram histogram, long failed) {
    double ms(double p) {
      return histogram.getValueAtPercentile(p) / 1000.0;
    }
  }

  @Override
  public Integer call() throws Exception {
    Manifest m = Manifest.read(manifest);
    List<Scenario> list = Scenario.parse(scenarios);
    Map<String, String[]> api = readApi();
    Path dir = scriptDir != null ? scriptDir : Files.createTempDirectory("ticketdesk-floor");
    Files.createDirectories(dir);
    List<Floor> floors = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
      for (Scenario scenario : list) {
        int n = prepareTargets(c, m, scenario);
        Path script = dir.resolve(scenario.wire() + ".sql");
        Files.writeString(script, script(scenario), StandardCharsets.UTF_8);
        System.err.printf(
            "floor %s: %d targets, pgbench -c %d -j %d, warm-up %s, measuring %s …%n",
            scenario.wire(), n, concurrency, threads, warmup, duration);
        runPgbench(script, n, LoadCommand.parse(warmup), null);
        Path logs = Files.createTempDirectory(dir, "log-" + scenario.wire());
        Floor f = runPgbench(script, n, LoadCommand.parse(duration), logs);
        Floor named = new Floor(scenario.wire(), f.tps(), f.histogram(), f.failed());
        floors.add(named);
        System.err.printf(
            "floor %s: %,.0f tps, p50 %.2f ms, p99 %.2f ms%n",
            scenario.wire(), named.tps(), named.ms(50), named.ms(99));
        try (Statement st = c.createStatement()) {
          st.execute("DROP TABLE IF EXISTS bench_floor_" + scenario.wire());
        }
      }
    }
    String table = table(floors, api);
    System.out.println();
    System.out.print(table);
    if (out != null) {
      Files.writeString(out, table, StandardCharsets.UTF_8);
    }
    return 0;
  }

  private Map<String, String[]> readApi() throws IOException {
    Map<String, String[]> api = new LinkedHashMap<>();
    if (apiResults != null && Files.exists(apiResults)) {
      for (String line : Files.readAllLines(apiResults)) {
        String[] f = line.split("\t");
        if (!f[0].equals("scenario")) {
          api.put(f[0], f);
        }
      }
    }
    return api;
  }

  String table(List<Floor> floors, Map<String, String[]> api) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Concurrency %d. API = HTTP through the server; floor = the same SQL by pgbench"
                + " (-M prepared). Latencies in ms.%n%n",
            concurrency));
    sb.append(
        "| scenario | API req/s | API p50 | API p95 | API p99 | floor tps | floor p50 | floor p95 |"
            + " floor p99 | API/floor throughput | API p99 − floor p99 |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Floor f : floors) {
      String[] a = api.get(f.scenario());
      double apiTps = a == null ? Double.NaN : Double.parseDouble(a[1]);
      double apiP99 = a == null ? Double.NaN : Double.parseDouble(a[4]);
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %.0f | %.2f | %.2f | %.2f | %s | %s |%n",
              f.scenario(),
              a == null ? "–" : String.format(Locale.ROOT, "%.0f", apiTps),
              a == null ? "–" : String.format(Locale.ROOT, "%.2f", Double.parseDouble(a[2])),
              a == null ? "–" : String.format(Locale.ROOT, "%.2f", Double.parseDouble(a[3])),
              a == null ? "–" : String.format(Locale.ROOT, "%.2f", apiP99),
              f.tps(),
              f.ms(50),
              f.ms(95),
              f.ms(99),
              a == null ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * apiTps / f.tps()),
              a == null ? "–" : String.format(Locale.ROOT, "%+.2f", apiP99 - f.ms(99))));
    }
    return sb.toString();
  }

  /** Page sizes as the service asks for them: limit + 1 rows. */
  private static int pageRows(Scenario s) {
    return switch (s) {
      case INBOX -> 51;
      case SEARCH, FILTER -> 26;
      default -> 1;
    };
  }

  /** The scenario's SQL, as {@code JdbiTickets}/{@code JdbiMessages} build it for the server. */
  static String script(Scenario s) {
    StringBuilder sb = new StringBuilder();
    String keep =
        "reason = reason, topic = topic, return_intent = return_intent, closed_finally ="
            + " closed_finally, ";
    sb.append("\\set i random(1, :ntargets)\n");
    sb.append("SELECT * FROM bench_floor_").append(s.wire()).append(" WHERE i = :i \\gset\n");
    // No authentication statement: the server caches valid tokens for 30 s.
    switch (s) {
      case LOOKUP -> {
        sb.append(TICKET_SQL).append(";\n");
        buyerNames(sb);
      }
      case SEARCH -> {
        sb.append(PAGE_SQL)
            .append(
                " AND t.seller_id = :s AND t.order_number = :o ORDER BY t.created_at DESC,"
                    + " t.ticket_number DESC LIMIT :lim;\n");
        buyerNames(sb);
        policy(sb);
      }
      case INBOX -> {
        sb.append(PAGE_SQL)
            .append(
                " AND t.seller_id = :s AND t.status = 'open' ORDER BY t.seller_id, t.status,"
                    + " t.response_due_at ASC, t.ticket_number ASC LIMIT :lim;\n");
        buyerNames(sb);
        policy(sb);
      }
      case FILTER -> {
        sb.append(PAGE_SQL)
            .append(
                " AND t.seller_id = :s AND t.topic = :tp AND t.created_at >= :cf AND t.created_at"
                    + " < :ct ORDER BY t.seller_id, t.topic, t.created_at DESC, t.ticket_number"
                    + " DESC LIMIT :lim;\n");
        buyerNames(sb);
        policy(sb);
      }
      case REPLY -> {
        sb.append("\\set asseller random(0, 1)\n");
        sb.append("\\if :asseller\n");
        sb.append("BEGIN;\n");
        sb.append(TICKET_SQL).append(" \\gset\n");
        // A return request: the seller offers label_in_package, which the policy checks against
        // the ticket's order (ReturnPolicyService.decide) and stores with the message.
        sb.append("\\if :ret\n");
        sb.append(ORDER_SQL).append('\n');
        sb.append(ORDER_UNITS_SQL).append('\n');
        sb.append("\\endif\n");
        sb.append("UPDATE tickets SET ")
            .append(keep)
            .append(
                "status = 'waiting', waiting_on = 'buyer', updated_at = now(), open_since = NULL,"
                    + " response_due_at = NULL, first_response_at = COALESCE(first_response_at,"
                    + " now()), first_response_due_at = COALESCE(first_response_due_at,"
                    + " response_due_at, now()), first_response_working_micros ="
                    + " COALESCE(first_response_working_micros, 0), version = :version + 1"
                    + " WHERE seller_id = :s AND ticket_number = :n AND version = :version;\n");
        sb.append("SELECT nextval('message_id_seq') AS mid \\gset\n");
        sb.append(
            "INSERT INTO messages (seller_id, message_id, ticket_number, author_role, text,"
                + " internal, created_at, discount_amount, discount_currency) VALUES (:s, :mid,"
                + " :n, 'seller', 'Thank you, we are looking into it (benchmark reply).', false,"
                + " now(), NULL, NULL);\n");
        sb.append("\\if :ret\n");
        sb.append(
            "INSERT INTO message_return_options (seller_id, message_id, option_index,"
                + " ticket_number, option_type, label_id, url, order_unit_id) VALUES (:s, :mid, 0,"
                + " :n, 'label_in_package', NULL, NULL, NULL);\n");
        sb.append("\\endif\n");
        // A message and the status it changes (the seller's answer: open to waiting; the
        // buyer's message: waiting to open).
        event(sb, "ticket.message_created", MESSAGE_EVENT);
        event(sb, "ticket.status_changed", STATUS_EVENT);
        sb.append("COMMIT;\n");
        sb.append("\\else\n");
        sb.append("BEGIN;\n");
        sb.append(TICKET_SQL.replace("t.seller_id = :s AND ", "")).append(" \\gset\n");
        sb.append("UPDATE tickets SET ")
            .append(keep)
            .append(
                "status = 'open', waiting_on = NULL, updated_at = now(), open_since = CASE WHEN"
                    + " status = 'open' THEN open_since ELSE now() END, response_due_at = CASE"
                    + " WHEN status = 'open' THEN response_due_at ELSE now() + interval '2 days'"
                    + " END, first_response_at = first_response_at, first_response_due_at ="
                    + " first_response_due_at, first_response_working_micros ="
                    + " first_response_working_micros, version = :version + 1 WHERE seller_id ="
                    + " :s AND ticket_number = :n AND version = :version;\n");
        sb.append("SELECT nextval('message_id_seq') AS mid \\gset\n");
        sb.append(
            "INSERT INTO messages (seller_id, message_id, ticket_number, author_role, text,"
                + " internal, created_at, discount_amount, discount_currency) VALUES (:s, :mid,"
                + " :n, 'buyer', 'Any news on my ticket? (benchmark reply)', false, now(), NULL,"
                + " NULL);\n");
        // A message and the status it changes (the seller's answer: open to waiting; the
        // buyer's message: waiting to open).
        event(sb, "ticket.message_created", MESSAGE_EVENT);
        event(sb, "ticket.status_changed", STATUS_EVENT);
        sb.append("COMMIT;\n");
        sb.append("\\endif\n");
      }
      case REFUND -> {
        // TicketActionService.refund → moneyAction, as the server's statement log shows it. No
        // authentication: the server caches valid tokens for 30 s.
        String key = "'bench-floor-' || :client_id::text || '-' || :k::text";
        sb.append("\\set a ").append(Scenario.REFUND_AMOUNT).append('\n');
        sb.append("\\set k random(1, 999999999999999999)\n");
        sb.append("BEGIN;\n");
        sb.append(TICKET_SQL).append(" \\gset\n");
        sb.append(
                "SELECT fingerprint, result, created_at FROM idempotency_keys WHERE seller_id ="
                    + " :s AND caller = 'seller:' || :s::text AND idem_key = ")
            .append(key)
            .append(";\n");
        sb.append(ORDER_SQL).append('\n');
        sb.append(ORDER_UNITS_SQL).append('\n');
        sb.append(
            "SELECT * FROM ledger_entries WHERE seller_id = :s AND order_number = :o ORDER BY"
                + " entry_id;\n");
        sb.append(
            "UPDATE order_units SET refunded_amount = refunded_amount + :a WHERE seller_id = :s"
                + " AND order_unit_id = :ou AND order_number = :o AND price_currency = :cur AND :a"
                + " <= price_amount - refunded_amount;\n");
        sb.append("SELECT nextval('ledger_entry_id_seq') AS eid \\gset\n");
        sb.append(
            "INSERT INTO ledger_entries (seller_id, entry_id, order_number, order_unit_id, kind,"
                + " amount, currency, bearer, reason, ticket_number, author_role, created_at)"
                + " VALUES (:s, :eid, :o, :ou, 'refund', :a, :cur, 'seller', '"
                + Scenario.REFUND_REASON
                + "', :n, 'seller', now());\n");
        sb.append("UPDATE tickets SET ")
            .append(keep)
            .append(
                "status = status, waiting_on = waiting_on, updated_at = now(), open_since ="
                    + " open_since, response_due_at = response_due_at, first_response_at ="
                    + " first_response_at, first_response_due_at = first_response_due_at,"
                    + " first_response_working_micros = first_response_working_micros, version ="
                    + " :version + 1 WHERE seller_id = :s AND ticket_number = :n AND version ="
                    + " :version;\n");
        sb.append("SELECT nextval('message_id_seq') AS mid \\gset\n");
        sb.append(
            "INSERT INTO messages (seller_id, message_id, ticket_number, author_role, text,"
                + " internal, created_at, discount_amount, discount_currency) VALUES (:s, :mid,"
                + " :n, 'system', '"
                + REFUND_MESSAGE
                + "', false, now(), NULL, NULL);\n");
        sb.append(
                "INSERT INTO idempotency_keys (seller_id, caller, idem_key, fingerprint, result,"
                    + " created_at) VALUES (:s, 'seller:' || :s::text, ")
            .append(key)
            .append(", '")
            .append("f".repeat(64))
            .append("', :eid::text, now());\n");
        event(sb, "order_unit.refunded", REFUND_EVENT);
        event(sb, "ticket.message_created", MESSAGE_EVENT);
        sb.append("COMMIT;\n");
      }
    }
    return sb.toString();
  }

  /**
   * One event in the request's transaction (the outbox, issue 14), as {@code JdbiOutbox.insert}
   * writes it: the ticket's next sequence number taken in the insert, the data encoded at the
   * server's length (the feed's placement is background work, not the request's).
   */
  static void event(StringBuilder sb, String type, String data) {
    sb.append(
            "INSERT INTO events (seller_id, event_no, event_id, ticket_number, sequence,"
                + " order_number, event_type, occurred_at, internal, data, once_key) VALUES (:s,"
                + " nextval('event_no_seq'), 'evt_' || md5(random()::text), :n, (SELECT"
                + " COALESCE(MAX(sequence), 0) + 1 FROM events WHERE seller_id = :s AND"
                + " ticket_number = :n), :o, '")
        .append(type)
        .append("', now(), false, '")
        .append(data)
        .append("', NULL) RETURNING sequence;\n");
  }

  /** Event data as long as the server's (EventData's encoding; the numbers vary). */
  static final String MESSAGE_EVENT =
      "ticketNumber=s00100920526&orderNumber=s7XW1T33&url=s%2Fapi%2Fv1%2Ftickets%2F00100920526"
          + "%2Fmessages&messageId=n4811092&authorRole=sseller&internal=bfalse";

  static final String STATUS_EVENT =
      "ticketNumber=s00100430755&orderNumber=sTB46AEQ&url=s%2Fapi%2Fv1%2Ftickets%2F00100430755"
          + "&status=swaiting&previousStatus=sopen&waitingOn=sbuyer";

  static final String REFUND_EVENT =
      "ticketNumber=s00100279834&orderNumber=sB62OQSE&url=s%2Fapi%2Fv1%2Ftickets%2F00100279834"
          + "%2Forder&orderUnitId=n100372271&amount=n1&currency=sEUR&bearer=sseller&reason="
          + "sother_refund";

  /** The buyer-name read of the page's (or the ticket's) orders: one array, as the server's. */
  private static void buyerNames(StringBuilder sb) {
    sb.append(BUYER_NAMES_SQL).append('\n');
  }

  /**
   * The page's return-policy queries, each with one array of keys as the server binds them (a list
   * of single parameters gets a different generic plan); {@code :np}/{@code :na} say whether it has
   * any.
   */
  private static void policy(StringBuilder sb) {
    sb.append("\\if :np\n");
    sb.append(POLICY_ORDER_UNITS_SQL).append('\n');
    sb.append(POLICY_ORDERS_SQL).append('\n');
    sb.append("\\endif\n");
    sb.append("\\if :na\n");
    sb.append(POLICY_OUTCOMES_SQL).append('\n');
    sb.append("\\endif\n");
  }

  /**
   * Stores up to {@code --targets} of the scenario's targets, with the order numbers of the tickets
   * its ticket query returns now (padded by repeating the last; a duplicate in a list of keys
   * changes nothing).
   */
  private int prepareTargets(Connection c, Manifest m, Scenario s) throws SQLException {
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
    // requests' orders and of its answered return requests (the policy reads).
    ddl.append(", ba TEXT, np INTEGER, na INTEGER, pa TEXT, aa TEXT)");
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + table);
      st.execute(ddl.toString());
    }
    StringBuilder insert = new StringBuilder("INSERT INTO " + table + " VALUES (?");
    for (int i = 1; i < FIXED_COLUMNS + 5; i++) {
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
        List<String> answered = new ArrayList<>();
        if (page == null) {
          orders.add(t.orderNumber());
        } else {
          page.setLong(1, t.sellerId());
          if (s == Scenario.SEARCH) {
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
              if (++row < pageRows(s) && !orders.contains(rs.getString(2))) {
                orders.add(rs.getString(2));
              }
              // ReturnOptionPolicy.mayApply: a return request for a refund (or unsaid).
              String intent = rs.getString(4);
              if ("product_return".equals(rs.getString(3))
                  && (intent == null || intent.equals("refund"))) {
                if (!policyOrders.contains(rs.getString(2))) {
                  policyOrders.add(rs.getString(2));
                }
                if (rs.getBoolean(5)) {
                  answered.add(rs.getString(1));
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
        ins.setInt(11, pageRows(s));
        // reply: the seller's answer offers a return option (as the driver's); refund: the unit.
        ins.setInt(12, t.returnRequest() ? 1 : 0);
        ins.setLong(13, t.units().isEmpty() ? 0 : t.refundUnit().id());
        ins.setString(14, t.currency() == null ? "-" : t.currency());
        int at = FIXED_COLUMNS + 1;
        ins.setString(at++, array(orders));
        ins.setInt(at++, policyOrders.isEmpty() ? 0 : 1);
        ins.setInt(at++, answered.isEmpty() ? 0 : 1);
        ins.setString(at++, array(policyOrders));
        ins.setString(at, array(answered));
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

  private Floor runPgbench(Path script, int n, Duration time, Path logDir) throws Exception {
    URI uri = URI.create(dbUrl.substring("jdbc:".length()));
    String db = uri.getPath().substring(1);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                pgbench,
                "-n",
                "-h",
                uri.getHost(),
                "-p",
                Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()),
                "-U",
                dbUser,
                "-c",
                Integer.toString(concurrency),
                "-j",
                Integer.toString(threads),
                "-T",
                Long.toString(Math.max(1, time.toSeconds())),
                "-M",
                "prepared",
                "-D",
                "ntargets=" + n,
                "-f",
                script.toString()));
    if (logDir != null) {
      cmd.add("-l");
      cmd.add("--log-prefix=" + logDir.resolve("tx"));
    }
    cmd.add(db);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (dbPassword != null) {
      pb.environment().put("PGPASSWORD", dbPassword);
    }
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IllegalStateException("pgbench failed (" + rc + "):\n" + output);
    }
    if (logDir == null) {
      return null;
    }
    Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial").matcher(output);
    Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
    Histogram h = new Histogram(60_000_000L, 3);
    try (Stream<Path> files = Files.list(logDir)) {
      for (Path f : files.toList()) {
        for (String line : Files.readAllLines(f)) {
          String[] fields = line.split(" ");
          if (fields.length >= 3) {
            h.recordValue(Math.max(1, Long.parseLong(fields[2])));
          }
        }
      }
    }
    double rate =
        tps.find() ? Double.parseDouble(tps.group(1)) : h.getTotalCount() / time.toSeconds();
    return new Floor(
        script.getFileName().toString(),
        rate,
        h,
        failed.find() ? Long.parseLong(failed.group(1)) : 0);
  }
}
