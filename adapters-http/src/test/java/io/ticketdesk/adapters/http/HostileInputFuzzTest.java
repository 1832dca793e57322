package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.persistence.TestDatabase;
import io.ticketdesk.adapters.persistence.TestDatabases;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;

/**
 * Hostile input never breaks the service: Jazzer fuzz tests for every request body (every body
 * field of openapi.yaml, in each role that may send it), every query string, the path parameters
 * and the If-Match / Idempotency-Key / Content-Type headers, driving the real Javalin app
 * in-process ({@link TestApp}, in-memory store). For every input: never a 5xx (a 502 {@code
 * carrier-failed} from the test carrier "broken" is a documented answer, not a crash), the answer
 * is documented in openapi.yaml (the {@link ApiClient} checks status, media type and schema), and a
 * 4xx (or that 502) changes nothing in the store ({@link StoreFingerprint}: tickets, messages,
 * orders, text modules, return labels, policy outcomes, ledger, idempotency keys, …).
 *
 * <p>The fixture ({@link Fixture}) has the state the fuzzed requests need to get past the first
 * checks: a plain ticket, a return request the seller has not answered yet (the return-option
 * policy applies and is enforced), a label of that ticket, text modules with and without a return
 * option (one of them a plugin default), and a ticket customer service leads. Its ids are the same
 * in every run, so the committed inputs can name them.
 *
 * <p>In a normal build (regression mode) each test runs the committed inputs under {@code
 * src/test/resources/io/ticketdesk/adapters/http/HostileInputFuzzTestInputs/<test>/}. To fuzz one
 * of them for longer (new findings are written to that directory): {@code JAZZER_FUZZ=1 ./mvnw -o
 * -pl adapters-http -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=HostileInputFuzzTest#postReturnMessage} (see docs/reliability.md).
 */
class HostileInputFuzzTest {
  /** Requests sent (a path-parameter or header input sends several). */
  static final AtomicLong INPUTS = new AtomicLong();

  private static Fixture fixture;

  /**
   * JSON names and values of the API's bodies, so that the fuzzer's mutations (in fuzzing mode) can
   * splice in fields and enumeration values it would hardly find byte by byte.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @DictionaryEntries({
    "\"text\"",
    "\"internal\"",
    "\"textModuleId\"",
    "\"returnOptions\"",
    "\"type\"",
    "\"labelId\"",
    "\"url\"",
    "\"orderUnitId\"",
    "\"orderUnitIds\"",
    "\"discountOffer\"",
    "\"amount\"",
    "\"currency\"",
    "\"overridePolicyGuard\"",
    "\"authorRole\"",
    "\"channel\"",
    "\"carrier\"",
    "\"returnOption\"",
    "\"copyOf\"",
    "\"storefront\"",
    "\"locale\"",
    "\"name\"",
    "\"body\"",
    "\"reason\"",
    "\"bearer\"",
    "\"note\"",
    "\"returnIntent\"",
    "\"topic\"",
    "\"message\"",
    "\"orderNumber\"",
    "\"state\"",
    "\"deliveredAt\"",
    "\"prepaid_label\"",
    "\"label_url\"",
    "\"seller_address\"",
    "\"refund_without_return\"",
    "\"label_in_package\"",
    "\"test-pdf\"",
    "\"broken\"",
    "\"seller\"",
    "\"marketplace\"",
    "\"email\"",
    "\"EUR\"",
    "\"CZK\"",
    "\"https://carrier.example/label/1\"",
    "{{returnLabel.url}}",
    "{{buyer.name}}",
    "%PDF-",
    "true",
    "false",
    "null",
    "2001",
    "2002",
    "1001",
    "9223372036854775807",
    "\"+999999999-12-31T23:59:59Z\"",
    "\"-999999999-01-01T00:00:00+01:00\"",
    "\"1999-12-31T23:59:59.999999Z\"",
    "\"2000-01-01T00:00:00Z\"",
    "\"2100-12-31T23:59:59.999999Z\"",
    "\"2101-01-01T00:00:00Z\"",
    "\\u0000",
    "\\u001b",
    "\\ud800",
    "\\udc00",
    "\\ud83d\\udeb2",
    "%zz",
    "%00",
    "%C0%BC",
    "%ED%A0%80",
  })
  @interface ApiTokens {}

  /** The ids of the fixture, the same in every run (the committed inputs name them). */
  static final String TICKET = "00100000001";

