package io.ticketdesk.adapters.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the schema's distribution by seller (Citus, docs/persistence.md) true: every statement the
 * adapter runs in a test ({@link TestDatabases} hands each one to {@link #check}) that touches a
 * seller-owned (distributed) table must scope every reference to that table to one seller — a
 * {@code seller_id} predicate bound to a parameter, or a join on {@code seller_id} to a reference
 * that is so scoped; an {@code INSERT} names {@code seller_id} among its columns — or be one of the
 * known cross-seller statements below (a fan-out over all shards, each with its reason). A
 * statement on a table this class does not know fails too, so a new table must be classified.
 *
 * <p>The check is lexical, not a full SQL parse: comments and string literals are dropped, table
 * references are read after {@code FROM}, {@code JOIN}, {@code UPDATE}, {@code INTO} (with their
 * alias), and the predicates are searched as {@code alias.seller_id = :param} (or {@code IN},
 * {@code = ANY}). It does not see whether such a predicate sits under an {@code OR}; the adapter
 * writes none that way, and a reviewer would.
 */
final class SellerScopedStatements {
  /** Distributed by {@code seller_id}, co-located (docs/persistence.md). */
  static final Set<String> DISTRIBUTED =
      Set.of(
          "orders",
          "order_units",
          "tickets",
          "ticket_units",
          "messages",
          "ledger_entries",
          "idempotency_keys",
          "return_labels",
          "message_return_options",
          "return_policy_outcomes",
          "text_modules",
          "events");

  /**
   * Reference tables (replicated to every node) and the coordinator's local tables (the webhook
   * queue and the feed's counter: cluster-wide work that one node at a time claims): read and
   * written without a seller.
   */
  static final Set<String> REFERENCE =
      Set.of(
          "sellers",
          "access_tokens",
          "browser_sessions",
          "job_leases",
          "system_state",
          "exchange_rates",
          "event_feed",
          "webhook_fanout",
          "webhook_fanout_leases",
          "webhook_endpoints",
          "webhook_deliveries",
          "webhook_attempts",
          "flyway_schema_history");

  /**
   * The statements that read or write seller-owned rows across sellers, by a pattern of their
   * normalised text, with the reason. docs/persistence.md lists them with their cost under Citus.
   */
  static final Map<Pattern, String> CROSS_SELLER = new LinkedHashMap<>();

  static {
    cross(
        "from tickets t where t.ticket_number = :n",
        "a ticket by its number for a buyer or customer service (the number is global)");
    cross("where 1 = 1 and t.buyer_id = :buyer", "a buyer's tickets across sellers");
    cross(
        "from tickets t where 1 = 1(?! and t.seller_id)(?! and t.buyer_id)",
        "customer service's and the marketplace's lists (all sellers)");
    cross(
        "^select \\* from tickets where status = :open and ticket_number > :after",
        "the deadline recomputation walks every open ticket (background, batches of 500)");
    cross(
        "from tickets t where t\\.status = '' and t\\.response_due_at >= :duefrom",
        "the deadline-alert scan reads the open tickets whose deadline is near or past"
            + " (background, batches of 500, deadline order)");
    cross(
        "from tickets t where t\\.status = '' and t\\.reason = '' and \\(t\\.return_intent is null"
            + " or t\\.return_intent = ''\\) and \\(t\\.first_response_at is null or"
            + " t\\.return_option_due_at is not null\\) and t\\.response_due_at >= :duefrom",
        "the return-option scan reads the open return requests past their deadline that may owe"
            + " an option-carrying answer (background, batches of 500, deadline order)");
    cross(
        "^select 1 from orders where order_number = :n",
        "an order number is unique marketplace-wide: checked before an insert");
    cross(
        "^select \\* from orders where order_number = :n", "an order by its number (marketplace)");
    cross(
        "^select seller_id, order_number from order_units where order_unit_id = :u",
        "an order unit id is global: which seller's order holds it");
    cross(
        "from idempotency_keys where created_at < :cutoff",
        "the purge of expired idempotency keys (background, all sellers)");
    cross(
        "^select \\* from return_labels where label_id = :id",
        "a label by its global id (buyers and customer service download it)");
    cross(
        "^select count\\(\\*\\) from tickets where status = :open and storefront = :sf",
        "the marketplace's overdue count per storefront (response-time report)");
    cross(
        "^select first_response_at, first_response_due_at, first_response_working_micros from"
            + " tickets where storefront = :sf",
        "the marketplace's response times per storefront");
    cross("^select \\* from events where event_id = :id", "an event by its global id");
    cross(
        "^update events e set position = :first \\+ v\\.i - 1 from unnest\\(:sellers, :numbers\\)",
        "the sequencer places a batch of committed events of all sellers in the feed, in one"
            + " statement (background, one node per cluster at a time)");
    cross(
        "^select \\* from events where event_id (= any\\(:ids\\)|in \\(:ids0)",
        "a webhook delivery batch's events by their global ids (background)");
    cross(
        "^select \\* from events where position > :after",
        "the marketplace's event feed (global positions)");
    cross(
        "^select seller_id, event_no from events where position is null",
        "the feed sequencer gives unsequenced events their global positions (background)");
    cross(
        "^delete from events where \\(seller_id, event_no\\) in \\(select e.seller_id, e.event_no"
            + " from events e where e.occurred_at < :before",
        "the purge of events past their retention (background, all sellers)");
  }

  private static void cross(String regex, String reason) {
    CROSS_SELLER.put(Pattern.compile(regex), reason);
  }

  private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(SellerScopedStatements::report));
  }

  private SellerScopedStatements() {}

  /** Throws an {@link AssertionError} when {@code sql} breaks the rule (see the class). */
  static void check(String sql) {
    String normal = normalise(sql);
    String verdict = verdict(normal);
    if (verdict.startsWith("VIOLATION")) {
      throw new AssertionError(
          "statement not scoped to one seller (Citus distribution by seller_id; classify it in "
              + SellerScopedStatements.class.getSimpleName()
              + " and docs/persistence.md if it must fan out): "
              + verdict
              + " — "
              + normal);
    }
    SEEN.putIfAbsent(normal, verdict);
  }

  /** {@code scoped}, {@code reference}, {@code cross-seller: <reason>} or {@code VIOLATION: …}. */
  static String verdict(String normal) {
    List<Ref> refs = references(normal);
    Set<String> named = commonTableExpressions(normal);
    refs.removeIf(r -> named.contains(r.table));
    List<String> unknown = new ArrayList<>();
    for (Ref r : refs) {
      if (!DISTRIBUTED.contains(r.table) && !REFERENCE.contains(r.table)) {
        unknown.add(r.table);
      }
    }
    if (!unknown.isEmpty()) {
      return "VIOLATION: table(s) neither distributed nor reference: " + unknown;
    }
    Set<String> unscoped = unscoped(normal, refs);
    if (unscoped.isEmpty()) {
      return refs.stream().anyMatch(r -> DISTRIBUTED.contains(r.table)) ? "scoped" : "reference";
    }
    for (Map.Entry<Pattern, String> e : CROSS_SELLER.entrySet()) {
      if (e.getKey().matcher(normal).find()) {
        return "cross-seller: " + e.getValue();
      }
    }
    return "VIOLATION: no seller_id predicate on " + unscoped;
  }

  record Ref(String table, String alias) {}

  private static final Pattern REF =
      Pattern.compile(
          "(?<![a-z0-9_:.])(from|join|update|into)\\s+([a-z_][a-z0-9_]*)(?:\\s+(?:as\\s+)?([a-z_][a-z0-9_]*))?");

  private static final Pattern LOCKING =
      Pattern.compile(
          "\\bfor (?:no key )?(?:update|share)(?: of [a-z0-9_, ]+?)?(?: skip locked| nowait)?(?=$| )");

  private static final Set<String> NOT_ALIAS =
      Set.of(
          "where",
          "set",
          "values",
          "on",
          "join",
          "left",
          "right",
          "inner",
          "outer",
          "cross",
          "order",
          "group",
          "limit",
          "for",
          "using",
          "returning",
          "union",
          "as",
          "offset",
          "fetch",
          "having",
          "window",
          "select");

  static List<Ref> references(String normal) {
    List<Ref> refs = new ArrayList<>();
    Matcher m = REF.matcher(LOCKING.matcher(normal).replaceAll(" "));
    while (m.find()) {
      String table = m.group(2);
      if (table.equals("select") || table.equals("unnest") || table.equals("table")) {
        continue; // FROM (SELECT …), a function: not a table
      }
      int after = m.end(2);
      if (after < normal.length() && normal.charAt(after) == '(' && !m.group(1).equals("into")) {
        continue; // FROM unnest(:keys): a function
      }
      String alias = m.group(3);
      if (alias == null || NOT_ALIAS.contains(alias) || alias.equals("(")) {
        alias = table;
      }
      refs.add(new Ref(table, alias));
    }
    return refs;
  }

  /**
   * The names a {@code WITH} clause gives its queries ({@code with due as materialized (…)}): not
   * tables; the tables inside them are references of the statement and checked as such.
   */
  private static Set<String> commonTableExpressions(String normal) {
    Set<String> names = new LinkedHashSet<>();
    if (!normal.startsWith("with ")) {
      return names;
    }
    Matcher m =
        Pattern.compile(
                "(?:^with|,)\\s+([a-z_][a-z0-9_]*)\\s+as\\s+(?:not\\s+)?(?:materialized\\s+)?\\(")
            .matcher(normal);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The seller-owned references that no predicate ties to one seller. */
  private static Set<String> unscoped(String normal, List<Ref> refs) {
    Set<String> scoped = new LinkedHashSet<>();
    boolean insert = normal.startsWith("insert into ");
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Ref r : refs) {
        if (!DISTRIBUTED.contains(r.table) || scoped.contains(r.alias)) {
          continue;
        }
        if (isScoped(normal, r, scoped, insert && r == refs.get(0))) {
          scoped.add(r.alias);
          progress = true;
        }
      }
    }
    Set<String> unscoped = new LinkedHashSet<>();
    for (Ref r : refs) {
      if (DISTRIBUTED.contains(r.table) && !scoped.contains(r.alias)) {
        unscoped.add(r.table + (r.alias.equals(r.table) ? "" : " " + r.alias));
      }
    }
    return unscoped;
  }

  private static boolean isScoped(String normal, Ref r, Set<String> scoped, boolean insertTarget) {
    if (insertTarget) {
      Matcher cols =
          Pattern.compile("^insert into " + r.table + "\\s*\\(([^)]*)\\)").matcher(normal);
      return cols.find() && List.of(cols.group(1).split("\\s*,\\s*")).contains("seller_id");
    }
    // Unqualified seller_id counts for the table when it is the only seller-owned one named.
    long distributed = 0;
    for (Ref other : references(normal)) {
      if (DISTRIBUTED.contains(other.table)) {
        distributed++;
      }
    }
    String column =
        "(?:" + Pattern.quote(r.alias) + "\\." + (distributed == 1 ? ")?" : ")") + "seller_id";
    // a parameter, or a constant seller (the read-only default text modules are seller 0's)
    String param = "(?::[a-z_][a-z0-9_]*|\\?|[0-9]+(?![0-9.]))";
    if (Pattern.compile(
            "(?<![a-z0-9_.])" + column + "\\s*(?:=\\s*(?:any\\s*\\()?|in\\s*\\(\\s*)" + param)
        .matcher(normal)
        .find()) {
      return true;
    }
    for (String other : scoped) {
      String otherCol = Pattern.quote(other) + "\\.seller_id";
      if (Pattern.compile(
              "(?<![a-z0-9_.])(?:"
                  + column
                  + "\\s*=\\s*"
                  + otherCol
                  + "|"
                  + otherCol
                  + "\\s*=\\s*"
                  + column
                  + ")(?![a-z0-9_])")
          .matcher(normal)
          .find()) {
        return true;
      }
    }
    return false;
  }

  /** Lower case, comments and string literals dropped, whitespace collapsed. */
  static String normalise(String sql) {
    String s = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    s = s.replaceAll("'(?:[^']|'')*'", "''");
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  /** Writes what the tests ran, by verdict, to target/seller-scope.txt (for docs). */
  private static void report() {
    if (SEEN.isEmpty()) {
      return;
    }
    Map<String, List<String>> byVerdict = new TreeMap<>();
    SEEN.forEach((sql, v) -> byVerdict.computeIfAbsent(v, k -> new ArrayList<>()).add(sql));
    StringBuilder sb = new StringBuilder();
    byVerdict.forEach(
        (v, list) -> {
          sb.append("## ").append(v).append(" (").append(list.size()).append(")\n");
          list.stream().sorted().forEach(sql -> sb.append("  ").append(sql).append('\n'));
        });
    try {
      Path target = Path.of("target");
      if (Files.isDirectory(target)) {
        Files.writeString(target.resolve("seller-scope.txt"), sb.toString());
      }
    } catch (IOException e) {
      // a report only
    }
  }
}
