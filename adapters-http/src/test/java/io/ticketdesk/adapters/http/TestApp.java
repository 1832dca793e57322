package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.application.service.AccessService;
import io.ticketdesk.application.service.ExchangeRateService;
import io.ticketdesk.application.service.OrderFeedService;
import io.ticketdesk.application.service.ReturnLabelService;
import io.ticketdesk.application.service.ReturnPolicyService;
import io.ticketdesk.application.service.SellerService;
import io.ticketdesk.application.service.ServiceLevelService;
import io.ticketdesk.application.service.TextModuleService;
import io.ticketdesk.application.service.TicketActionService;
import io.ticketdesk.application.service.TicketService;
import io.ticketdesk.application.testing.InMemoryStore;
import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.domain.PublicHolidays;
import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.ReturnOptionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The HTTP adapter on a random port, backed by the real services and the in-memory store. */
final class TestApp implements AutoCloseable {
  static final String ADMIN = "admin-test-token";
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z"); // a Monday

  /** The carrier that makes the labels of plugin defaults naming none (a {@link FakeCarriers}). */
  static final String DEFAULT_CARRIER = "test-pdf";

  final MutableClock clock = new MutableClock(START);
  final AtomicBoolean ready = new AtomicBoolean(true);

  /** The in-memory store, or null when the app runs on a database's ports. */
  final InMemoryStore store;

  /** The store's outgoing ports, whichever store it is. */
  final StorePorts ports;

  private final java.util.function.Supplier<String> fingerprint;
  final HttpServer server;
  final ApiClient api;
  final FakeCarriers carriers = new FakeCarriers();

  TestApp() {
    this(deps -> deps);
  }

  /** With some use cases replaced (e.g. by failing ones). */
  TestApp(java.util.function.UnaryOperator<HttpDependencies> adjust) {
    this(adjust, new HttpLimits(0, 0, java.time.Duration.ofSeconds(30)));
  }

  /** With the given protective limits (the default test app has no rate limit). */
  TestApp(java.util.function.UnaryOperator<HttpDependencies> adjust, HttpLimits limits) {
    this(new InMemoryStore(), adjust, limits);
  }

  /**
   * On a database's ports (H2 or PostgreSQL); {@code fingerprint} reads every row, for the checks
   * that a refused request changed nothing.
   */
  TestApp(
      StorePorts ports, java.util.function.Supplier<String> fingerprint, AutoCloseable database) {
    this(ports, fingerprint, database, deps -> deps);
  }

  /** On a database's ports, with some use cases replaced (e.g. by failing ones). */
  TestApp(
      StorePorts ports,
      java.util.function.Supplier<String> fingerprint,
      AutoCloseable database,
      java.util.function.UnaryOperator<HttpDependencies> adjust) {
    this(null, ports, fingerprint, adjust, new HttpLimits(0, 0, Duration.ofSeconds(30)));
    this.database = database;
  }

  private AutoCloseable database;

  private TestApp(
      InMemoryStore memory,
      java.util.function.UnaryOperator<HttpDependencies> adjust,
      HttpLimits limits) {
    this(memory, ports(memory), () -> StoreFingerprint.of(memory), adjust, limits);
  }

  private static StorePorts ports(InMemoryStore m) {
    return new StorePorts(
        m.sellers(),
        m.accessTokens(),
        m.orders(),
        m.tickets(),
        m.messages(),
        m.transactions(),
        m.systemState(),
        m.responseTimes(),
        m.textModules(),
        m.ledger(),
        m.idempotencyKeys(),
        m.returnLabels(),
        m.returnPolicyOutcomes(),
        m.exchangeRates());
  }

