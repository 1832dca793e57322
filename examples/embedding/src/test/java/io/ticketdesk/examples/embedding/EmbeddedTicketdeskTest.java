package io.ticketdesk.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ticketdesk.adapters.persistence.Database;
import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.in.RegisterSellerUseCase;
import io.ticketdesk.application.service.TicketdeskCore;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.ReturnOption;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.UnitState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedder's wiring, run on each store: a return request gets the policy's guard (the first
 * answer must offer a valid return option), as in the server.
 */
class EmbeddedTicketdeskTest {
  @Test
  void theCoreInMemoryGuardsTheFirstAnswerToAReturnRequest() {
    returnRequestIsGuarded(EmbeddedTicketdesk.core(EmbeddedTicketdesk.inMemory()));
  }

  @Test
  void theCoreOnEmbeddedH2GuardsTheFirstAnswerToAReturnRequest(@TempDir Path dir) {
    try (Database store = EmbeddedTicketdesk.h2(dir)) {
      returnRequestIsGuarded(EmbeddedTicketdesk.core(store));
    }
    assertTrue(Files.exists(dir.resolve("ticketdesk.mv.db")), "stored in files under " + dir);
  }

  @Test
  void theCoreOnPostgresqlGuardsTheFirstAnswerToAReturnRequest() throws Exception {
    String url = System.getenv("TICKETDESK_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("TICKETDESK_TEST_PG_REQUIRED"))) {
        fail("TICKETDESK_TEST_PG_REQUIRED=true but TICKETDESK_TEST_PG_URL is not set");
      }
      System.err.println(
          "\n*** SKIPPING the embedding example on PostgreSQL: TICKETDESK_TEST_PG_URL is not set"
              + " ***\n");
      Assumptions.abort("PostgreSQL not configured");
    }
    String user = System.getenv("TICKETDESK_TEST_PG_USER");
    String password = System.getenv("TICKETDESK_TEST_PG_PASSWORD");
    String schema = "embed_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
      String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      try (Database store = EmbeddedTicketdesk.postgresql(inSchema, user, password)) {
        returnRequestIsGuarded(EmbeddedTicketdesk.core(store));
      } finally {
        st.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  /** A buyer's return request; the seller's answer without a return option is refused. */
  private static void returnRequestIsGuarded(TicketdeskCore core) {
    Actor marketplace = Actor.marketplace();
    Seller seller =
        core.registerSeller()
            .register(
                marketplace,
                new RegisterSellerUseCase.Command(
                    "Rack GmbH",
                    Set.of(Storefront.DE),
                    new ReturnAddress("Rack GmbH", "Hauptstr. 1", "10115", "Berlin", "DE")));
    long unit = ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
    Instant now = Instant.now();
    core.feedOrder()
        .feed(
            marketplace,
            new Order(
                OrderNumber.of("EMB" + unit),
                Storefront.DE,
                seller.id(),
                new Buyer(BuyerId.of(7), "Erika Muster", "erika@example.org"),
                now.minus(Duration.ofDays(6)),
                List.of(
                    new OrderUnit(
                        OrderUnitId.of(unit),
                        "Bike rack",
                        "4006381333931",
                        Money.of(12_999, "EUR"),
                        UnitState.RECEIVED,
                        now.minus(Duration.ofDays(3))))));
    Ticket ticket =
        core.openTicket()
            .open(
                Actor.buyer(BuyerId.of(7)),
                new OpenTicketUseCase.Command(
                    List.of(OrderUnitId.of(unit)),
                    null,
                    TicketReason.PRODUCT_RETURN,
                    null,
                    ReturnIntent.REFUND,
                    MessageText.of("I revoke the purchase.")))
            .ticket();
    Actor rack = Actor.seller(seller.id());

    DomainException refused =
        assertThrows(
            DomainException.class,
            () ->
                core.postMessage()
                    .post(
                        rack,
                        new PostMessageUseCase.Command(
                            ticket.number(), MessageText.of("Tighten the screw."), false, null)));
    assertEquals(ErrorCode.RETURN_OPTION_REQUIRED, refused.code(), refused.getMessage());

    ReturnOffer labelInPackage =
        new ReturnOffer(
            List.of(new ReturnOption(ReturnOptionType.LABEL_IN_PACKAGE, null, null, null)), null);
    PostMessageUseCase.Posted answered =
        core.postMessage()
            .post(
                rack,
                new PostMessageUseCase.Command(
                    ticket.number(),
                    MessageText.of("Please use the label in the parcel."),
                    null,
                    false,
                    null,
                    labelInPackage,
                    false,
                    null,
                    null));
    assertTrue(core.assessReturnPolicy().state(rack, answered.ticket()).satisfied());
  }
}
