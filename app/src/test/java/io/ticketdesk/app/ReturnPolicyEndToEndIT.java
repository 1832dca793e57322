package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The return-option policy through the real fat jar (embedded database, clock in the enforced
 * phase) with the shipped carriers: a failing or hanging carrier service is a 502 for that call
 * only, the PDF carrier makes a printable label, and the label makes the first response compliant.
 */
class ReturnPolicyEndToEndIT {
  private static final String ADMIN = "rp-admin-token";

  @Test
  void aCompliantFirstResponseWithAShippedCarriersLabel() throws Exception {
    AtomicReference<String> mode = new AtomicReference<>("fail");
    HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext(
        "/return-labels",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (mode.get().equals("hang")) {
              Thread.sleep(30_000);
            }
            byte[] body = "{\"error\":\"down\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    stub.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    stub.start();
    Map<String, String> env =
        Map.of(
            "TICKETDESK_DATA_DIR",
            Files.createTempDirectory("td-rp").toString(),
            "TICKETDESK_ADMIN_TOKEN",
            ADMIN,
            "TICKETDESK_CLOCK",
            "2026-02-10T09:00:00Z",
            // The HTTP carrier's own call timeout; loading keeps the default 10 s, which a cold
            // JVM on a busy machine needs for the carrier's HttpClient. 3 s: its first call (the
            // expected 502) took over 1 s at a load average of 25 on 2 cores.
            "TICKETDESK_PLUGIN_TICKETDESK_HTTP_CARRIER_CALL_TIMEOUT",
            "3s",
            "TICKETDESK_PLUGIN_TICKETDESK_HTTP_CARRIER_BASE_URL",
            "http://127.0.0.1:" + stub.getAddress().getPort());
    try (RunningJar jar = new RunningJar(env)) {
      long seller =
          jar.call(
                  "POST",
                  "/api/v1/sellers",
                  ADMIN,
                  """
                  {"name":"Rack GmbH","storefronts":["de","at","cz","sk","pl","fr","it"],
                   "returnAddress":{"name":"Rack Retouren","street":"Hafenstraße 1",
                                    "postalCode":"20457","city":"Hamburg","country":"DE"}}
                  """,
                  201)
              .get("sellerId")
              .asLong();
      String sellerToken = token(jar, "{\"role\":\"seller\",\"sellerId\":" + seller + "}");
      String buyer = token(jar, "{\"role\":\"buyer\",\"buyerId\":6001}");
      String stranger = token(jar, "{\"role\":\"buyer\",\"buyerId\":6002}");
      jar.call(
          "POST",
          "/api/v1/orders",
          ADMIN,
          """
          {"orderNumber":"RP1","storefront":"de","sellerId":%d,"orderedAt":"2026-02-01T10:00:00Z",
           "buyer":{"buyerId":6001,"name":"Max Mustermann","email":"max@example.com"},
           "units":[{"orderUnitId":970001,"title":"Bike rack","ean":"4006381333931",
                     "price":{"amount":12999,"currency":"EUR"},"state":"received",
                     "deliveredAt":"2026-02-05T12:00:00Z"},
                    {"orderUnitId":970002,"title":"Roof box","ean":"4006381333948",
                     "price":{"amount":24999,"currency":"EUR"},"state":"received",
                     "deliveredAt":"2026-02-05T12:00:00Z"}]}
          """
              .formatted(seller),
          201);
      String n =
          jar.call(
                  "POST",
                  "/api/v1/tickets",
                  buyer,
                  "{\"orderUnitIds\":[970001],\"reason\":\"product_return\","
                      + "\"returnIntent\":\"refund\",\"message\":\"It does not fit my car.\"}",
                  201)
              .get("ticketNumber")
              .asText();

      List<String> carriers = new ArrayList<>();
      jar.call("GET", "/api/v1/carriers", buyer, null, 200)
          .get("items")
          .forEach(c -> carriers.add(c.get("carrier").asText()));
      assertTrue(
          carriers.containsAll(List.of("ticketdesk-pdf", "http-carrier")), carriers.toString());

      // Seed example 2: assembly tips alone are refused in the enforced phase; nothing written.
      JsonNode refused =
          jar.call(
              "POST",
              "/api/v1/tickets/" + n + "/messages",
              sellerToken,
              "{\"text\":\"Please check the assembly: tighten the left screw.\"}",
              422);
      assertTrue(refused.get("type").asText().endsWith("/return-option-required"));
      assertEquals(
          1,
          jar.call("GET", "/api/v1/tickets/" + n + "/messages", sellerToken, null, 200)
              .get("items")
              .size());

      // A carrier service that fails (502) and one that hangs past the plugin timeout (504): for
      // that call only; the server stays healthy.
      String httpLabel = "{\"carrier\":\"http-carrier\",\"orderUnitIds\":[970001]}";
      assertTrue(
          jar.call("POST", "/api/v1/tickets/" + n + "/return-labels", sellerToken, httpLabel, 502)
              .get("type")
              .asText()
              .endsWith("/carrier-failed"));
      mode.set("hang");
      long start = System.nanoTime();
      assertTrue(
          jar.call("POST", "/api/v1/tickets/" + n + "/return-labels", sellerToken, httpLabel, 504)
              .get("type")
              .asText()
              .endsWith("/carrier-timed-out"));
      assertTrue((System.nanoTime() - start) / 1_000_000 < 8_000, "the timeout cut the call short");
      jar.call("GET", "/health", null, null, 200);
      jar.call("GET", "/api/v1/tickets/" + n, sellerToken, null, 200);

      // The shipped PDF carrier makes a printable label the buyer can download.
      JsonNode label =
          jar.call(
              "POST",
              "/api/v1/tickets/" + n + "/return-labels",
              sellerToken,
              "{\"carrier\":\"ticketdesk-pdf\",\"orderUnitIds\":[970001]}",
              201);
      long labelId = label.get("labelId").asLong();
      assertTrue(label.get("trackingNumber").asText().startsWith("TD"), label.toString());
      HttpResponse<byte[]> pdf = download(jar, label.get("downloadUrl").asText(), buyer);
      assertEquals(200, pdf.statusCode());
      assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
      assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
      assertEquals(404, download(jar, label.get("downloadUrl").asText(), stranger).statusCode());

      // Seed example 2 done right: tips plus the label (and a discount to keep it) → accepted.
      jar.call(
          "POST",
          "/api/v1/tickets/" + n + "/messages",
          sellerToken,
          """
          {"text":"Please check the assembly; if it still does not fit, here is your prepaid label — or keep the rack for 15 EUR off.",
           "returnOptions":[{"type":"prepaid_label","labelId":%d}],
           "discountOffer":{"amount":1500,"currency":"EUR"}}
          """
              .formatted(labelId),
          201);
      JsonNode ticket = jar.call("GET", "/api/v1/tickets/" + n, sellerToken, null, 200);
      assertEquals("enforced", ticket.get("returnPolicy").get("phase").asText());
      assertTrue(ticket.get("returnPolicy").get("satisfied").asBoolean(), ticket.toString());
      assertEquals("waiting", ticket.get("status").asText());

      // The shipped text-module plugin's defaults are there for all seven storefronts, and the
      // "return-label" default answers a return request compliantly in one call.
      Map<String, Integer> defaults = new java.util.TreeMap<>();
      JsonNode modules =
          jar.call("GET", "/api/v1/text-modules?limit=100", sellerToken, null, 200).get("items");
      long returnLabelModule = 0;
      for (JsonNode m : modules) {
        if (m.get("readOnly").asBoolean()) {
          defaults.merge(m.get("storefront").asText(), 1, Integer::sum);
          if (m.get("storefront").asText().equals("de")
              && m.get("returnOption").isObject()
              && m.get("returnOption").get("type").asText().equals("prepaid_label")) {
            returnLabelModule = m.get("id").asLong();
          }
        }
      }
      assertEquals(
          List.of("at", "cz", "de", "fr", "it", "pl", "sk"), List.copyOf(defaults.keySet()));
      defaults.values().forEach(count -> assertTrue(count >= 5, defaults.toString()));
      assertTrue(returnLabelModule > 0, "a prepaid_label default for de");
      String second =
          jar.call(
                  "POST",
                  "/api/v1/tickets",
                  buyer,
                  "{\"orderUnitIds\":[970002],\"reason\":\"product_return\","
                      + "\"message\":\"Too big for my car.\"}",
                  201)
              .get("ticketNumber")
              .asText();
      JsonNode oneCall =
          jar.call(
              "POST",
              "/api/v1/tickets/" + second + "/messages",
              sellerToken,
              "{\"textModuleId\":" + returnLabelModule + "}",
              201);
      assertEquals("prepaid_label", oneCall.get("returnOptions").get(0).get("type").asText());
      assertTrue(
          oneCall.get("text").asText().contains("/api/v1/return-labels/"), oneCall.toString());
      assertTrue(
          jar.call("GET", "/api/v1/tickets/" + second, sellerToken, null, 200)
              .get("returnPolicy")
              .get("satisfied")
              .asBoolean());
    } finally {
      stub.stop(0);
    }
  }

  private static String token(RunningJar jar, String body) throws Exception {
    return jar.call("POST", "/api/v1/tokens", ADMIN, body, 201).get("token").asText();
  }

  private static HttpResponse<byte[]> download(RunningJar jar, String path, String token)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(jar.base + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
