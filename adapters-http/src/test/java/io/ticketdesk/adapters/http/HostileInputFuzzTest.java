package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.HostileInputFixture.*;
import static io.ticketdesk.adapters.http.HostileInputOracle.*;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>The fixture ({@link HostileInputFixture}) has the state the fuzzed requests need to get past
 * the first checks: a plain ticket, a return request the seller has not answered yet (the
 * return-option policy applies and is enforced), a label of that ticket, text modules with and
 * without a return option (one of them a plugin default), and a ticket customer service leads. Its
 * ids are the same in every run, so the committed inputs can name them.
 *
 * <p>In a normal build (regression mode) each test runs the committed inputs under {@code
 * src/test/resources/io/ticketdesk/adapters/http/HostileInputFuzzTestInputs/<test>/}. To fuzz one
 * of them for longer (new findings are written to that directory): {@code JAZZER_FUZZ=1 ./mvnw -o
 * -pl adapters-http -am test -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=HostileInputFuzzTest#postReturnMessage} (see docs/reliability.md).
 */
class HostileInputFuzzTest {
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

  @AfterAll
  static void report() {
    System.out.println("RELIABILITY HostileInputFuzzTest requests sent: " + INPUTS.get());
    HostileInputFixture.close();
  }

  private static String t(String suffix) {
    return "/api/v1/tickets/" + TICKET + suffix;
  }

  private static String r(String suffix) {
    return "/api/v1/tickets/" + RETURN_TICKET + suffix;
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
    HostileInputFixture f = fixture();
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
