package io.ticketdesk.plugins.httpcarrier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.ReturnAddress;
import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against a stub carrier service on a local port. */
class HttpReturnLabelProviderTest {

  /** What the stub answers: status, content type, body, optional delay and headers. */
  record Answer(
      int status, String contentType, byte[] body, Duration delay, Map<String, String> headers) {
    static Answer json(int status, String body) {
      return new Answer(
          status,
          "application/json",
          body.getBytes(StandardCharsets.UTF_8),
          Duration.ZERO,
          Map.of());
    }
  }

  private HttpServer server;
  private final AtomicReference<Answer> answer = new AtomicReference<>();
  private final AtomicReference<String> receivedBody = new AtomicReference<>();
  private final AtomicReference<String> receivedAuth = new AtomicReference<>();
  private final AtomicReference<String> receivedApiKey = new AtomicReference<>();
  private final AtomicReference<String> receivedPath = new AtomicReference<>();

  static ReturnLabelRequest request() {
    return new ReturnLabelRequest(
        "00112345678",
        "MQ8BRT7",
        "fr",
        "Lumière \"SARL\"",
        new ReturnAddress("Lumière SARL", "12 rue de l'Été", "75001", "Paris", "FR"),
        "Zoë \\ Back",
        "DE",
        "FR",
        List.of(
            new ReturnLabelRequest.Item(11, "Lampe\nde bureau", "4006381333931"),
            new ReturnLabelRequest.Item(12, "Ampoule", "")));
  }

