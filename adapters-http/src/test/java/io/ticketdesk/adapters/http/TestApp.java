package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.memory.InMemoryStore;
import io.ticketdesk.application.port.in.StoreDefaultTextModulesUseCase;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.application.service.CoreSettings;
import io.ticketdesk.application.service.TicketdeskCore;
import io.ticketdesk.application.service.WebhookSettings;
import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.domain.PublicHolidays;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
  final TicketdeskCore core;

  /** The default text modules the core's source offers (as plugins would). */
  private final List<DefaultTextModuleSource.DefaultTextModule> defaults =
      new CopyOnWriteArrayList<>();

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
    this(null, ports, fingerprint, adjust, new HttpLimits(0, 0, Duration.ofSeconds(30)), STREAMS);
    this.database = database;
  }

  private AutoCloseable database;

  /** The webhook client the server's webhooks use, and the webhooks (to dispatch in a test). */
  final FakeWebhookSender webhookSender = new FakeWebhookSender();

  TicketdeskCore.Webhooks webhooks;

  private TestApp(
      InMemoryStore memory,
      java.util.function.UnaryOperator<HttpDependencies> adjust,
      HttpLimits limits) {
    this(memory, ports(memory), () -> StoreFingerprint.of(memory), adjust, limits, STREAMS);
  }

  /**
   * The test app's event streams: they end after a second (so that a plain request reads one to its
   * end, and clients reconnect often), heartbeats every 300 ms, new events read every 50 ms.
   */
  static final EventStreamLimits STREAMS =
      new EventStreamLimits(
          3, 20, Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMillis(50));

  /** On the in-memory store with these event stream limits. */
  TestApp(EventStreamLimits streams) {
    this(new InMemoryStore(), streams, new HttpLimits(0, 0, Duration.ofSeconds(30)));
  }

  private TestApp(InMemoryStore memory, EventStreamLimits streams, HttpLimits limits) {
    this(memory, ports(memory), () -> StoreFingerprint.of(memory), d -> d, limits, streams);
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
        m.exchangeRates(),
        m.outbox(),
        m.leases(),
        m.sessions(),
        m.webhookEndpoints(),
        m.webhookDeliveries());
  }

  private TestApp(
      InMemoryStore memory,
      StorePorts store,
      java.util.function.Supplier<String> fingerprint,
      java.util.function.UnaryOperator<HttpDependencies> adjust,
      HttpLimits limits,
      EventStreamLimits streams) {
    this.store = memory;
    this.ports = store;
    this.fingerprint = fingerprint;
    core =
        new TicketdeskCore(
            store,
            carriers,
            () -> List.copyOf(defaults),
            PublicHolidays.none(),
            clock,
            CoreSettings.defaults().withAdminToken(ADMIN).withDefaultCarrier(DEFAULT_CARRIER));
    webhooks = core.webhooks(webhookSender, WebhookSettings.defaults());
    server =
        new HttpServer(
            adjust.apply(HttpDependencies.of(core, ready::get, webhooks.manage())),
            limits,
            streams,
            List.of());
    api = new ApiClient(server.start("127.0.0.1", 0));
  }

  /** Offers these default text modules (as plugins would) and stores them, as at start. */
  StoreDefaultTextModulesUseCase.Stored storeDefaults(
      List<DefaultTextModuleSource.DefaultTextModule> modules) {
    defaults.addAll(modules);
    return core.storeDefaultTextModules().storeDefaults();
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
