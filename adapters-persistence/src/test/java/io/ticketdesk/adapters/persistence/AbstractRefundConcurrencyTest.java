package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ticketdesk.application.port.in.IdempotencyKey;
import io.ticketdesk.application.port.in.RefundUseCase;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.application.service.CoreSettings;
import io.ticketdesk.application.service.TicketdeskCore;
import io.ticketdesk.application.testing.contract.Fixtures;
import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.CostBearer;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.PublicHolidays;
import io.ticketdesk.domain.RefundReason;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.UnitState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real threads refund one order unit through the service and the JDBI store: the ledger never
 * exceeds the unit's price and a repeated idempotency key refunds once.
 */
abstract class AbstractRefundConcurrencyTest {
  private static final int REQUESTS = 50;
  private static final long PRICE = 12_990;

  private StorePorts store;
  private RefundUseCase service;
  private SellerId seller;
  private Order order;
  private OrderUnit unit;
  private Ticket ticket;

  abstract TestDatabase database();

  @BeforeEach
  void setUp() {
    store = database().freshPorts();
    seller = Fixtures.seller(store).id();
    unit =
        new OrderUnit(
            Fixtures.newUnitId(),
            "Roof box",
            "4006381333931",
            Money.of(PRICE, "CZK"),
            UnitState.SENT,
            null);
    order =
        new Order(
            Fixtures.newOrderNumber(),
            Storefront.CZ,
            seller,
            new Buyer(BuyerId.of(9), "Jana Nováková", "jana@example.cz"),
            Fixtures.at(-60),
            List.of(unit));
    store.orders().add(order);
    ticket = Fixtures.ticket(store.tickets().nextNumber(), order).build();
    store.tickets().add(ticket);
    service =
        new TicketdeskCore(
                store,
                Carriers.none(),
                DefaultTextModuleSource.none(),
                PublicHolidays.none(),
                Clock.systemUTC(),
                CoreSettings.defaults())
            .refund();
  }

  private RefundUseCase.Command tenth(String key) {
    return new RefundUseCase.Command(
        ticket.number(),
        unit.id(),
        Money.of(PRICE / 10, "CZK"),
        RefundReason.DEFECT,
        null,
        IdempotencyKey.of(key),
        null);
  }

  private static Map<String, Integer> tally(List<Object> outcomes) {
    Map<String, Integer> tally = new TreeMap<>();
    for (Object o : outcomes) {
      tally.merge(o instanceof ErrorCode code ? code.slug() : "refunded", 1, Integer::sum);
    }
    return tally;
  }

  @Test
  void ofFiftyConcurrentRefundsOfATenthExactlyTenSucceed() throws Exception {
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String key = "refund-" + i;
      calls.add(() -> service.refund(Actor.seller(seller), tenth(key)).entry().id());
    }

    List<Object> outcomes = Race.run(calls);

    assertEquals(Map.of("refunded", 10, "refund-exceeds-remaining", 40), tally(outcomes));
    List<LedgerEntry> entries = store.ledger().entries(seller, order.number());
    assertEquals(10, entries.size());
    assertEquals(PRICE, entries.stream().mapToLong(e -> e.amount().amount()).sum());
    Ticket after = store.tickets().find(ticket.number()).orElseThrow();
    assertEquals(ticket.version() + 10, after.version());
    long systemMessages =
        store.messages().list(seller, ticket.number(), true, 0, 100).stream()
            .filter(m -> m.authorRole() == AuthorRole.SYSTEM)
            .count();
    assertEquals(10, systemMessages);
  }

  @Test
  void eightConcurrentRetriesWithOneKeyRefundOnceAndAllAnswerTheSameEntry() throws Exception {
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(() -> service.refund(Actor.seller(seller), tenth("same-key")).entry().id());
    }

    List<Object> outcomes = Race.run(calls);

    List<LedgerEntry> entries = store.ledger().entries(seller, order.number());
    assertEquals(1, entries.size());
    for (Object o : outcomes) {
      assertEquals(entries.get(0).id(), o);
    }
    assertEquals(
        ticket.version() + 1, store.tickets().find(ticket.number()).orElseThrow().version());
  }

  @Test
  void theLedgerAloneNeverExceedsThePriceUnderFiftyConcurrentAppends() throws Exception {
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      calls.add(
          () ->
              store
                  .transactions()
                  .inTransaction(
                      () ->
                          store
                              .ledger()
                              .appendRefund(
                                  new LedgerEntry.Draft(
                                      seller,
                                      order.number(),
                                      unit.id(),
                                      LedgerEntry.Kind.REFUND,
                                      Money.of(PRICE / 10, "CZK"),
                                      CostBearer.SELLER,
                                      "defect",
                                      ticket.number(),
                                      AuthorRole.SELLER,
                                      Fixtures.at(1)))
                              .<Object>map(LedgerEntry::id)
                              .orElse(ErrorCode.REFUND_EXCEEDS_REMAINING)));
    }

    List<Object> outcomes = Race.run(calls);

    assertEquals(Map.of("refunded", 10, "refund-exceeds-remaining", 40), tally(outcomes));
    assertEquals(
        PRICE,
        store.ledger().entries(seller, order.number()).stream()
            .mapToLong(e -> e.amount().amount())
            .sum());
  }
}