  @BeforeEach
  void startStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/carrier/", this::handle);
    server.start();
  }

  private void handle(HttpExchange exchange) throws IOException {
    receivedPath.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
    receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    receivedAuth.set(exchange.getRequestHeaders().getFirst("Authorization"));
    receivedApiKey.set(exchange.getRequestHeaders().getFirst("X-Api-Key"));
    Answer a = answer.get();
    try {
      Thread.sleep(a.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.getResponseHeaders().set("Content-Type", a.contentType());
    a.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(a.body());
    }
  }

  @AfterEach
  void stopStub() {
    server.stop(0);
  }

  private ReturnLabelProvider provider(Map<String, String> extra) {
    Map<String, String> config = new HashMap<>(extra);
    config.put("baseUrl", "http://127.0.0.1:" + server.getAddress().getPort() + "/carrier");
    config.putIfAbsent("carrierName", "acme");
    return new HttpCarrierPlugin().returnLabelProviders(PluginContext.of(config)).get(0);
  }

  private ReturnLabelProvider provider() {
    return provider(Map.of("apiKey", "s3cret"));
  }

  @Test
  void posts_the_request_as_json_and_reads_a_label_url() {
    answer.set(
        Answer.json(
            201,
            "{\"trackingNumber\":\"ACME123\",\"labelUrl\":\"https://acme.example/l/ACME123.pdf\"}"));

    ReturnLabel label = provider().createLabel(request());

    assertEquals(ReturnLabel.ofUrl("acme", "ACME123", "https://acme.example/l/ACME123.pdf"), label);
    assertEquals("POST /carrier/return-labels", receivedPath.get());
    assertEquals("Bearer s3cret", receivedAuth.get());
    @SuppressWarnings("unchecked")
    Map<String, Object> sent = (Map<String, Object>) Json.parse(receivedBody.get());
    assertEquals("00112345678", sent.get("ticketNumber"));
    assertEquals(Map.of("name", "Zoë \\ Back"), sent.get("buyer"));
    @SuppressWarnings("unchecked")
    Map<String, Object> seller = (Map<String, Object>) sent.get("seller");
    assertEquals("Lumière \"SARL\"", seller.get("name"));
    assertEquals(
        Map.of(
            "name",
            "Lumière SARL",
            "street",
            "12 rue de l'Été",
            "postalCode",
            "75001",
            "city",
            "Paris",
            "country",
            "FR"),
        seller.get("returnAddress"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) sent.get("items");
    assertEquals("Lampe\nde bureau", items.get(0).get("title"));
    assertEquals(12, ((java.math.BigDecimal) items.get(1).get("orderUnitId")).intValueExact());
  }

  @Test
  void reads_a_base64_pdf_or_a_pdf_body() {
    byte[] pdf = "%PDF-1.7 label".getBytes(StandardCharsets.US_ASCII);
    answer.set(
        Answer.json(
            200,
            "{\"trackingNumber\":\"A1\",\"labelPdf\":\""
                + Base64.getEncoder().encodeToString(pdf)
                + "\"}"));
    assertArrayEquals(pdf, provider().createLabel(request()).pdf());

    answer.set(
        new Answer(200, "application/pdf", pdf, Duration.ZERO, Map.of("X-Tracking-Number", "A2")));
    ReturnLabel label = provider().createLabel(request());
    assertEquals("A2", label.trackingNumber());
    assertArrayEquals(pdf, label.pdf());
  }

  @Test
  void error_statuses_fail_with_the_status_and_the_start_of_the_body() {
    answer.set(Answer.json(503, "{\"error\":\"maintenance\"}"));
    CarrierRequestException e =
        assertThrows(CarrierRequestException.class, () -> provider().createLabel(request()));
    assertEquals("carrier service answered HTTP 503: {\"error\":\"maintenance\"}", e.getMessage());

    answer.set(Answer.json(400, "x".repeat(1000)));
    e = assertThrows(CarrierRequestException.class, () -> provider().createLabel(request()));
    assertEquals("carrier service answered HTTP 400: " + "x".repeat(200), e.getMessage());
  }

  @Test
  void malformed_or_incomplete_answers_fail_clearly() {
    Map<String, String> cases =
        Map.of(
            "{\"trackingNumber\":\"A1\",",
            "carrier service answered malformed JSON: unexpected end at position 23",
            "[1,2]",
            "carrier service answered JSON that is not an object",
            "{\"labelUrl\":\"https://a.example/l\"}",
            "carrier service answered without a trackingNumber",
            "{\"trackingNumber\":\"A1\"}",
            "carrier service must answer exactly one of labelUrl and labelPdf",
            "{\"trackingNumber\":42,\"labelUrl\":\"https://a.example/l\"}",
            "carrier service answered a non-string trackingNumber",
            "{\"trackingNumber\":\"A1\",\"labelPdf\":\"***\"}",
            "carrier service answered labelPdf that is not base64",
            "<html>oops</html>",
            "carrier service answered malformed JSON: unexpected character '<' at position 0");
    cases.forEach(
        (body, message) -> {
          answer.set(Answer.json(200, body));
          CarrierRequestException e =
              assertThrows(
                  CarrierRequestException.class, () -> provider().createLabel(request()), body);
          assertEquals(message, e.getMessage(), body);
        });
    answer.set(
        new Answer(
            200,
            "application/pdf",
            "%PDF-1.7".getBytes(StandardCharsets.US_ASCII),
            Duration.ZERO,
            Map.of()));
    assertThrows(CarrierRequestException.class, () -> provider().createLabel(request()));
  }

  @Test
  void a_slow_service_fails_after_the_configured_timeout() {
    answer.set(
        new Answer(
            200,
            "application/json",
            "{}".getBytes(StandardCharsets.UTF_8),
            Duration.ofSeconds(3),
            Map.of()));
    ReturnLabelProvider provider = provider(Map.of("timeoutMillis", "200"));

    long start = System.nanoTime();
    CarrierRequestException e =
        assertThrows(CarrierRequestException.class, () -> provider.createLabel(request()));

    assertEquals("carrier service did not answer within 200 ms", e.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0);
  }

  @Test
  void an_unreachable_service_fails_clearly() throws IOException {
    ReturnLabelProvider provider = provider();
    server.stop(0);
    CarrierRequestException e =
        assertThrows(CarrierRequestException.class, () -> provider.createLabel(request()));
    assertTrue(e.getMessage().startsWith("carrier service unreachable"), e.getMessage());
  }

  @Test
  void configuration_is_checked_when_the_plugin_loads() {
    HttpCarrierPlugin plugin = new HttpCarrierPlugin();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> plugin.returnLabelProviders(PluginContext.of(Map.of())));
    assertTrue(e.getMessage().startsWith("config 'baseUrl' is missing"));
    assertThrows(
        IllegalStateException.class,
        () ->
            plugin.returnLabelProviders(
                PluginContext.of(Map.of("baseUrl", "ftp://carrier.example"))));
  }

  @Test
  void supports_only_the_configured_storefronts() {
    ReturnLabelProvider all = provider();
    ReturnLabelProvider some = provider(Map.of("storefronts", "de, at"));
    assertTrue(all.supports("pl", "PL", "DE"));
    assertTrue(some.supports("at", "AT", "DE"));
    assertFalse(some.supports("pl", "PL", "DE"));
  }

  private static final String URL_ANSWER =
      "{\"trackingNumber\":\"ACME1\",\"labelUrl\":\"https://acme.example/l/ACME1.pdf\"}";

  @Test
  void the_api_key_goes_in_a_configured_header_as_it_is() {
    answer.set(Answer.json(200, URL_ANSWER));

    provider(Map.of("apiKey", "k-123", "apiKeyHeader", "X-Api-Key")).createLabel(request());

    assertEquals("k-123", receivedApiKey.get());
    assertEquals(null, receivedAuth.get());
  }

  @Test
  void without_an_api_key_no_credentials_are_sent() {
    answer.set(Answer.json(200, URL_ANSWER));

    provider(Map.of()).createLabel(request());

    assertEquals(null, receivedAuth.get());
    assertEquals(null, receivedApiKey.get());
  }

  @Test
  void a_malformed_api_key_or_header_stops_the_plugin_without_echoing_the_key() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> provider(Map.of("apiKey", "sec ret\nX-Evil: 1")));
    assertEquals(
        "config 'apiKey' must be printable ASCII without spaces or line breaks", e.getMessage());
    for (String header : List.of("Host", "X Api Key", "Content-Length")) {
      e =
          assertThrows(
              IllegalStateException.class,
              () -> provider(Map.of("apiKey", "k", "apiKeyHeader", header)),
              header);
      assertTrue(e.getMessage().startsWith("config 'apiKeyHeader' must be"), e.getMessage());
    }
  }

  @Test
  void timeouts_come_from_the_config_with_defaults() {
    HttpReturnLabelProvider defaults = (HttpReturnLabelProvider) provider(Map.of());
    assertEquals(Duration.ofMillis(3000), defaults.connectTimeout());
    assertEquals(Duration.ofMillis(8000), defaults.timeout());

    HttpReturnLabelProvider configured =
        (HttpReturnLabelProvider)
            provider(Map.of("connectTimeoutMillis", "750", "timeoutMillis", " 4000 "));
    assertEquals(Duration.ofMillis(750), configured.connectTimeout());
    assertEquals(Duration.ofMillis(4000), configured.timeout());
  }

  @Test
  void malformed_timeouts_stop_the_plugin_naming_the_key() {
    for (String value : List.of("abc", "0", "-5", "1.5", "600001")) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> provider(Map.of("connectTimeoutMillis", value)),
              value);
      assertEquals(
          "config 'connectTimeoutMillis' must be a whole number of milliseconds from 1 to 600000: "
              + value,
          e.getMessage());
      e =
          assertThrows(
              IllegalStateException.class, () -> provider(Map.of("timeoutMillis", value)), value);
      assertTrue(e.getMessage().startsWith("config 'timeoutMillis' must be"), e.getMessage());
    }
  }

  @Test
  void a_service_that_accepts_no_connection_fails_after_the_connect_timeout() throws Exception {
    // A listening socket whose backlog is full and that never accepts: the kernel drops further
    // SYNs, so the client's connection attempt hangs until its connect timeout.
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          Socket filler = new Socket();
          try {
            filler.connect(listener.getLocalSocketAddress(), 200);
            fillers.add(filler);
          } catch (IOException full) {
            filler.close();
            break;
          }
        }
        ReturnLabelProvider provider =
            new HttpCarrierPlugin()
                .returnLabelProviders(
                    PluginContext.of(
                        Map.of(
                            "baseUrl",
                            "http://127.0.0.1:" + listener.getLocalPort(),
                            "connectTimeoutMillis",
                            "300",
                            "timeoutMillis",
                            "5000")))
                .get(0);

        long start = System.nanoTime();
        CarrierRequestException e =
            assertThrows(CarrierRequestException.class, () -> provider.createLabel(request()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals("could not connect to the carrier service within 300 ms", e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, took::toString);
      } finally {
        for (Socket filler : fillers) {
          filler.close();
        }
      }
    }
  }

  @Test
  void a_null_request_is_refused_before_anything_is_sent() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> provider().createLabel(null));
    assertEquals("request is null", e.getMessage());
    assertEquals(null, receivedPath.get());
  }
}