  static final String RETURN_TICKET = "00100000002";
  static final String ESCALATED_TICKET = "00100000003";
  static final long MODULE = 1;
  static final long LABEL_MODULE = 2;
  static final long ADDRESS_MODULE = 3;
  static final long DEFAULT_MODULE = 4;
  static final long LABEL = 1;

  /**
   * A seller (storefronts de and cz) with two orders and three tickets, text modules and a label;
   * rebuilt when a request changed it:
   *
   * <ul>
   *   <li>{@value #TICKET}: the buyer's product_defect ticket on unit 1001 of order FZ1 (units 1001
   *       and 1002 sent, 39.99 EUR each);
   *   <li>{@value #RETURN_TICKET}: the buyer's return request (product_return, refund) on units
   *       2001 (59.99 EUR) and 2002 (29.99 EUR) of order FZ2, delivered three days ago, not yet
   *       answered: the first response must offer a valid return option (enforced phase);
   *   <li>label {@value #LABEL}: a test-pdf label of the return ticket;
   *   <li>modules {@value #MODULE} (plain), {@value #LABEL_MODULE} (prepaid_label with test-pdf),
   *       {@value #ADDRESS_MODULE} (seller_address) and {@value #DEFAULT_MODULE} (a read-only
   *       plugin default with prepaid_label and no carrier);
   *   <li>{@value #ESCALATED_TICKET}: the buyer's ticket on unit 1002, escalated by the seller, so
   *       customer service leads it.
   * </ul>
   */
  static final class Fixture {
    final TestApp app = newApp();
    final String seller;
    final String buyer;
    final String cs;
    boolean changed;

    Fixture() {
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
  }

