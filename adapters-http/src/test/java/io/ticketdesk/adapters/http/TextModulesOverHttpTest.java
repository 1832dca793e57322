package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertInvalid;
import static io.ticketdesk.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TextModuleBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Text modules per sales channel over HTTP: CRUD, scope, rendering and one-call answers. */
class TextModulesOverHttpTest {
  private TestApp app;
  private String seller;
  private String otherSeller;
  private String buyer;
  private String ticket;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    long sellerId = app.registerSeller("Rack GmbH", "de", "at");
    long otherId = app.registerSeller("Other GmbH", "de");
    seller = app.token("seller", sellerId, null);
    otherSeller = app.token("seller", otherId, null);
    buyer = app.token("buyer", null, 77L);
    var r =
        app.api.post(
            "/api/v1/orders",
            TestApp.ADMIN,
            Map.of(
                "orderNumber",
                "TM1",
                "storefront",
                "de",
                "sellerId",
                sellerId,
                "orderedAt",
                "2026-02-20T10:00:00Z",
                "buyer",
                Map.of(
                    "buyerId", 77,
                    "name", "Eve {{order.number}} $1 \\\\",
                    "email", "eve@example.org"),
                "units",
                List.of(
                    Map.of(
                        "orderUnitId", 5001,
                        "title", "Bike rack",
                        "ean", "4006381333931",
                        "price", Map.of("amount", 3999, "currency", "EUR"),
                        "state", "received"))));
    assertEquals(201, r.status(), r.body());
    ticket =
        app.openTicket(buyer, 5001, "product_defect", null, "It broke.")
            .get("ticketNumber")
            .asText();
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private ApiClient.Response create(String token, String storefront, String name, String body) {
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("storefront", storefront);
    draft.put("name", name);
    draft.put("body", body);
    return app.api.post("/api/v1/text-modules", token, draft);
  }

  private long createOk(String storefront, String name, String body) {
    var r = create(seller, storefront, name, body);
    assertEquals(201, r.status(), r.body());
    return r.json().get("id").asLong();
  }

  private int messageCount() {
    return app.api
        .get("/api/v1/tickets/" + ticket + "/messages", seller)
        .json()
        .get("items")
        .size();
  }

  @Test
  void aModuleIsCreatedWithItsStorefrontsLocaleAndPlaceholders() {
    var r = create(seller, "at", "Rücksendung", "Hallo {{buyer.name}}, Ticket {{ticket.number}}.");
    assertEquals(201, r.status(), r.body());
    JsonNode m = r.json();
    assertEquals("at", m.get("storefront").asText());
    assertEquals("de-AT", m.get("locale").asText());
    assertEquals(List.of("buyer.name", "ticket.number"), texts(m.get("placeholders")));
    assertFalse(m.get("readOnly").asBoolean());
    assertEquals("\"1\"", r.header("ETag").orElseThrow());
    assertTrue(
        r.header("Location").orElseThrow().endsWith("/text-modules/" + m.get("id").asLong()));
  }

  @Test
  void anUnknownPlaceholderIsRefusedWhenSavingAndNamed() {
    var r = create(seller, "de", "Bad", "Hello {{buyer.nmae}} and {{order.number}}");
    assertInvalid(r, "body");
    assertEquals(List.of("buyer.nmae"), texts(r.json().get("unknownPlaceholders")));
    assertInvalid(create(seller, "de", "Bad", "Hello {{buyer.name}"), "body");
    assertEquals(0, app.api.get("/api/v1/text-modules", seller).json().get("items").size());
  }

  @Test
  void thePlaceholdersAreListedWithTheirMeaning() {
    JsonNode items = app.api.get("/api/v1/text-modules/placeholders", seller).json().get("items");
    List<String> names = new ArrayList<>();
    items.forEach(p -> names.add(p.get("name").asText()));
    assertTrue(
        names.containsAll(
            List.of(
                "buyer.name", "order.number", "ticket.number", "seller.name", "returnLabel.url")));
    assertEquals("{{buyer.name}}", items.get(0).get("marker").asText());
  }

