package io.ticketdesk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.client.ApiClient;
import io.ticketdesk.client.api.KpisApi;
import io.ticketdesk.client.api.MarketplaceApi;
import io.ticketdesk.client.api.TicketActionsApi;
import io.ticketdesk.client.api.TicketsApi;
import io.ticketdesk.client.model.Buyer;
import io.ticketdesk.client.model.LedgerEntry;
import io.ticketdesk.client.model.Message;
import io.ticketdesk.client.model.MessagePosting;
import io.ticketdesk.client.model.MessageWithText;
import io.ticketdesk.client.model.Money;
import io.ticketdesk.client.model.OrderDetails;
import io.ticketdesk.client.model.OrderFeed;
import io.ticketdesk.client.model.OrderUnitFeed;
import io.ticketdesk.client.model.RefundReason;
import io.ticketdesk.client.model.RefundRequest;
import io.ticketdesk.client.model.ResponseTimeReport;
import io.ticketdesk.client.model.ReturnAddress;
import io.ticketdesk.client.model.Role;
import io.ticketdesk.client.model.SellerRegistration;
import io.ticketdesk.client.model.Storefront;
import io.ticketdesk.client.model.Ticket;
import io.ticketdesk.client.model.TicketOpening;
import io.ticketdesk.client.model.TicketPage;
import io.ticketdesk.client.model.TicketReason;
import io.ticketdesk.client.model.TicketSort;
import io.ticketdesk.client.model.TokenRequest;
import io.ticketdesk.client.model.UnitState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Java client generated from openapi.yaml (OpenAPI Generator, native library) against the real
 * server: it reads every list, ticket, chat and order of the demo data and of a small benchmark
 * data set without loss, and walks list, search, read, reply, refund and KPI with ids and amounts
 * above 2^31 (up to 2^53 - 1).
 */
class GeneratedClientWalkIT {
  private static final String ADMIN = "contract-admin-" + UUID.randomUUID();
  private static RunningServer server;