  static synchronized Fixture fixture() {
    // The requests go to the in-process server on the loopback address: not an SSRF finding.
    BugDetectors.allowNetworkConnections(
        (host, port) -> "127.0.0.1".equals(host) || "localhost".equals(host));
    if (fixture == null || fixture.changed) {
      if (fixture != null) {
        fixture.app.close();
      }
      fixture = new Fixture();
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

  /** At most this many request series in /metrics, however many odd requests arrive. */
  static final int MAX_METRIC_SERIES = 400;

  /** /metrics stays bounded: checked every 64 requests (a scrape per request would dominate). */
  static void checkMetricsBounded(Fixture f) {
    if (INPUTS.get() % 64 != 0) {
      return;
    }
    String metrics = f.app.api.get("/metrics", null).body();
    long series =
        metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).count();
    assertTrue(series <= MAX_METRIC_SERIES, series + " series in /metrics");
    assertTrue(metrics.length() < 512 * 1024, "/metrics has " + metrics.length() + " bytes");
  }

  /**
   * Sends raw request bytes (a request line and header lines the JDK client would not send:
   * malformed percent-encoding, invented methods, repeated headers); same oracle as {@link #check}
   * but for the contract, which a raw answer is not checked against beyond being a problem.
   */
  static void checkRaw(String head, byte[] body) {
    INPUTS.incrementAndGet();
    Fixture f = fixture();
    String before = f.app.fingerprint();
    RawHttp.Answer r = RawHttp.send(f.app.api.port, head, body, head.startsWith("HEAD "));
    boolean carrierDown = r.status() == 502 && r.body().contains("/problems/carrier-failed\"");
    if (r.status() >= 500 && !carrierDown) {
      fail(head + " answered " + r.status() + " " + r.body());
    }
    if (r.status() >= 400) {
      assertTrue(
          r.contentType().startsWith("application/problem+json"),
          r.status() + " is not a problem: " + r.contentType() + " for " + head);
      assertEquals(
          before, f.app.fingerprint(), head + " answered " + r.status() + " but changed the store");
    } else if (!head.startsWith("GET ") && !head.startsWith("HEAD ")) {
      f.changed = true;
    }
    checkMetricsBounded(f);
  }

  @AfterAll
  static void report() {
    System.out.println("RELIABILITY HostileInputFuzzTest requests sent: " + INPUTS.get());
    if (fixture != null) {
      fixture.app.close();
      fixture = null;
    }
  }

  static void check(
      String method,
      String path,
      String token,
      String body,
      Map<String, String> headers,
      boolean resetOnSuccess) {
    check(
        method,
        path,
        token,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        headers,
        resetOnSuccess);
  }

  /**
   * Sends one request; asserts no 5xx, a documented answer, and no change on a refusal. {@code
   * resetOnSuccess}: a 2xx may change the fixture (close, refund, …), so rebuild it.
   */
  static void check(
      String method,
      String path,
      String token,
      byte[] body,
      Map<String, String> headers,
      boolean resetOnSuccess) {
    INPUTS.incrementAndGet();
    Fixture f = fixture();
    String before = f.app.fingerprint();
    // Every answer, Jetty's own refusals of malformed URIs included (JettyErrorProblems), must be
    // documented in openapi.yaml: ApiClient fails otherwise.
    ApiClient.Response r = f.app.api.sendBytes(method, path, token, body, headers);
    String input = body == null ? "no body" : "input " + text(body);
    boolean carrierDown = r.status() == 502 && r.body().contains("/problems/carrier-failed\"");
    if (r.status() >= 500 && !carrierDown) {
      fail(method + " " + path + " answered " + r.status() + " " + r.body() + " for " + input);
    }
    if (r.status() >= 400) {
      assertTrue(
          r.contentType().startsWith("application/problem+json"),
          r.status() + " is not a problem: " + r.contentType());
      assertTrue(!r.body().contains("\tat "), "stack trace: " + r.body());
      assertEquals(
          before,
          f.app.fingerprint(),
          method + " " + path + " answered " + r.status() + " but changed the store; " + input);
    } else if (resetOnSuccess) {
      f.changed = true;
    }
    checkMetricsBounded(f);
  }

  static String text(byte[] input) {
    return new String(input, StandardCharsets.UTF_8);
  }

  /** A query string from fuzz input: '&' and '=' stay, everything else is percent-encoded. */
  static String query(byte[] input) {
    String s = text(input);
    StringBuilder q = new StringBuilder();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '&' || c == '=') {
        q.append(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8)).append(c);
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    q.append(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8));
    return q.length() == 0 ? "" : "?" + q;
  }

  static String segment(byte[] input) {
    return URLEncoder.encode(text(input), StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Header values the HTTP client can send (visible ASCII and spaces), at most 200 chars. */
  static String headerValue(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c >= 0x20 && c < 0x7f && b.length() < 200) {
        b.append(c);
      }
    }
    return b.toString().strip();
  }

  private static String t(String suffix) {
    return "/api/v1/tickets/" + TICKET + suffix;
  }

  private static String r(String suffix) {
    return "/api/v1/tickets/" + RETURN_TICKET + suffix;
  }

  /** The first line of the input (without the line break) and the rest. */
  static String[] firstLineAndRest(byte[] input) {
    String s = text(input);
    int nl = s.indexOf('\n');
    return nl < 0 ? new String[] {s, ""} : new String[] {s.substring(0, nl), s.substring(nl + 1)};
  }

  // ----- request bodies -----

  @FuzzTest
  @ApiTokens
  void registerSeller(byte[] input) {
    check("POST", "/api/v1/sellers", TestApp.ADMIN, input, Map.of(), false);
  }

  @FuzzTest
  @ApiTokens
  void issueToken(byte[] input) {
    check("POST", "/api/v1/tokens", TestApp.ADMIN, input, Map.of(), false);
  }

  @FuzzTest
  @ApiTokens
  void feedOrder(byte[] input) {
    check("POST", "/api/v1/orders", TestApp.ADMIN, input, Map.of(), false);
  }

  @FuzzTest
  @ApiTokens
  void updateOrderUnit(byte[] input) {
    check("PATCH", "/api/v1/orders/FZ1/units/1001", TestApp.ADMIN, input, Map.of(), true);
  }

  @FuzzTest
  @ApiTokens
  void openTicket(byte[] input) {
    check("POST", "/api/v1/tickets", fixture().buyer, input, Map.of(), true);
  }