  @Test
  void renderingFillsValuesAsPlainText() {
    long id =
        createOk(
            "de",
            "Answer",
            "Hi {{buyer.name}}: {{order.number}} / {{seller.name}} / {{orderUnit.title}}");
    JsonNode r =
        app.api.get("/api/v1/text-modules/" + id + "/rendered?ticket=" + ticket, seller).json();
    assertEquals(
        "Hi Eve {{order.number}} $1 \\\\: TM1 / Rack GmbH / Bike rack", r.get("text").asText());
  }

  @Test
  void aPlaceholderWithoutValueIsA422WhenRenderingOrSendingAndNothingIsWritten() {
    long id = createOk("de", "Label", "Your label: {{returnLabel.url}}");
    var rendered = app.api.get("/api/v1/text-modules/" + id + "/rendered?ticket=" + ticket, seller);
    assertProblem(rendered, 422, "placeholder-unfilled");
    assertEquals(List.of("returnLabel.url"), texts(rendered.json().get("placeholders")));
    int before = messageCount();
    var sent =
        app.api.post("/api/v1/tickets/" + ticket + "/messages", seller, Map.of("textModuleId", id));
    assertProblem(sent, 422, "placeholder-unfilled");
    assertEquals(before, messageCount());
    assertEquals(
        "open", app.api.get("/api/v1/tickets/" + ticket, seller).json().get("status").asText());
  }

  @Test
  void sendingWithATextModuleIsOneCallAndAnExplicitTextWins() {
    long id = createOk("de", "Answer", "Dear {{buyer.name}}, we will help with {{order.number}}.");
    var sent =
        app.api.post("/api/v1/tickets/" + ticket + "/messages", seller, Map.of("textModuleId", id));
    assertEquals(201, sent.status(), sent.body());
    assertEquals(
        "Dear Eve {{order.number}} $1 \\\\, we will help with TM1.",
        sent.json().get("text").asText());
    var explicit =
        app.api.post(
            "/api/v1/tickets/" + ticket + "/messages",
            seller,
            Map.of("textModuleId", id, "text", "My own words."));
    assertEquals("My own words.", explicit.json().get("text").asText());
    assertProblem(
        app.api.post("/api/v1/tickets/" + ticket + "/messages", buyer, Map.of("textModuleId", id)),
        403,
        "forbidden");
  }

  @Test
  void anotherSellersModuleIsNotFoundOnEveryPath() {
    long id = createOk("de", "Mine", "Hello {{buyer.name}}");
    String path = "/api/v1/text-modules/" + id;
    assertProblem(app.api.get(path, otherSeller), 404, "not-found");
    assertProblem(
        app.api.send(
            "PUT",
            path,
            otherSeller,
            ApiClient.toJson(Map.of("storefront", "de", "name", "X", "body", "Y")),
            Map.of()),
        404,
        "not-found");
    assertProblem(app.api.send("DELETE", path, otherSeller, null, Map.of()), 404, "not-found");
    assertProblem(app.api.get(path + "/rendered?ticket=" + ticket, otherSeller), 404, "not-found");
    assertProblem(
        app.api.post("/api/v1/text-modules", otherSeller, Map.of("copyOf", id)), 404, "not-found");
    assertFalse(
        app.api.get("/api/v1/text-modules", otherSeller).body().contains("\"Mine\""),
        "the list never shows another seller's module");
    assertProblem(app.api.get(path, buyer), 403, "forbidden");
    assertEquals(200, app.api.get(path, seller).status());
  }