  @BeforeAll
  static void startTheServerWithDemoData() throws Exception {
    server =
        new RunningServer(
            Map.of(
                "TICKETDESK_ADMIN_TOKEN",
                ADMIN,
                "TICKETDESK_RATE_LIMIT",
                "0",
                "TICKETDESK_DATA_DIR",
                Files.createTempDirectory("td-contract").toString()),
            "--demo");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static ApiClient client(String token) {
    return client(server.base, token);
  }

  static ApiClient client(String base, String token) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(base);
    client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + token));
    return client;
  }

  static String token(Role role, Long sellerId, Long buyerId) throws Exception {
    return token(server.base, role, sellerId, buyerId);
  }

  static String token(String base, Role role, Long sellerId, Long buyerId) throws Exception {
    return new MarketplaceApi(client(base, ADMIN))
        .issueToken(new TokenRequest().role(role).sellerId(sellerId).buyerId(buyerId))
        .getToken();
  }

  @Test
  void theGeneratedClientReadsEveryTicketChatAndOrderOfTheDemoDataWithoutLoss() throws Exception {
    LosslessReads reads = readEverything(server.base);
    int tickets = reads.compared.get("getTicket");
    assertTrue(tickets >= 200, "the demo data has about 200 tickets, read " + tickets);
    System.out.println(
        "Generated Java client read the demo data without loss: "
            + tickets
            + " tickets, "
            + reads.total()
            + " responses "
            + reads.compared);
  }

  @Test
  void theGeneratedClientReadsTheBenchmarkDataSetWithoutLoss() throws Exception {
    Path dir = Files.createTempDirectory("td-contract-bench");
    Path benchJar =
        Path.of(
            System.getProperty(
                "ticketdesk.benchmarks.jar", "../benchmarks/target/ticketdesk-benchmarks.jar"));
    Path appJar = Path.of(System.getProperty("ticketdesk.jar", "../app/target/ticketdesk.jar"));
    Process generate =
        new ProcessBuilder(
                RunningServer.java(),
                "-jar",
                benchJar.toString(),
                "generate",
                "--data-dir",
                dir.resolve("data").toString(),
                "--tickets",
                String.valueOf(BENCH_TICKETS),
                "--sellers",
                "4",
                "--seed",
                "42",
                "--sample",
                "10",
                "--manifest",
                dir.resolve("manifest.tsv").toString(),
                "--app-jar",
                appJar.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("generate.log").toFile())
            .start();
    assertTrue(generate.waitFor(5, TimeUnit.MINUTES), "the generator finishes within 5 minutes");
    assertEquals(
        0,
        generate.exitValue(),
        "generate failed:\n" + Files.readString(dir.resolve("generate.log")));
    try (RunningServer bench =
        new RunningServer(
            Map.of(
                "TICKETDESK_ADMIN_TOKEN",
                ADMIN,
                "TICKETDESK_RATE_LIMIT",
                "0",
                "TICKETDESK_DATA_DIR",
                dir.resolve("data").toString()))) {
      LosslessReads reads = readEverything(bench.base);
      assertEquals(BENCH_TICKETS, reads.compared.get("getTicket"));
      System.out.println(
          "Generated Java client read the benchmark data set without loss: "
              + reads.total()
              + " responses "
              + reads.compared);
    }
  }

  private static final int BENCH_TICKETS = 150;

  /** Customer service reads every ticket with its chat and order, page by page, and the KPI. */
  private static LosslessReads readEverything(String base) throws Exception {
    String cs = token(base, Role.CUSTOMER_SERVICE, null, null);
    ApiClient client = client(base, cs);
    TicketsApi tickets = new TicketsApi(client);
    TicketActionsApi actions = new TicketActionsApi(client);
    LosslessReads reads = new LosslessReads(base, client.getObjectMapper());
    String cursor = null;
    do {
      String c = cursor;
      String query =
          "?limit=100"
              + (c == null ? "" : "&cursor=" + URLEncoder.encode(c, StandardCharsets.UTF_8));
      TicketPage page =
          reads.read(
              "listTickets",
              cs,
              "/api/v1/tickets" + query,
              () ->
                  tickets.listTickets(
                      null, null, null, null, null, null, null, null, null, null, 100, c));
      for (Ticket t : page.getItems()) {
        String n = t.getTicketNumber();
        String path = "/api/v1/tickets/" + n;
        reads.read("getTicket", cs, path, () -> tickets.getTicket(n));
        String messages = path + "/messages?limit=100";
        reads.read("listMessages", cs, messages, () -> tickets.listMessages(n, 100, null, null));
        reads.read("getTicketOrder", cs, path + "/order", () -> actions.getTicketOrder(n));
      }
      cursor = page.getNextCursor();
    } while (cursor != null);
    ResponseTimeReport kpi =
        reads.read(
            "responseTimeKpi",
            ADMIN,
            "/api/v1/kpis/response-time?week=2026-W10",
            () ->
                new KpisApi(client(base, ADMIN))
                    .responseTimeKpi("2026-W10", null, null, null, null));
    assertNotNull(kpi.getOverall());
    return reads;
  }

  @Test
  void aWalkWithIdsAndAmountsAboveTwoToTheThirtyOne() throws Exception {
    MarketplaceApi marketplace = new MarketplaceApi(client(ADMIN));
    long sellerId =
        marketplace
            .registerSeller(
                new SellerRegistration()
                    .name("Großhandel Weit GmbH")
                    .storefronts(List.of(Storefront.DE))
                    .returnAddress(
                        new ReturnAddress()
                            .name("Großhandel Weit GmbH")
                            .street("Am Hafen 3")
                            .postalCode("20457")
                            .city("Hamburg")
                            .country("DE")))
            .getSellerId();
    long buyerId = 3_000_000_001L;
    long unitId = 3_000_000_000L;
    long topUnitId = 9_007_199_254_740_991L; // 2^53 - 1, the contract's maximum
    long price = 3_000_000_000L; // 30,000,000.00 EUR in cents
    String orderNumber = "BIG" + Long.toString(System.nanoTime(), 36).toUpperCase();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    marketplace.feedOrder(
        new OrderFeed()
            .orderNumber(orderNumber)
            .storefront(Storefront.DE)
            .sellerId(sellerId)
            .orderedAt(now.minusDays(3))
            .buyer(new Buyer().buyerId(buyerId).name("Erika Muster").email("erika@example.org"))
            .units(
                List.of(
                    unit(unitId, price).deliveredAt(now.minusDays(1)),
                    unit(topUnitId, 9_007_199_254_740_991L))));
    String buyer = token(Role.BUYER, null, buyerId);
    String seller = token(Role.SELLER, sellerId, null);
    Ticket opened =
        new TicketsApi(client(buyer))
            .openTicket(
                new TicketOpening()
                    .orderUnitIds(List.of(unitId, topUnitId))
                    .reason(TicketReason.PRODUCT_DEFECT)
                    .message("Das Gerät ist defekt."),
                null);
    assertEquals(buyerId, opened.getBuyerId());
    assertEquals(List.of(unitId, topUnitId), opened.getOrderUnitIds());

    TicketsApi tickets = new TicketsApi(client(seller));
    LosslessReads reads = new LosslessReads(server.base, client(seller).getObjectMapper());
    String number = opened.getTicketNumber();
    // list
    TicketPage list =
        reads.read(
            "listTickets",
            seller,
            "/api/v1/tickets?sort=-created",
            () ->
                tickets.listTickets(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    TicketSort._CREATED,
                    null,
                    null));
    assertEquals(List.of(number), list.getItems().stream().map(Ticket::getTicketNumber).toList());
    // search
    TicketPage found =
        reads.read(
            "searchTickets",
            seller,
            "/api/v1/tickets?q=" + orderNumber,
            () ->
                tickets.listTickets(
                    null, null, null, null, null, null, null, null, orderNumber, null, null, null));
    assertEquals(buyerId, found.getItems().get(0).getBuyerId());
    // read
    Ticket read =
        reads.read(
            "getTicket", seller, "/api/v1/tickets/" + number, () -> tickets.getTicket(number));
    assertEquals(List.of(unitId, topUnitId), read.getOrderUnitIds());
    // reply
    Message reply =
        tickets.postMessage(
            number,
            new MessagePosting(new MessageWithText().text("Wir erstatten Ihnen einen Teil.")),
            "\"" + read.getVersion() + "\"",
            null,
            null);
    assertEquals("Wir erstatten Ihnen einen Teil.", reply.getText());
    // refund above 2^31 minor units
    LedgerEntry refund =
        new TicketActionsApi(client(seller))
            .refundOrderUnit(
                number,
                new RefundRequest()
                    .orderUnitId(unitId)
                    .amount(new Money().amount(2_500_000_000L).currency("EUR"))
                    .reason(RefundReason.DEFECT),
                null,
                UUID.randomUUID().toString());
    assertEquals(unitId, refund.getOrderUnitId());
    assertEquals(2_500_000_000L, refund.getAmount().getAmount());
    OrderDetails order =
        reads.read(
            "getTicketOrder",
            seller,
            "/api/v1/tickets/" + number + "/order",
            () -> new TicketActionsApi(client(seller)).getTicketOrder(number));
    assertEquals(500_000_000L, order.getUnits().get(0).getRemaining().getAmount());
    assertEquals(topUnitId, order.getUnits().get(1).getOrderUnitId());
    assertEquals(topUnitId, order.getUnits().get(1).getPrice().getAmount());
    // KPI: this seller's figures for this week (the week of the storefront)
    var berlin = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Berlin"));
    String week =
        String.format(
            "%d-W%02d",
            berlin.get(IsoFields.WEEK_BASED_YEAR), berlin.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    ResponseTimeReport kpi =
        reads.read(
            "responseTimeKpi",
            seller,
            "/api/v1/kpis/response-time?week=" + week,
            () -> new KpisApi(client(seller)).responseTimeKpi(week, null, null, null, null));
    assertEquals(sellerId, kpi.getSellerId());
    // Since issue 13 the KPI counts a ticket in the week its first deadline falls; this one's
    // deadline (48 working hours away) has not passed, so it is not counted yet.
    assertEquals(0L, kpi.getOverall().getUnansweredLate(), kpi.toString());
  }

  private static OrderUnitFeed unit(long id, long price) {
    return new OrderUnitFeed()
        .orderUnitId(id)
        .title("Industriekühlschrank")
        .ean("4006381333931")
        .price(new Money().amount(price).currency("EUR"))
        .state(UnitState.RECEIVED);
  }
}