  /** A seller opens a ticket too (it then waits for the buyer). */
  @FuzzTest
  @ApiTokens
  void openTicketAsSeller(byte[] input) {
    check("POST", "/api/v1/tickets", fixture().seller, input, Map.of(), true);
  }

  @FuzzTest
  @ApiTokens
  void postMessage(byte[] input) {
    check("POST", t("/messages"), fixture().seller, input, Map.of(), true);
  }

  @FuzzTest
  @ApiTokens
  void postMessageAsBuyer(byte[] input) {
    check("POST", t("/messages"), fixture().buyer, input, Map.of(), false);
  }

  /**
   * The seller's first response to the return request: returnOptions (labelId {@value #LABEL} is
   * this ticket's label), discountOffer, overridePolicyGuard, textModuleId (modules with a return
   * option), under the enforced return-option policy.
   */
  @FuzzTest
  @ApiTokens
  void postReturnMessage(byte[] input) {
    check("POST", r("/messages"), fixture().seller, input, Map.of(), true);
  }

  /** The marketplace records a seller's message from another channel (authorRole, channel). */
  @FuzzTest
  @ApiTokens
  void postMessageAsMarketplace(byte[] input) {
    check("POST", r("/messages"), TestApp.ADMIN, input, Map.of(), true);
  }

  @FuzzTest
  @ApiTokens
  void postMessageAsCustomerService(byte[] input) {
    check("POST", r("/messages"), fixture().cs, input, Map.of(), true);
  }

  @FuzzTest
  @ApiTokens
  void closeTicket(byte[] input) {
    check("POST", t("/close"), fixture().seller, input, Map.of(), true);
  }

  @FuzzTest
  @ApiTokens
  void createTextModule(byte[] input) {
    check("POST", "/api/v1/text-modules", fixture().seller, input, Map.of(), true);
  }

  @FuzzTest
  @ApiTokens
  void registerWebhookEndpoint(byte[] input) {
    check("POST", "/api/v1/webhook-endpoints", fixture().seller, input, Map.of(), true);
  }

  @FuzzTest
  @ApiTokens
  void updateTextModule(byte[] input) {
    check("PUT", "/api/v1/text-modules/" + MODULE, fixture().seller, input, Map.of(), true);
  }

  @FuzzTest
  @ApiTokens
  void refund(byte[] input) {
    check("POST", t("/refunds"), fixture().seller, input, Map.of(), true);
  }

  /** Customer service refunds on the return ticket (bearer decides who pays). */
  @FuzzTest
  @ApiTokens
  void refundAsCustomerService(byte[] input) {
    check("POST", r("/refunds"), fixture().cs, input, Map.of(), true);
  }

  @FuzzTest
  @ApiTokens
  void cancel(byte[] input) {
    check("POST", t("/cancellations"), fixture().seller, input, Map.of(), true);
  }

  /** Customer service may cancel received units too. */
  @FuzzTest
  @ApiTokens
  void cancelAsCustomerService(byte[] input) {
    check("POST", r("/cancellations"), fixture().cs, input, Map.of(), true);
  }

  @FuzzTest
  @ApiTokens
  void escalate(byte[] input) {
    check("POST", t("/escalations"), fixture().seller, input, Map.of(), true);
  }

  /** Handback takes no body; the ticket is one customer service leads, so it can succeed. */
  @FuzzTest
  void handBack(byte[] input) {
    check(
        "POST",
        "/api/v1/tickets/" + ESCALATED_TICKET + "/handback",
        fixture().cs,
        input,
        Map.of(),
        true);
  }

  /** JSON {carrier, orderUnitIds}: a label from a carrier plugin ("broken" always fails: 502). */
  @FuzzTest
  @ApiTokens
  void createReturnLabel(byte[] input) {
    check("POST", r("/return-labels"), fixture().seller, input, Map.of(), true);
  }

  /** A PDF upload: the first line is the query string (trackingNumber), the rest the PDF. */
  @FuzzTest
  void uploadReturnLabel(byte[] input) {
    int nl = 0;
    while (nl < input.length && input[nl] != '\n') {
      nl++;
    }
    String q = query(java.util.Arrays.copyOf(input, nl));
    byte[] pdf =
        nl < input.length ? java.util.Arrays.copyOfRange(input, nl + 1, input.length) : new byte[0];
    check(
        "POST",
        r("/return-labels") + q,
        fixture().seller,
        pdf,
        Map.of("Content-Type", LabelRoutes.PDF),
        true);
  }