  @Test
  void namesAreUniqueChangesNeedTheCurrentVersionAndDeletedModulesAreGone() {
    long id = createOk("de", "Answer", "Hello {{buyer.name}}");
    assertProblem(create(seller, "de", "Answer", "Other"), 409, "conflict");
    assertEquals(201, create(seller, "at", "Answer", "Other").status());
    String path = "/api/v1/text-modules/" + id;
    String changed =
        ApiClient.toJson(
            Map.of("storefront", "de", "name", "Answer 2", "body", "Hi {{seller.name}}"));
    var put = app.api.send("PUT", path, seller, changed, Map.of("If-Match", "\"1\""));
    assertEquals(200, put.status(), put.body());
    assertEquals(2, put.json().get("version").asLong());
    assertProblem(
        app.api.send("PUT", path, seller, changed, Map.of("If-Match", "\"1\"")),
        412,
        "precondition-failed");
    assertProblem(
        app.api.send("DELETE", path, seller, null, Map.of("If-Match", "\"1\"")),
        412,
        "precondition-failed");
    assertEquals(204, app.api.send("DELETE", path, seller, null, Map.of()).status());
    assertProblem(app.api.get(path, seller), 404, "not-found");
  }

  @Test
  void aModuleForAnotherStorefrontCannotAnswerThisTicket() {
    long id = createOk("at", "Österreich", "Servus {{buyer.name}}");
    assertInvalid(
        app.api.get("/api/v1/text-modules/" + id + "/rendered?ticket=" + ticket, seller),
        "textModuleId");
    assertInvalid(create(seller, "pl", "Polska", "Dzień dobry"), "storefront");
  }

  @Test
  void pluginDefaultsAreReadOnlyForTheirStorefrontsAndCanBeCopied() {
    var def =
        app.store
            .textModules()
            .putDefault(
                "test/de/delay",
                Storefront.DE,
                "de-DE",
                "Lieferverzögerung",
                new TextModuleBody("Hallo {{buyer.name}}, Ihre Bestellung {{order.number}} …"),
                TestApp.START);
    app.store
        .textModules()
        .putDefault(
            "test/pl/delay",
            Storefront.PL,
            "pl-PL",
            "Opóźnienie",
            new TextModuleBody("Dzień dobry {{buyer.name}}"),
            TestApp.START);
    JsonNode list = app.api.get("/api/v1/text-modules", seller).json().get("items");
    assertEquals(1, list.size());
    assertTrue(list.get(0).get("readOnly").asBoolean());
    assertEquals("plugin", list.get(0).get("source").asText());
    String path = "/api/v1/text-modules/" + def.id().value();
    assertProblem(
        app.api.send(
            "PUT",
            path,
            seller,
            ApiClient.toJson(Map.of("storefront", "de", "name", "X", "body", "Y")),
            Map.of()),
        403,
        "forbidden");
    assertProblem(app.api.send("DELETE", path, seller, null, Map.of()), 403, "forbidden");
    var sent =
        app.api.post(
            "/api/v1/tickets/" + ticket + "/messages",
            seller,
            Map.of("textModuleId", def.id().value()));
    assertEquals(201, sent.status(), sent.body());
    var copy =
        app.api.post(
            "/api/v1/text-modules",
            seller,
            Map.of("copyOf", def.id().value(), "name", "Meine Verzögerung"));
    assertEquals(201, copy.status(), copy.body());
    assertFalse(copy.json().get("readOnly").asBoolean());
    assertEquals("Meine Verzögerung", copy.json().get("name").asText());
    assertEquals(
        2, app.api.get("/api/v1/text-modules?storefront=de", seller).json().get("items").size());
    assertEquals(
        0, app.api.get("/api/v1/text-modules?storefront=at", seller).json().get("items").size());
  }

  @Test
  void listsPageByCursor() {
    for (int i = 0; i < 5; i++) {
      createOk("de", "Module " + i, "Text " + i);
    }
    List<String> names = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          app.api
              .get(
                  "/api/v1/text-modules?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                  seller)
              .json();
      page.get("items").forEach(m -> names.add(m.get("name").asText()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    assertEquals(List.of("Module 0", "Module 1", "Module 2", "Module 3", "Module 4"), names);
    assertInvalid(app.api.get("/api/v1/text-modules?limit=101", seller), "limit");
    assertInvalid(app.api.get("/api/v1/text-modules?cursor=nope", seller), "cursor");
  }

  private static List<String> texts(JsonNode array) {
    List<String> result = new ArrayList<>();
    array.forEach(n -> result.add(n.asText()));
    return result;
  }
}
