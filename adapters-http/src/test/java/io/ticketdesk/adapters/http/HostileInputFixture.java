package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.persistence.TestDatabase;
import io.ticketdesk.adapters.persistence.TestDatabases;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A seller (storefronts de and cz) with two orders and three tickets, text modules and a label;
 * rebuilt when a request changed it:
 *
 * <ul>
 *   <li>{@value #TICKET}: the buyer's product_defect ticket on unit 1001 of order FZ1 (units 1001
 *       and 1002 sent, 39.99 EUR each);
 *   <li>{@value #RETURN_TICKET}: the buyer's return request (product_return, refund) on units 2001
 *       (59.99 EUR) and 2002 (29.99 EUR) of order FZ2, delivered three days ago, not yet answered:
 *       the first response must offer a valid return option (enforced phase);
 *   <li>label {@value #LABEL}: a test-pdf label of the return ticket;
 *   <li>modules {@value #MODULE} (plain), {@value #LABEL_MODULE} (prepaid_label with test-pdf),
 *       {@value #ADDRESS_MODULE} (seller_address) and {@value #DEFAULT_MODULE} (a read-only plugin
 *       default with prepaid_label and no carrier);
 *   <li>{@value #ESCALATED_TICKET}: the buyer's ticket on unit 1002, escalated by the seller, so
 *       customer service leads it.
 * </ul>
 */
final class HostileInputFixture {
  /** The ids of the fixture, the same in every run (the committed inputs name them). */
  static final String TICKET = "00100000001";

  static final String RETURN_TICKET = "00100000002";
  static final String ESCALATED_TICKET = "00100000003";
  static final long MODULE = 1;
  static final long LABEL_MODULE = 2;
  static final long ADDRESS_MODULE = 3;
  static final long DEFAULT_MODULE = 4;
  static final long LABEL = 1;

  private static HostileInputFixture fixture;

  final TestApp app = newApp();
  final String seller;
  final String buyer;
  final String cs;
  boolean changed;

  HostileInputFixture() {
    long sellerId = app.registerSeller("Fuzz GmbH", "de", "cz");
    seller = app.token("seller", sellerId, null);
    buyer = app.token("buyer", null, 501L);
    cs = app.token("customer_service", null, null);
    app.feedOrder("FZ1", sellerId, 501, "de", 1001, 1002);
    expect(TICKET, app.openTicket(buyer, 1001, "product_defect", null, "broken"));
    expectId(MODULE, module("greeting", "Hello {{buyer.name}}", null));
    feedDeliveredOrder(sellerId);
    var opened =
        app.api.post(
            "/api/v1/tickets",
            buyer,
            Map.of(
                "orderUnitIds",
                List.of(2001, 2002),
                "reason",
                "product_return",
                "returnIntent",
                "refund",
                "message",
                "I revoke the purchase and want my money back."));
    assertEquals(201, opened.status(), opened.body());
    expect(RETURN_TICKET, opened.json());
    var label =
        app.api.post(
            "/api/v1/tickets/" + RETURN_TICKET + "/return-labels",
            seller,
            Map.of("carrier", TestApp.DEFAULT_CARRIER));
    assertEquals(201, label.status(), label.body());
    assertEquals(LABEL, label.json().get("labelId").asLong(), label.body());
    expectId(
        LABEL_MODULE,
        module(
            "label",
            "Your label: {{returnLabel.url}} ({{returnLabel.trackingNumber}})",
            Map.of("type", "prepaid_label", "carrier", TestApp.DEFAULT_CARRIER)));
    expectId(
        ADDRESS_MODULE,
        module(
            "address",
            "Please send it to {{seller.returnAddress}}",
            Map.of("type", "seller_address")));
    var defaults =
        app.storeDefaults(
            List.of(
                new DefaultTextModuleSource.DefaultTextModule(
                    "fuzz:de:return-label",
                    "de",
                    "de-DE",
                    "Default label",
                    "Label: {{returnLabel.url}}",
                    "prepaid_label")));
    assertEquals(1, defaults.stored(), defaults.skipped().toString());
    expect(ESCALATED_TICKET, app.openTicket(buyer, 1002, "contact_other", null, "where is it"));
    var escalated =
        app.api.post(
            "/api/v1/tickets/" + ESCALATED_TICKET + "/escalations",
            seller,
            Map.of("reason", "cannot_help_further"));
    assertEquals(200, escalated.status(), escalated.body());
  }

  private long module(String name, String body, Map<String, Object> returnOption) {
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("storefront", "de");
    draft.put("name", name);
    draft.put("body", body);
    if (returnOption != null) {
      draft.put("returnOption", returnOption);
    }
    var m = app.api.post("/api/v1/text-modules", seller, draft);
    assertEquals(201, m.status(), m.body());
    return m.json().get("id").asLong();
  }

  private void feedDeliveredOrder(long sellerId) {
    String delivered = TestApp.START.minus(java.time.Duration.ofDays(3)).toString();
    List<Map<String, Object>> units = new ArrayList<>();
    for (long[] unit : new long[][] {{2001, 5999}, {2002, 2999}}) {
      units.add(
          Map.of(
              "orderUnitId",
              unit[0],
              "title",
              "Bike rack " + unit[0],
              "ean",
              "4006381333931",
              "price",
              Map.of("amount", unit[1], "currency", "EUR"),
              "state",
              "received",
              "deliveredAt",
              delivered));
    }
    app.feedOrderUnits("FZ2", sellerId, 501, "de", units);
  }

  private static void expect(String ticketNumber, JsonNode ticket) {
    assertEquals(ticketNumber, ticket.get("ticketNumber").asText(), ticket.toString());
  }

  private static void expectId(long expected, long id) {
    assertEquals(expected, id, "the fixture's ids changed; the committed inputs name them");
  }

  static synchronized HostileInputFixture fixture() {
    // The requests go to the in-process server on the loopback address: not an SSRF finding.
    BugDetectors.allowNetworkConnections(
        (host, port) -> "127.0.0.1".equals(host) || "localhost".equals(host));
    if (fixture == null || fixture.changed) {
      if (fixture != null) {
        fixture.app.close();
      }
      fixture = new HostileInputFixture();
    }
    return fixture;
  }

  /**
   * The app the fuzz test sends to, on the store named by {@code -Dticketdesk.fuzz.store} (or
   * {@code TICKETDESK_FUZZ_STORE}): {@code memory} (default), {@code h2} or {@code postgresql}.
   * Each fixture gets a fresh database, so that its ids are the same in every run.
   */
  static TestApp newApp() {
    String store =
        System.getProperty(
            "ticketdesk.fuzz.store",
            System.getenv().getOrDefault("TICKETDESK_FUZZ_STORE", "memory"));
    return switch (store) {
      case "memory" -> new TestApp();
      case "h2" -> onDatabase(TestDatabases.h2());
      case "postgresql" -> onDatabase(TestDatabases.postgres());
      default -> throw new IllegalArgumentException("unknown fuzz store " + store);
    };
  }

  private static TestApp onDatabase(TestDatabase db) {
    return new TestApp(db.freshPorts(), db::fingerprint, db);
  }

  /** Closes the current fixture's app (after the fuzz tests). */
  static synchronized void close() {
    if (fixture != null) {
      fixture.app.close();
      fixture = null;
    }
  }
}