  /**
   * The Content-Type decides how a body is read (the return-label route takes JSON or a PDF): the
   * first line is the Content-Type, the rest the body, sent to both.
   */
  @FuzzTest
  void contentTypes(byte[] input) {
    String[] parts = firstLineAndRest(input);
    String type = headerValue(parts[0]);
    Map<String, String> h = type.isEmpty() ? Map.of() : Map.of("Content-Type", type);
    byte[] body = parts[1].getBytes(StandardCharsets.UTF_8);
    check("POST", r("/return-labels?trackingNumber=TRK1"), fixture().seller, body, h, true);
    check("POST", t("/messages"), fixture().seller, body, h, true);
  }

  // ----- query strings -----

  @FuzzTest
  void listTicketsQuery(byte[] input) {
    check(
        "GET", "/api/v1/tickets" + query(input), fixture().seller, (byte[]) null, Map.of(), false);
  }

  @FuzzTest
  void listMessagesQuery(byte[] input) {
    check("GET", t("/messages") + query(input), fixture().buyer, (byte[]) null, Map.of(), false);
  }

  @FuzzTest
  void kpiQuery(byte[] input) {
    check(
        "GET",
        "/api/v1/kpis/response-time" + query(input),
        fixture().seller,
        (byte[]) null,
        Map.of(),
        false);
  }

  /** The marketplace may name any seller (sellerId) or none. */
  @FuzzTest
  void kpiQueryAsMarketplace(byte[] input) {
    check(
        "GET",
        "/api/v1/kpis/response-time" + query(input),
        TestApp.ADMIN,
        (byte[]) null,
        Map.of(),
        false);
  }

  @FuzzTest
  void listTextModulesQuery(byte[] input) {
    check(
        "GET",
        "/api/v1/text-modules" + query(input),
        fixture().seller,
        (byte[]) null,
        Map.of(),
        false);
  }

  /** Renders the plain module and the one that makes a label when sent. */
  @FuzzTest
  void renderTextModuleQuery(byte[] input) {
    for (long module : new long[] {MODULE, LABEL_MODULE}) {
      check(
          "GET",
          "/api/v1/text-modules/" + module + "/rendered" + query(input),
          fixture().seller,
          (byte[]) null,
          Map.of(),
          false);
    }
  }

  @FuzzTest
  void placeholdersQuery(byte[] input) {
    check(
        "GET",
        "/api/v1/text-modules/placeholders" + query(input),
        fixture().seller,
        (byte[]) null,
        Map.of(),
        false);
  }

  @FuzzTest
  void eventFeedQuery(byte[] input) {
    check("GET", "/api/v1/events" + query(input), fixture().seller, (byte[]) null, Map.of(), false);
    check("GET", "/api/v1/events" + query(input), TestApp.ADMIN, (byte[]) null, Map.of(), false);
  }

  /** The live stream's query (a valid one streams for the test app's second, then ends). */
  @FuzzTest
  void eventStreamQuery(byte[] input) {
    String path = "/api/v1/events/stream" + query(input);
    check("GET", path, fixture().seller, (byte[]) null, Map.of(), false);
    String lastEventId = headerValue(text(input));
    check(
        "GET",
        path,
        TestApp.ADMIN,
        (byte[]) null,
        lastEventId.isEmpty() ? Map.of() : Map.of("Last-Event-ID", lastEventId),
        false);
  }

  /** The operations without a token, and the carriers, with whatever query. */
  @FuzzTest
  void operationsAndCarriersQuery(byte[] input) {
    String q = query(input);
    for (String path : List.of("/health", "/ready", "/metrics", "/openapi.yaml")) {
      check("GET", path + q, null, (byte[]) null, Map.of(), false);
    }
    check("GET", "/api/v1/carriers" + q, fixture().buyer, (byte[]) null, Map.of(), false);
  }

  // ----- path parameters and headers -----

