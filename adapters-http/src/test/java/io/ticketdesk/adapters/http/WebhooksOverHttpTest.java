package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook endpoints over HTTP: the secret once, owners only, refusals, deliveries, redelivery. */
class WebhooksOverHttpTest {
  static final String HOOKS = "/api/v1/webhook-endpoints";

  TestApp app;
  ApiClient api;
  long sellerA;
  String seller;
  String otherSeller;
  String buyer;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    api = app.api;
    sellerA = app.registerSeller("Fahrrad Franz GmbH", "de");
    long sellerB = app.registerSeller("Other Seller AG", "de");
    seller = app.token("seller", sellerA, null);
    otherSeller = app.token("seller", sellerB, null);
    buyer = app.token("buyer", null, 501L);
    app.feedOrder("MQ8BRT7", sellerA, 501, "de", 1001);
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private JsonNode register(String token, Map<String, Object> body) {
    var r = api.post(HOOKS, token, body);
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  private void openTicket() {
    var r =
        api.post(
            "/api/v1/tickets",
            buyer,
            Map.of(
                "orderUnitIds", List.of(1001), "reason", "product_defect", "message", "Broken."));
    assertEquals(201, r.status(), r.body());
  }

  @Test
  void theSecretIsShownOnceAndTheEndpointIsTheOwnersOnly() {
    JsonNode e =
        register(
            seller, Map.of("url", "https://hooks.example/a", "events", List.of("ticket.opened")));
    assertTrue(e.get("secret").asText().startsWith("whsec_"));
    assertEquals(sellerA, e.get("sellerId").asLong());
    assertEquals("active", e.get("status").asText());
    String path = HOOKS + "/" + e.get("endpointId").asLong();

    var got = api.get(path, seller);
    assertEquals(200, got.status(), got.body());
    assertFalse(got.json().has("secret"));
    assertEquals(1, api.get(HOOKS, seller).json().get("items").size());
    assertEquals(0, api.get(HOOKS, otherSeller).json().get("items").size());
    assertEquals(404, api.get(path, otherSeller).status());
    assertEquals(404, api.get(path, TestApp.ADMIN).status());
    assertEquals(403, api.get(HOOKS, buyer).status());
  }

  @Test
  void insecureAndPrivateTargetsAndUnknownTypesAreRefused() {
    assertEquals(
        400,
        api.post(
                HOOKS,
                seller,
                Map.of("url", "http://hooks.example/a", "events", List.of("ticket.opened")))
            .status());
    var r =
        api.post(
            HOOKS,
            seller,
            Map.of("url", "https://db.internal/a", "events", List.of("ticket.opened")));
    assertEquals(400, r.status(), r.body());
    assertTrue(r.body().contains("private"), r.body());
    assertEquals(
        400,
        api.post(
                HOOKS,
                seller,
                Map.of("url", "https://hooks.example/a", "events", List.of("ticket.nope")))
            .status());
    assertEquals(
        400,
        api.post(HOOKS, seller, Map.of("url", "https://hooks.example/a", "events", List.of()))
            .status());
    assertEquals(
        400,
        api.post(
                HOOKS,
                seller,
                Map.of(
                    "url",
                    "https://hooks.example/a",
                    "events",
                    List.of("ticket.opened"),
                    "sellerId",
                    sellerA + 1))
            .status());
    assertEquals(0, api.get(HOOKS, seller).json().get("items").size());
  }

  @Test
  void theOwnerReadsEveryAttemptWithItsStatusOrErrorAndDurationNewestFirst() {
    JsonNode e =
        register(
            seller, Map.of("url", "https://hooks.example/a", "events", List.of("ticket.opened")));
    String path = HOOKS + "/" + e.get("endpointId").asLong();
    app.webhookSender.answers.add(io.ticketdesk.domain.AttemptResult.status(503, 12));
    app.webhookSender.answers.add(
        io.ticketdesk.domain.AttemptResult.failed("timed out after 10 s", 10_000));
    openTicket();
    app.webhooks.dispatch().fanOut();
    assertEquals(1, app.webhooks.dispatch().deliverDue().count());
    app.clock.advance(java.time.Duration.ofMinutes(1));
    assertEquals(1, app.webhooks.dispatch().deliverDue().count());
    app.clock.advance(java.time.Duration.ofMinutes(5));
    assertEquals(1, app.webhooks.dispatch().deliverDue().count());

    var r = api.get(path + "/attempts", seller);
    assertEquals(200, r.status(), r.body());
    JsonNode items = r.json().get("items");
    assertEquals(3, items.size(), r.body());
    assertEquals(3, items.get(0).get("attempt").asInt());
    assertEquals(200, items.get(0).get("statusCode").asInt());
    assertEquals("delivered", items.get(0).get("outcome").asText());
    assertEquals(2, items.get(1).get("attempt").asInt());
    assertTrue(items.get(1).get("statusCode").isNull());
    assertEquals("timed out after 10 s", items.get(1).get("error").asText());
    assertEquals(10_000, items.get(1).get("durationMs").asLong());
    assertEquals("pending", items.get(1).get("outcome").asText());
    assertEquals(503, items.get(2).get("statusCode").asInt());
    assertEquals(12, items.get(2).get("durationMs").asLong());
    assertEquals(
        items.get(0).get("eventId").asText(),
        app.webhookSender.posted.get(0).headers().get("webhook-id"));
    // The deliveries list keeps only each delivery's last attempt.
    JsonNode d = api.get(path + "/deliveries", seller).json().get("items").get(0);
    assertEquals(3, d.get("attempts").asInt());
    assertEquals(200, d.get("lastStatusCode").asInt());

    assertEquals(1, api.get(path + "/attempts?limit=1", seller).json().get("items").size());
    assertEquals(400, api.get(path + "/attempts?limit=0", seller).status());
    assertEquals(404, api.get(path + "/attempts", otherSeller).status());
    assertEquals(403, api.get(path + "/attempts", buyer).status());
  }

  @Test
  void pauseRotateDeliverRedeliverAndDelete() {
    JsonNode e =
        register(
            seller, Map.of("url", "https://hooks.example/a", "events", List.of("ticket.opened")));
    String path = HOOKS + "/" + e.get("endpointId").asLong();

    var paused = api.patch(path, seller, Map.of("status", "paused"));
    assertEquals(200, paused.status(), paused.body());
    assertEquals("paused", paused.json().get("status").asText());
    assertEquals(400, api.patch(path, seller, Map.of("status", "disabled")).status());
    assertEquals(
        "active",
        api.patch(path, seller, Map.of("status", "active")).json().get("status").asText());

    var rotated = api.post(path + "/secret", seller, null);
    assertEquals(200, rotated.status(), rotated.body());
    assertNotEquals(e.get("secret").asText(), rotated.json().get("secret").asText());
    assertFalse(rotated.json().get("previousSecretValidUntil").isNull());

    openTicket();
    app.webhooks.dispatch().fanOut();
    app.webhooks.dispatch().deliverDue();
    assertEquals(1, app.webhookSender.posted.size());
    var posted = app.webhookSender.posted.get(0);
    assertEquals(2, posted.headers().get("webhook-signature").split(" ").length);
    var deliveries = api.get(path + "/deliveries", seller);
    assertEquals(200, deliveries.status(), deliveries.body());
    JsonNode d = deliveries.json().get("items").get(0);
    assertEquals("delivered", d.get("status").asText());
    assertEquals(200, d.get("lastStatusCode").asInt());
    assertEquals(posted.headers().get("webhook-id"), d.get("eventId").asText());

    var again =
        api.post(path + "/deliveries", seller, Map.of("eventId", d.get("eventId").asText()));
    assertEquals(202, again.status(), again.body());
    assertEquals("pending", again.json().get("status").asText());
    assertEquals(
        404, api.post(path + "/deliveries", seller, Map.of("eventId", "evt_nope")).status());
    app.webhooks.dispatch().deliverDue();
    assertEquals(2, app.webhookSender.posted.size());

    assertEquals(404, api.send("DELETE", path, otherSeller, null, Map.of()).status());
    assertEquals(204, api.send("DELETE", path, seller, null, Map.of()).status());
    assertEquals(404, api.get(path, seller).status());
  }

  @Test
  void theMarketplacesEndpointReceivesEverySellersOrOneSellersEvents() {
    register(
        TestApp.ADMIN,
        Map.of("url", "https://hooks.example/all", "events", List.of("ticket.opened")));
    register(
        TestApp.ADMIN,
        Map.of(
            "url",
            "https://hooks.example/one",
            "events",
            List.of("ticket.opened"),
            "sellerId",
            sellerA + 1));
    openTicket();
    app.webhooks.dispatch().fanOut();
    app.webhooks.dispatch().deliverDue();
    assertEquals(
        List.of("https://hooks.example/all"),
        app.webhookSender.posted.stream().map(p -> p.target().toString()).toList());
  }
}
