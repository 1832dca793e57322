package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: every operation of openapi.yaml × every caller (no token, marketplace,
 * customer service, the owning seller, another seller, the owning buyer, another buyer) answers the
 * expected status — 401 without a token, 403 for a role that may not call it, 404 for another
 * tenant's ticket or text module, the operation's success status otherwise. The expected roles are
 * data ({@link #MATRIX}), taken from the roles in docs/api.md and the services' {@code
 * Access.require} calls; an operation in the spec without an entry fails the test.
 */
class AccessMatrixTest {
  enum Caller {
    NONE(null, false),
    MARKETPLACE(Role.MARKETPLACE, false),
    CUSTOMER_SERVICE(Role.CUSTOMER_SERVICE, false),
    SELLER(Role.SELLER, false),
    OTHER_SELLER(Role.SELLER, true),
    BUYER(Role.BUYER, false),
    OTHER_BUYER(Role.BUYER, true);

    final Role role;
    final boolean foreign;

    Caller(Role role, boolean foreign) {
      this.role = role;
      this.foreign = foreign;
    }
  }

  enum Role {
    MARKETPLACE,
    CUSTOMER_SERVICE,
    SELLER,
    BUYER
  }

  /** One row: the roles allowed, whether the target belongs to a tenant, the success status. */
  record Rule(Set<Role> allowed, boolean tenantScoped, int success, Function<Fx, Req> request) {}

  /** A request to send. */
  record Req(String method, String path, Object body, Map<String, String> headers) {
    Req(String method, String path, Object body) {
      this(method, path, body, Map.of());
    }
  }

  private static final Set<Role> ALL = EnumSet.allOf(Role.class);
  private static final Set<Role> PUBLIC = Set.of(); // security: [] — no token needed

  static final Map<String, Rule> MATRIX = new LinkedHashMap<>();

  /** Roles that may call an operation but are answered 404, as if it did not exist for them. */
  static final Map<String, Set<Role>> HIDDEN = new LinkedHashMap<>();

  private static void rule(
      String op, Set<Role> allowed, boolean tenant, int success, Function<Fx, Req> request) {
    MATRIX.put(op, new Rule(allowed, tenant, success, request));
  }

  static {
    for (String p : List.of("/health", "/ready", "/metrics", "/openapi.yaml")) {
      rule("GET " + p, PUBLIC, false, 200, f -> new Req("GET", p, null));
    }
    Set<Role> mp = EnumSet.of(Role.MARKETPLACE);
    rule(
        "POST /api/v1/sellers",
        mp,
        false,
        201,
        f -> new Req("POST", "/api/v1/sellers", f.seller()));
    rule(
        "POST /api/v1/tokens",
        mp,
        false,
        201,
        f -> new Req("POST", "/api/v1/tokens", Map.of("role", "buyer", "buyerId", 9999)));
    rule("POST /api/v1/orders", mp, false, 201, f -> new Req("POST", "/api/v1/orders", f.order()));
    rule(
        "PATCH /api/v1/orders/{orderNumber}/units/{orderUnitId}",
        mp,
        false,
        200,
        f ->
            new Req(
                "PATCH",
                "/api/v1/orders/" + f.order + "/units/" + f.unit,
                Map.of("state", "received")));
    rule(
        "POST /api/v1/tickets",
        EnumSet.of(Role.BUYER, Role.SELLER),
        true,
        201,
        f ->
            new Req(
                "POST",
                "/api/v1/tickets",
                Map.of(
                    "orderUnitIds", List.of(f.unit), "reason", "product_defect", "message", "m")));
    rule("GET /api/v1/tickets", ALL, false, 200, f -> new Req("GET", "/api/v1/tickets", null));
    rule(
        "GET /api/v1/ticket-counts",
        ALL,
        false,
        200,
        f -> new Req("GET", "/api/v1/ticket-counts", null));
    rule(
        "POST /api/v1/sessions",
        PUBLIC,
        false,
        201,
        f ->
            new Req(
                "POST",
                "/api/v1/sessions",
                Map.of("token", AccessMatrixTest.tokens.get(Caller.SELLER))));
    rule(
        "GET /api/v1/sessions/current",
        ALL,
        false,
        200,
        f -> new Req("GET", "/api/v1/sessions/current", null));
    rule(
        "DELETE /api/v1/sessions/current",
        ALL,
        false,
        204,
        f -> new Req("DELETE", "/api/v1/sessions/current", null));
    rule("GET /api/v1/tickets/{ticketNumber}", ALL, true, 200, f -> new Req("GET", f.t(""), null));
    rule(
        "GET /api/v1/tickets/{ticketNumber}/messages",
        ALL,
        true,
        200,
        f -> new Req("GET", f.t("/messages"), null));
    rule(
        "POST /api/v1/tickets/{ticketNumber}/messages",
        EnumSet.of(Role.BUYER, Role.SELLER, Role.CUSTOMER_SERVICE),
        true,
        201,
        f -> new Req("POST", f.t("/messages"), Map.of("text", "hello")));
    Set<Role> agents = EnumSet.of(Role.SELLER, Role.CUSTOMER_SERVICE);
    rule(
        "POST /api/v1/tickets/{ticketNumber}/close",
        agents,
        true,
        200,
        f -> {
          f.answer(); // a seller closes only a ticket it has answered
          return new Req("POST", f.t("/close"), Map.of("reason", "resolved"));
        });
    rule(
        "GET /api/v1/kpis/response-time",
        EnumSet.of(Role.SELLER, Role.MARKETPLACE),
        false,
        200,
        f -> new Req("GET", "/api/v1/kpis/response-time?week=2026-W10", null));
    Set<Role> seller = EnumSet.of(Role.SELLER);
    rule(
        "GET /api/v1/text-modules/placeholders",
        ALL,
        false,
        200,
        f -> new Req("GET", "/api/v1/text-modules/placeholders", null));
    rule(
        "GET /api/v1/text-modules",
        seller,
        false,
        200,
        f -> new Req("GET", "/api/v1/text-modules", null));
    rule(
        "POST /api/v1/text-modules",
        seller,
        false,
        201,
        f ->
            new Req(
                "POST",
                "/api/v1/text-modules",
                Map.of("storefront", "de", "name", "new " + f.k, "body", "Hello")));
    rule(
        "GET /api/v1/text-modules/{textModuleId}",
        seller,
        true,
        200,
        f -> new Req("GET", "/api/v1/text-modules/" + f.module, null));
    rule(
        "PUT /api/v1/text-modules/{textModuleId}",
        seller,
        true,
        200,
        f ->
            new Req(
                "PUT",
                "/api/v1/text-modules/" + f.module,
                Map.of("storefront", "de", "name", "m " + f.k, "body", "Hello again")));
    rule(
        "DELETE /api/v1/text-modules/{textModuleId}",
        seller,
        true,
        204,
        f -> new Req("DELETE", "/api/v1/text-modules/" + f.module, null));
    rule(
        "GET /api/v1/text-modules/{textModuleId}/rendered",
        seller,
        true,
        200,
        f ->
            new Req(
                "GET", "/api/v1/text-modules/" + f.module + "/rendered?ticket=" + f.ticket, null));
    rule(
        "GET /api/v1/tickets/{ticketNumber}/order",
        agents,
        true,
        200,
        f -> new Req("GET", f.t("/order"), null));
    rule(
        "POST /api/v1/tickets/{ticketNumber}/refunds",
        agents,
        true,
        201,
        f ->
            new Req(
                "POST",
                f.t("/refunds"),
                Map.of(
                    "orderUnitId",
                    f.unit,
                    "amount",
                    Map.of("amount", 100, "currency", "EUR"),
                    "reason",
                    "defect")));
    rule(
        "POST /api/v1/tickets/{ticketNumber}/cancellations",
        agents,
        true,
        201,
        f ->
            new Req(
                "POST",
                f.t("/cancellations"),
                Map.of("orderUnitId", f.unit, "reason", "no_inventory")));
    rule(
        "POST /api/v1/tickets/{ticketNumber}/escalations",
        seller,
        true,
        200,
        f -> new Req("POST", f.t("/escalations"), Map.of("reason", "cannot_help_further")));
    rule("GET /api/v1/carriers", ALL, false, 200, f -> new Req("GET", "/api/v1/carriers", null));
    rule(
        "POST /api/v1/tickets/{ticketNumber}/return-labels",
        seller,
        true,
        201,
        f ->
            new Req(
                "POST",
                f.t("/return-labels"),
                Map.of("carrier", TestApp.DEFAULT_CARRIER, "orderUnitIds", List.of(f.unit))));
    rule(
        "PATCH /api/v1/tickets/{ticketNumber}",
        EnumSet.of(Role.SELLER, Role.CUSTOMER_SERVICE),
        true,
        200,
        f -> new Req("PATCH", f.t(""), Map.of("reason", "product_return")));
    rule(
        "PUT /api/v1/exchange-rates/{currency}/{date}",
        EnumSet.of(Role.MARKETPLACE),
        false,
        200,
        f -> new Req("PUT", "/api/v1/exchange-rates/CZK/2026-03-02", Map.of("perEuro", "24.9")));
    rule(
        "GET /api/v1/exchange-rates/{currency}/{date}",
        ALL,
        false,
        200,
        f -> new Req("GET", "/api/v1/exchange-rates/CZK/2026-03-02", null));
    rule(
        "GET /api/v1/events",
        EnumSet.of(Role.MARKETPLACE, Role.SELLER),
        false,
        200,
        f -> new Req("GET", "/api/v1/events", null));
    // The test app's streams end after a second, so the request reads the stream to its end.
    rule(
        "GET /api/v1/events/stream",
        EnumSet.of(Role.MARKETPLACE, Role.SELLER),
        false,
        200,
        f -> new Req("GET", "/api/v1/events/stream", null));
    Set<Role> owners = EnumSet.of(Role.MARKETPLACE, Role.SELLER);
    rule(
        "POST /api/v1/webhook-endpoints",
        owners,
        false,
        201,
        f ->
            new Req(
                "POST",
                "/api/v1/webhook-endpoints",
                Map.of(
                    "url", "https://hooks.example/m" + f.k, "events", List.of("ticket.opened"))));
    rule(
        "GET /api/v1/webhook-endpoints",
        owners,
        false,
        200,
        f -> new Req("GET", "/api/v1/webhook-endpoints", null));
    // Another owner's endpoint (the marketplace's too) is not found.
    rule(
        "GET /api/v1/webhook-endpoints/{endpointId}",
        owners,
        true,
        200,
        f -> new Req("GET", "/api/v1/webhook-endpoints/" + Fx.endpoint(), null));
    rule(
        "PATCH /api/v1/webhook-endpoints/{endpointId}",
        owners,
        true,
        200,
        f ->
            new Req(
                "PATCH", "/api/v1/webhook-endpoints/" + Fx.endpoint(), Map.of("status", "active")));
    rule(
        "DELETE /api/v1/webhook-endpoints/{endpointId}",
        owners,
        true,
        204,
        f -> new Req("DELETE", "/api/v1/webhook-endpoints/" + Fx.newEndpoint(), null));
    rule(
        "POST /api/v1/webhook-endpoints/{endpointId}/secret",
        owners,
        true,
        200,
        f -> new Req("POST", "/api/v1/webhook-endpoints/" + Fx.endpoint() + "/secret", null));
    rule(
        "GET /api/v1/webhook-endpoints/{endpointId}/deliveries",
        owners,
        true,
        200,
        f -> new Req("GET", "/api/v1/webhook-endpoints/" + Fx.endpoint() + "/deliveries", null));
    rule(
        "POST /api/v1/webhook-endpoints/{endpointId}/deliveries",
        owners,
        true,
        202,
        f ->
            new Req(
                "POST",
                "/api/v1/webhook-endpoints/" + Fx.endpoint() + "/deliveries",
                Map.of("eventId", f.event())));
    rule(
        "GET /api/v1/webhook-endpoints/{endpointId}/attempts",
        owners,
        true,
        200,
        f -> new Req("GET", "/api/v1/webhook-endpoints/" + Fx.endpoint() + "/attempts", null));
    for (String op :
        List.of(
            "GET /api/v1/webhook-endpoints/{endpointId}/attempts",
            "GET /api/v1/webhook-endpoints/{endpointId}",
            "PATCH /api/v1/webhook-endpoints/{endpointId}",
            "DELETE /api/v1/webhook-endpoints/{endpointId}",
            "POST /api/v1/webhook-endpoints/{endpointId}/secret",
            "GET /api/v1/webhook-endpoints/{endpointId}/deliveries",
            "POST /api/v1/webhook-endpoints/{endpointId}/deliveries")) {
      HIDDEN.put(op, EnumSet.of(Role.MARKETPLACE));
    }
    // Downloading a label: the marketplace is "anyone else" and, like a foreign tenant, gets 404.
    rule(
        "GET /api/v1/return-labels/{labelId}",
        EnumSet.of(Role.SELLER, Role.BUYER, Role.CUSTOMER_SERVICE, Role.MARKETPLACE),
        true,
        200,
        f -> new Req("GET", "/api/v1/return-labels/" + f.label(), null));
    HIDDEN.put("GET /api/v1/return-labels/{labelId}", EnumSet.of(Role.MARKETPLACE));
    rule(
        "POST /api/v1/tickets/{ticketNumber}/handback",
        EnumSet.of(Role.CUSTOMER_SERVICE),
        true,
        200,
        f -> {
          f.escalate(); // only an escalated ticket can be handed back
          return new Req("POST", f.t("/handback"), null);
        });
  }

  static TestApp app;
  static Map<Caller, String> tokens;
  static long sellerA;
  static int counter;

  /** Fresh resources of seller A (order, ticket of buyer 501, text module) for one cell. */
  static final class Fx {
    final int k = ++counter;
    final String order = "AM" + k;
    final long unit = 700_000 + k;
    final String ticket;
    final long module;

    Fx() {
      app.feedOrder(order, sellerA, 501, "de", unit);
      ticket =
          app.openTicket(tokens.get(Caller.BUYER), unit, "product_defect", null, "help")
              .get("ticketNumber")
              .asText();
      var m =
          app.api.post(
              "/api/v1/text-modules",
              tokens.get(Caller.SELLER),
              Map.of("storefront", "de", "name", "m " + k, "body", "Hello"));
      assertEquals(201, m.status(), m.body());
      module = m.json().get("id").asLong();
    }

    String t(String suffix) {
      return "/api/v1/tickets/" + ticket + suffix;
    }

    private static Long sharedEndpoint;

    /** The owning seller's webhook endpoint (one for the whole matrix). */
    static long endpoint() {
      if (sharedEndpoint == null) {
        sharedEndpoint = newEndpoint();
      }
      return sharedEndpoint;
    }

    /** A new webhook endpoint of the owning seller. */
    static long newEndpoint() {
      var r =
          app.api.post(
              "/api/v1/webhook-endpoints",
              tokens.get(Caller.SELLER),
              Map.of(
                  "url",
                  "https://hooks.example/" + (++counter),
                  "events",
                  List.of("ticket.opened")));
      assertEquals(201, r.status(), r.body());
      return r.json().get("endpointId").asLong();
    }

    /** The first event of this fixture's ticket. */
    String event() {
      return app.store
          .outbox()
          .ofTicket(
              io.ticketdesk.domain.SellerId.of(sellerA),
              io.ticketdesk.domain.TicketNumber.of(ticket))
          .get(0)
          .id();
    }

    Map<String, Object> seller() {
      return Map.of(
          "name",
          "Matrix " + k,
          "storefronts",
          List.of("de"),
          "returnAddress",
          Map.of(
              "name",
              "R",
              "street",
              "S 1",
              "postalCode",
              "10115",
              "city",
              "Berlin",
              "country",
              "DE"));
    }

    Map<String, Object> order() {
      return Map.of(
          "orderNumber",
          "AMX" + k,
          "storefront",
          "de",
          "sellerId",
          sellerA,
          "orderedAt",
          "2026-02-20T10:00:00Z",
          "buyer",
          Map.of("buyerId", 501, "name", "Erika", "email", "e@example.org"),
          "units",
          List.of(
              Map.of(
                  "orderUnitId",
                  800_000 + k,
                  "title",
                  "Lamp",
                  "ean",
                  "4006381333931",
                  "price",
                  Map.of("amount", 999, "currency", "EUR"),
                  "state",
                  "sent")));
    }

    long label() {
      var r =
          app.api.post(
              t("/return-labels"),
              tokens.get(Caller.SELLER),
              Map.of("carrier", TestApp.DEFAULT_CARRIER, "orderUnitIds", List.of(unit)));
      assertEquals(201, r.status(), r.body());
      return r.json().get("labelId").asLong();
    }

    void answer() {
      var r = app.api.post(t("/messages"), tokens.get(Caller.SELLER), Map.of("text", "Done."));
      assertEquals(201, r.status(), r.body());
    }

    void escalate() {
      var r =
          app.api.post(
              t("/escalations"), tokens.get(Caller.SELLER), Map.of("reason", "payment_or_payout"));
      assertEquals(200, r.status(), r.body());
    }
  }

  @BeforeAll
  static void start() {
    app = new TestApp();
    sellerA = app.registerSeller("Owner GmbH", "de");
    long sellerB = app.registerSeller("Other GmbH", "de");
    tokens = new LinkedHashMap<>();
    tokens.put(Caller.MARKETPLACE, TestApp.ADMIN);
    tokens.put(Caller.CUSTOMER_SERVICE, app.token("customer_service", null, null));
    tokens.put(Caller.SELLER, app.token("seller", sellerA, null));
    tokens.put(Caller.OTHER_SELLER, app.token("seller", sellerB, null));
    tokens.put(Caller.BUYER, app.token("buyer", null, 501L));
    tokens.put(Caller.OTHER_BUYER, app.token("buyer", null, 502L));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static int expected(Rule rule, Caller caller) {
    if (rule.allowed().isEmpty()) {
      return rule.success();
    }
    if (caller.role == null) {
      return 401;
    }
    if (!rule.allowed().contains(caller.role)) {
      return 403;
    }
    if (caller.foreign && rule.tenantScoped()) {
      return 404;
    }
    return rule.success();
  }

  @Test
  void everyOperationOfTheSpecHasAnEntryInTheMatrix() {
    Set<String> spec = new TreeSet<>();
    ApiContract.forEachOperation(
        ContractValidator.SPEC,
        (path, method, op) -> {
          spec.add(method.toUpperCase(Locale.ROOT) + " " + path);
          boolean isPublic = op.has("security") && op.get("security").isEmpty();
          if (MATRIX.containsKey(method.toUpperCase(Locale.ROOT) + " " + path)) {
            assertEquals(
                isPublic,
                MATRIX.get(method.toUpperCase(Locale.ROOT) + " " + path).allowed().isEmpty(),
                method + " " + path + ": the matrix and the spec's security disagree");
          }
        });
    List<String> missing = new ArrayList<>(spec);
    missing.removeAll(MATRIX.keySet());
    List<String> stale = new ArrayList<>(MATRIX.keySet());
    stale.removeAll(spec);
    assertEquals(List.of(), missing, "operations without an access-matrix entry: add them");
    assertEquals(List.of(), stale, "matrix entries for operations no longer in openapi.yaml");
  }

  @Test
  void everyOperationAnswersEveryCallerAsTheMatrixSays() {
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (var entry : MATRIX.entrySet()) {
      for (Caller caller : Caller.values()) {
        Fx fx = new Fx();
        Req req = entry.getValue().request().apply(fx);
        var r =
            app.api.send(
                req.method(),
                req.path(),
                tokens.get(caller),
                ApiClient.toJson(req.body()),
                req.headers());
        int want =
            caller.role != null
                    && HIDDEN.getOrDefault(entry.getKey(), Set.of()).contains(caller.role)
                ? 404
                : expected(entry.getValue(), caller);
        cells++;
        if (r.status() != want) {
          wrong.add(
              entry.getKey()
                  + " as "
                  + caller
                  + ": "
                  + r.status()
                  + " (want "
                  + want
                  + ") "
                  + r.body());
        } else if (r.status() >= 400) {
          assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        }
        if (entry.getKey().equals("GET /api/v1/tickets") && caller.foreign) {
          assertTrue(!r.body().contains(fx.ticket), caller + " lists a foreign ticket");
        }
      }
    }
    assertEquals(List.of(), wrong, "access matrix mismatches");
    assertEquals(MATRIX.size() * Caller.values().length, cells);
  }

  /**
   * Every API operation refuses a query parameter openapi.yaml does not declare for it — those that
   * take none too — with a 400 problem naming it, for a caller it would otherwise serve, and the
   * request changes nothing.
   */
  @Test
  void everyApiOperationRefusesAQueryParameterItDoesNotDeclare() {
    List<String> wrong = new ArrayList<>();
    for (var entry : MATRIX.entrySet()) {
      if (!entry.getKey().contains(" /api/")) {
        continue;
      }
      Caller caller =
          java.util.Arrays.stream(Caller.values())
              .filter(
                  c ->
                      !c.foreign
                          && (entry.getValue().allowed().isEmpty()
                              ? c.role == null
                              : entry.getValue().allowed().contains(c.role)))
              .filter(
                  c ->
                      c.role == null
                          || !HIDDEN.getOrDefault(entry.getKey(), Set.of()).contains(c.role))
              .findFirst()
              .orElseThrow(() -> new AssertionError(entry.getKey() + ": no caller"));
      Req req = entry.getValue().request().apply(new Fx());
      String before = StoreFingerprint.of(app.store);
      var r =
          app.api.send(
              req.method(),
              req.path() + (req.path().contains("?") ? "&" : "?") + "undeclared=1",
              tokens.get(caller),
              ApiClient.toJson(req.body()),
              req.headers());
      if (r.status() != 400
          || !r.contentType().startsWith("application/problem+json")
          || !r.body().contains("unknown query parameter 'undeclared'")) {
        wrong.add(entry.getKey() + " as " + caller + ": " + r.status() + " " + r.body());
      }
      if (!before.equals(StoreFingerprint.of(app.store))) {
        wrong.add(entry.getKey() + ": the refused request changed the store");
      }
    }
    assertEquals(List.of(), wrong);
  }
}