  /** The input as every path parameter of the reads. */
  @FuzzTest
  void pathParameters(byte[] input) {
    String x = segment(input);
    if (x.isEmpty()) {
      return; // "/api/v1/tickets/" is the list (Javalin ignores a trailing slash)
    }
    Fixture f = fixture();
    byte[] none = null;
    check("GET", "/api/v1/tickets/" + x, f.seller, none, Map.of(), false);
    check("GET", "/api/v1/tickets/" + x + "/messages", f.buyer, none, Map.of(), false);
    check("GET", "/api/v1/tickets/" + x + "/order", f.seller, none, Map.of(), false);
    check("GET", "/api/v1/text-modules/" + x, f.seller, none, Map.of(), false);
    check(
        "GET",
        "/api/v1/text-modules/" + x + "/rendered?ticket=" + RETURN_TICKET,
        f.seller,
        none,
        Map.of(),
        false);
    check("GET", "/api/v1/return-labels/" + x, f.buyer, none, Map.of(), false);
    check(
        "PATCH",
        "/api/v1/orders/" + x + "/units/" + x,
        TestApp.ADMIN,
        "{\"state\":\"received\"}",
        Map.of(),
        true);
  }

  /** The input as the ticket number or text module id of every write, with valid bodies. */
  @FuzzTest
  void pathParametersOfWrites(byte[] input) {
    String x = segment(input);
    if (x.isEmpty()) {
      return;
    }
    String ticket = "/api/v1/tickets/" + x;
    String module = "/api/v1/text-modules/" + x;
    Map<String, String> none = Map.of();
    check("POST", ticket + "/messages", fixture().seller, "{\"text\":\"hi\"}", none, true);
    check("POST", ticket + "/close", fixture().seller, (byte[]) null, none, true);
    check(
        "POST",
        ticket + "/refunds",
        fixture().cs,
        "{\"orderUnitId\":2001,\"amount\":{\"amount\":1,\"currency\":\"EUR\"},"
            + "\"reason\":\"defect\"}",
        none,
        true);
    check(
        "POST",
        ticket + "/cancellations",
        fixture().cs,
        "{\"orderUnitId\":2002,\"reason\":\"no_inventory\"}",
        none,
        true);
    check(
        "POST",
        ticket + "/escalations",
        fixture().seller,
        "{\"reason\":\"cannot_help_further\"}",
        none,
        true);
    check("POST", ticket + "/handback", fixture().cs, (byte[]) null, none, true);
    check(
        "POST",
        ticket + "/return-labels",
        fixture().seller,
        "{\"carrier\":\"test-pdf\"}",
        none,
        true);
    check(
        "PUT",
        module,
        fixture().seller,
        "{\"storefront\":\"de\",\"name\":\"renamed\",\"body\":\"Hi\"}",
        none,
        true);
    check("DELETE", module, fixture().seller, (byte[]) null, none, true);
  }

  /**
   * The first line as If-Match, the second as Idempotency-Key, on every write that takes them:
   * messages (both), ticket openings (the key), close, refunds and cancellations (both),
   * escalation, handback, text module PUT and DELETE.
   */
  @FuzzTest
  void ifMatchAndIdempotencyKeyHeaders(byte[] input) {
    String[] parts = text(input).split("\n", 2);
    String ifMatch = headerValue(parts[0]);
    String key = headerValue(parts.length > 1 ? parts[1] : parts[0]);
    Map<String, String> h = new LinkedHashMap<>();
    if (!ifMatch.isEmpty()) {
      h.put("If-Match", ifMatch);
    }
    Map<String, String> k = new LinkedHashMap<>(h);
    if (!key.isEmpty()) {
      k.put("Idempotency-Key", key);
    }
    check("POST", t("/messages"), fixture().seller, "{\"text\":\"hi\"}", k, true);
    check(
        "POST",
        "/api/v1/tickets",
        fixture().buyer,
        "{\"orderUnitIds\":[1002],\"reason\":\"product_defect\",\"message\":\"hi\"}",
        key.isEmpty() ? Map.of() : Map.of("Idempotency-Key", key),
        true);
    check(
        "POST",
        t("/refunds"),
        fixture().seller,
        "{\"orderUnitId\":1001,\"amount\":{\"amount\":1,\"currency\":\"EUR\"},\"reason\":\"defect\"}",
        k,
        true);
    check(
        "POST",
        r("/cancellations"),
        fixture().cs,
        "{\"orderUnitId\":2002,\"reason\":\"no_inventory\"}",
        k,
        true);
    check(
        "POST",
        t("/escalations"),
        fixture().seller,
        "{\"reason\":\"cannot_help_further\"}",
        h,
        true);
    check(
        "POST",
        "/api/v1/tickets/" + ESCALATED_TICKET + "/handback",
        fixture().cs,
        (byte[]) null,
        h,
        true);
    check("POST", t("/close"), fixture().seller, (byte[]) null, h, true);
    check(
        "PUT",
        "/api/v1/text-modules/" + MODULE,
        fixture().seller,
        "{\"storefront\":\"de\",\"name\":\"greeting\",\"body\":\"Hi again\"}",
        h,
        true);
    check(
        "DELETE",
        "/api/v1/text-modules/" + ADDRESS_MODULE,
        fixture().seller,
        (byte[]) null,
        h,
        true);
  }