  private TestApp(
      InMemoryStore memory,
      StorePorts store,
      java.util.function.Supplier<String> fingerprint,
      java.util.function.UnaryOperator<HttpDependencies> adjust,
      HttpLimits limits) {
    this.store = memory;
    this.ports = store;
    this.fingerprint = fingerprint;
    var tx = store.transactions();
    var access =
        new AccessService(store.accessTokens(), store.sellers(), tx, clock, Optional.of(ADMIN));
    var sellers = new SellerService(store.sellers(), tx, clock);
    var feed = new OrderFeedService(store.orders(), store.sellers(), tx);
    var textModules =
        new TextModuleService(
            store.textModules(),
            store.sellers(),
            store.tickets(),
            store.orders(),
            tx,
            clock,
            store.returnLabels(),
            carriers,
            DEFAULT_CARRIER);
    var returnPolicy =
        new ReturnPolicyService(
            store.orders(),
            store.ledger(),
            store.returnLabels(),
            store.returnPolicyOutcomes(),
            store.messages(),
            clock,
            ReturnOptionPolicy.withDefaults(),
            store.sellers(),
            store.exchangeRates());
    var labels =
        new ReturnLabelService(
            carriers,
            store.returnLabels(),
            store.tickets(),
            store.orders(),
            store.sellers(),
            store.messages(),
            tx,
            clock);
    var tickets =
        new TicketService(
            store.tickets(),
            store.messages(),
            store.orders(),
            tx,
            clock,
            new ResponseDeadline(PublicHolidays.none()),
            textModules,
            returnPolicy,
            labels,
            store.idempotencyKeys());
    var actions =
        new TicketActionService(
            store.tickets(),
            store.messages(),
            store.orders(),
            store.ledger(),
            store.idempotencyKeys(),
            tx,
            clock,
            new ResponseDeadline(PublicHolidays.none()));
    server =
        new HttpServer(
            adjust.apply(
                new HttpDependencies(
                    sellers,
                    access,
                    access,
                    feed,
                    feed,
                    tickets,
                    tickets,
                    tickets,
                    tickets,
                    tickets,
                    tickets,
                    new ServiceLevelService(store.responseTimes(), store.sellers(), tx, clock),
                    textModules,
                    textModules,
                    ready::get,
                    clock,
                    actions,
                    actions,
                    actions,
                    actions,
                    actions,
                    returnPolicy,
                    labels,
                    labels,
                    labels,
                    new ExchangeRateService(
                        store.exchangeRates(), tx, ReturnOptionPolicy.withDefaults()),
                    actions,
                    tx)),
            limits);
    api = new ApiClient(server.start("127.0.0.1", 0));
  }

  /** Every stored row as text: equal before and after a request that must change nothing. */
  String fingerprint() {
    return fingerprint.get();
  }

  @Override
  public void close() {
    server.stop();
    if (database != null) {
      try {
        database.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  // ----- fixtures over HTTP -----

  long registerSeller(String name, String... storefronts) {
    var r =
        api.post(
            "/api/v1/sellers",
            ADMIN,
            Map.of(
                "name",
                name,
                "storefronts",
                List.of(storefronts),
                "returnAddress",
                Map.of(
                    "name", name,
                    "street", "Hauptstr. 1",
                    "postalCode", "10115",
                    "city", "Berlin",
                    "country", "DE")));
    assertEquals(201, r.status(), r.body());
    return r.json().get("sellerId").asLong();
  }

  String token(String role, Long sellerId, Long buyerId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("role", role);
    if (sellerId != null) {
      body.put("sellerId", sellerId);
    }
    if (buyerId != null) {
      body.put("buyerId", buyerId);
    }
    var r = api.post("/api/v1/tokens", ADMIN, body);
    assertEquals(201, r.status(), r.body());
    return r.json().get("token").asText();
  }

  JsonNode feedOrder(
      String orderNumber, long sellerId, long buyerId, String storefront, long... units) {
    List<Map<String, Object>> unitList = new ArrayList<>();
    for (long id : units) {
      unitList.add(
          Map.of(
              "orderUnitId",
              id,
              "title",
              "Bike rack " + id,
              "ean",
              "4006381333931",
              "price",
              Map.of("amount", 3999, "currency", currency(storefront)),
              "state",
              "sent"));
    }
    return feedOrderUnits(orderNumber, sellerId, buyerId, storefront, unitList);
  }

  /** Feeds an order with these unit bodies (ordered 2026-02-20 by buyer Erika Muster). */
  JsonNode feedOrderUnits(
      String orderNumber,
      long sellerId,
      long buyerId,
      String storefront,
      List<Map<String, Object>> unitList) {
    var r =
        api.post(
            "/api/v1/orders",
            ADMIN,
            Map.of(
                "orderNumber", orderNumber,
                "storefront", storefront,
                "sellerId", sellerId,
                "orderedAt", "2026-02-20T10:00:00Z",
                "buyer",
                    Map.of(
                        "buyerId", buyerId, "name", "Erika Muster", "email", "erika@example.org"),
                "units", unitList));
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  JsonNode openTicket(String token, long unit, String reason, String topic, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("orderUnitIds", List.of(unit));
    body.put("reason", reason);
    if (topic != null) {
      body.put("topic", topic);
    }
    body.put("message", message);
    var r = api.post("/api/v1/tickets", token, body);
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  private static String currency(String storefront) {
    return switch (storefront) {
      case "cz" -> "CZK";
      case "pl" -> "PLN";
      default -> "EUR";
    };
  }
}
