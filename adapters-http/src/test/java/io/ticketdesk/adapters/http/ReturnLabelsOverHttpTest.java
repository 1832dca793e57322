package io.ticketdesk.adapters.http;

import static io.ticketdesk.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Carriers and return labels over HTTP: make, upload, download, and who may see them. */
class ReturnLabelsOverHttpTest {
  TestApp app;
  ApiClient api;
  String seller;
  String otherSeller;
  String buyer;
  String otherBuyer;
  String cs;
  String path;

  @BeforeEach
  void setUp() {
    app = new TestApp();
    api = app.api;
    long sellerA = app.registerSeller("Fahrrad Franz GmbH", "de");
    long sellerB = app.registerSeller("Other Seller AG", "de");
    seller = app.token("seller", sellerA, null);
    otherSeller = app.token("seller", sellerB, null);
    buyer = app.token("buyer", null, 501L);
    otherBuyer = app.token("buyer", null, 502L);
    cs = app.token("customer_service", null, null);
    app.feedOrder("MQ8BRT7", sellerA, 501, "de", 1001, 1002);
    path =
        "/api/v1/tickets/"
            + app.openTicket(buyer, 1001, "product_defect", null, "Broken.")
                .get("ticketNumber")
                .asText();
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  @Test
  void everyRoleSeesTheLoadedCarriers() {
    for (String token : List.of(seller, buyer, cs, TestApp.ADMIN)) {
      var r = api.get("/api/v1/carriers", token);
      assertEquals(200, r.status(), r.body());
      assertEquals("test-pdf", r.json().at("/items/0/carrier").asText());
      assertEquals("test-plugin", r.json().at("/items/0/plugin").asText());
    }
  }

  @Test
  void aCarrierLabelIsStoredAndDownloadableByTheTicketsPartiesOnly() {
    var made = api.post(path + "/return-labels", seller, Map.of("carrier", "test-pdf"));
    assertEquals(201, made.status(), made.body());
    String download = made.json().get("downloadUrl").asText();
    assertEquals("/api/v1/return-labels/" + made.json().get("labelId").asLong(), download);
    assertTrue(made.json().get("trackingNumber").asText().startsWith("TD"));

    for (String token : List.of(seller, buyer, cs)) {
      var r = api.get(download, token);
      assertEquals(200, r.status(), r.body());
      assertEquals("application/pdf", r.contentType());
      assertTrue(r.body().startsWith("%PDF"));
    }
    for (String token : List.of(otherSeller, otherBuyer, TestApp.ADMIN)) {
      assertProblem(api.get(download, token), 404, "not-found");
    }
  }

  @Test
  void theSellerMayUploadAPdfLabel() {
    byte[] pdf = "%PDF-1.5\nmy label\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    var r =
        api.postBytes(
            path + "/return-labels?trackingNumber=DHL123", seller, pdf, "application/pdf");

    assertEquals(201, r.status(), r.body());
    assertEquals("uploaded", r.json().get("carrier").asText());
    assertEquals("DHL123", r.json().get("trackingNumber").asText());
    var back = api.get(r.json().get("downloadUrl").asText(), buyer);
    assertEquals("%PDF-1.5\nmy label\n%%EOF", back.body());
  }

  @Test
  void anUploadThatIsNoPdfOrHasNoTrackingNumberIsRefused() {
    byte[] notPdf = "hello".getBytes(StandardCharsets.US_ASCII);
    assertProblem(
        api.postBytes(path + "/return-labels?trackingNumber=X1", seller, notPdf, "application/pdf"),
        400,
        "validation");
    assertProblem(
        api.postBytes(path + "/return-labels", seller, "%PDF-1".getBytes(), "application/pdf"),
        400,
        "validation");
  }

  @Test
  void aTrackingNumberWithACarrierRequestIsRefusedNotDropped() {
    String before = StoreFingerprint.of(app.store);
    var r =
        assertProblem(
            api.post(
                path + "/return-labels?trackingNumber=DHL123",
                seller,
                Map.of("carrier", "test-pdf")),
            400,
            "validation");
    assertEquals("trackingNumber", r.json().get("field").asText());
    assertEquals(before, StoreFingerprint.of(app.store), "no label was made");
  }

  @Test
  void aFailingCarrierIs502AndTheServerStaysHealthy() {
    var r = api.post(path + "/return-labels", seller, Map.of("carrier", "broken"));

    assertProblem(r, 502, "carrier-failed");
    assertEquals("broken", r.json().get("carrier").asText());
    assertEquals(200, api.get("/health", null).status());
    assertEquals(
        201, api.post(path + "/return-labels", seller, Map.of("carrier", "test-pdf")).status());
  }

  @Test
  void aFloodedCarrierIs503BusyWithRetryAfterAndAHangingOne504AndNothingIsWritten() {
    String before = StoreFingerprint.of(app.store);

    var busy = api.post(path + "/return-labels", seller, Map.of("carrier", "busy"));
    var late = api.post(path + "/return-labels", seller, Map.of("carrier", "timing-out"));

    assertProblem(busy, 503, "carrier-busy");
    assertEquals("busy", busy.json().get("carrier").asText());
    assertEquals("busy", busy.json().get("failure").asText());
    assertEquals("5", busy.header("Retry-After").orElseThrow());
    assertProblem(late, 504, "carrier-timed-out");
    assertEquals("timed_out", late.json().get("failure").asText());
    assertEquals(before, StoreFingerprint.of(app.store), "no label was made");
  }

  @Test
  void anUnknownCarrierOrUnitIsABadRequestAndOnlySellersMakeLabels() {
    assertProblem(
        api.post(path + "/return-labels", seller, Map.of("carrier", "nope")), 400, "validation");
    assertProblem(
        api.post(
            path + "/return-labels",
            seller,
            Map.of("carrier", "test-pdf", "orderUnitIds", List.of(1002))),
        400,
        "validation");
    assertProblem(
        api.post(path + "/return-labels", buyer, Map.of("carrier", "test-pdf")), 403, "forbidden");
    assertProblem(
        api.post(path + "/return-labels", otherSeller, Map.of("carrier", "test-pdf")),
        404,
        "not-found");
  }
}