  // ----- the edges the fuzzer did not reach before (issue 16) -----

  /** Input as it is (printable ASCII kept, the rest percent-encoded) as the query string. */
  static String rawQuery(byte[] input) {
    StringBuilder q = new StringBuilder();
    for (byte b : input) {
      int c = b & 0xff;
      if (c > 0x20 && c < 0x7f && c != '#') {
        q.append((char) c);
      } else {
        q.append(String.format("%%%02X", c));
      }
    }
    return q.length() == 0 ? "" : "?" + q;
  }

  /** Raw query strings: malformed percent-encoding, repeated names, odd bytes, kept as they are. */
  @FuzzTest
  @ApiTokens
  void rawQueryStrings(byte[] input) {
    String q = rawQuery(input);
    String auth = RawHttp.auth(fixture().seller);
    checkRaw("GET /api/v1/tickets" + q + " HTTP/1.1" + auth, null);
    checkRaw("GET " + t("/messages") + q + " HTTP/1.1" + auth, null);
    checkRaw("GET /api/v1/kpis/response-time" + q + " HTTP/1.1" + auth, null);
    checkRaw("GET " + t("") + q + " HTTP/1.1" + auth, null);
    checkRaw("HEAD /api/v1/tickets" + q + " HTTP/1.1" + auth, null);
  }

  /** The first line as the method (a token of letters), sent with and without a token. */
  @FuzzTest
  void inventedMethods(byte[] input) {
    StringBuilder m = new StringBuilder();
    for (char c : firstLineAndRest(input)[0].toCharArray()) {
      if (((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-') && m.length() < 40) {
        m.append(c);
      }
    }
    String method = m.length() == 0 ? "BREW" : m.toString();
    checkRaw(method + " /api/v1/tickets HTTP/1.1", null);
    checkRaw(method + " " + t("") + " HTTP/1.1" + RawHttp.auth(fixture().seller), null);
    checkRaw(method + " /metrics HTTP/1.1", null);
    checkRaw(method + " /nowhere/" + method + " HTTP/1.1", null);
  }

  /**
   * Each line of the input a header (visible ASCII), added to a valid message post that already
   * carries its Authorization, Content-Type and (for even lengths) an Idempotency-Key: repeated
   * Authorization, Idempotency-Key, If-Match and Content-Type headers.
   */
  @FuzzTest
  void duplicateHeaders(byte[] input) {
    StringBuilder head =
        new StringBuilder("POST " + t("/messages") + " HTTP/1.1" + RawHttp.auth(fixture().buyer));
    head.append("\r\nContent-Type: application/json");
    if (input.length % 2 == 0) {
      head.append("\r\nIdempotency-Key: fuzz-key-0001");
    }
    for (String line : text(input).split("\n")) {
      String h = headerValue(line);
      int colon = h.indexOf(':');
      if (colon > 0 && h.substring(0, colon).matches("[A-Za-z-]+")) {
        head.append("\r\n").append(h);
      }
    }
    checkRaw(head.toString(), "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8));
  }
}
