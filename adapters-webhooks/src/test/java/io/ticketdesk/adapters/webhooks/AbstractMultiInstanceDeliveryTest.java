package io.ticketdesk.adapters.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.persistence.Database;
import io.ticketdesk.adapters.persistence.TestDatabase;
import io.ticketdesk.application.port.in.ManageWebhooksUseCase;
import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.in.RegisterSellerUseCase;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.application.service.CoreSettings;
import io.ticketdesk.application.service.TicketdeskCore;
import io.ticketdesk.application.service.WebhookSettings;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.EventType;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.PublicHolidays;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.UnitState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances (two connection pools, two cores, each with its fan-out and delivery workers) on
 * one database while both write: every event reaches the receiver exactly once (it always answers
 * 200, so a second receipt would be a double delivery), none is skipped; a delivery leased by an
 * instance that died is taken over by the other when the lease runs out.
 */
abstract class AbstractMultiInstanceDeliveryTest {
  static final int TICKETS = 24;

  abstract TestDatabase database();

  Database second;
  TicketdeskCore a;
  TicketdeskCore b;
  Receiver receiver;
  SellerId seller;

  @BeforeEach
  void setUp() throws Exception {
    database().freshPorts();
    second = Database.open(database().config());
    a = core(database().database());
    b = core(second);
    receiver = new Receiver();
    seller =
        a.registerSeller()
            .register(
                Actor.marketplace(),
                new RegisterSellerUseCase.Command(
                    "Rack GmbH",
                    Set.of(Storefront.DE),
                    new ReturnAddress("Rack GmbH", "Hauptstr. 1", "10115", "Berlin", "DE")))
            .id();
    List<OrderUnit> units = new ArrayList<>();
    for (int i = 1; i <= TICKETS; i++) {
      units.add(
          new OrderUnit(
              OrderUnitId.of(7_000 + i),
              "Rack",
              "4006381333931",
              Money.of(999, "EUR"),
              UnitState.SENT,
              null));
    }
    a.feedOrder()
        .feed(
            Actor.marketplace(),
            new Order(
                OrderNumber.of("MI1"),
                Storefront.DE,
                seller,
                new Buyer(BuyerId.of(42), "Erika", "erika@example.com"),
                Instant.now().minus(Duration.ofDays(2)),
                units));
  }

  @AfterEach
  void tearDown() {
    receiver.close();
    second.close();
  }

  private static TicketdeskCore core(Database db) {
    return core(db, Clock.systemUTC());
  }

  private static TicketdeskCore core(Database db, Clock clock) {
    return new TicketdeskCore(
        db,
        Carriers.none(),
        DefaultTextModuleSource.none(),
        PublicHolidays.none(),
        clock,
        CoreSettings.defaults());
  }

  private static TicketdeskCore.Webhooks hooks(TicketdeskCore core) {
    return core.webhooks(
        new HttpWebhookSender(true), WebhookSettings.defaults().withAllowInsecure(true));
  }

  private void register(TicketdeskCore.Webhooks hooks) {
    var r =
        hooks
            .manage()
            .register(
                Actor.seller(seller),
                new ManageWebhooksUseCase.Registration(
                    receiver.url().toString(), EnumSet.allOf(EventType.class), null));
    receiver.trust(r.secret());
  }

  private TicketNumber open(TicketdeskCore core, int i) {
    return core.openTicket()
        .open(
            Actor.buyer(BuyerId.of(42)),
            new OpenTicketUseCase.Command(
                List.of(OrderUnitId.of(7_000 + i)),
                null,
                TicketReason.PRODUCT_DEFECT,
                null,
                null,
                MessageText.of("Broken " + i),
                null))
        .ticket()
        .number();
  }

  private List<DomainEvent> allEvents() {
    while (database().database().outbox().sequence(1_000) > 0) {
      // place every committed event in the feed
    }
    List<DomainEvent> all = new ArrayList<>();
    long after = 0;
    while (true) {
      List<DomainEvent> page = database().database().outbox().feed(Optional.of(seller), after, 500);
      if (page.isEmpty()) {
        return all;
      }
      all.addAll(page);
      after = page.get(page.size() - 1).position();
    }
  }

  @Test
  void twoInstancesWritingAndDeliveringDeliverEveryEventExactlyOnce() throws Exception {
    TicketdeskCore.Webhooks ha = hooks(a);
    TicketdeskCore.Webhooks hb = hooks(b);
    register(ha);
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> workers = new ArrayList<>();
    for (TicketdeskCore.Webhooks h : List.of(ha, hb)) {
      workers.add(pool.submit(() -> loop(running, () -> h.dispatch().fanOut())));
      for (int w = 0; w < 2; w++) {
        workers.add(pool.submit(() -> loop(running, () -> h.dispatch().deliverDue())));
      }
    }
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      TicketdeskCore core = w == 0 ? a : b;
      int first = w;
      writers.add(
          pool.submit(
              () -> {
                for (int i = 1 + first; i <= TICKETS; i += 2) {
                  TicketNumber t = open(core, i);
                  core.postMessage()
                      .post(
                          Actor.seller(seller),
                          new PostMessageUseCase.Command(t, MessageText.of("On it"), false, null));
                }
                return null;
              }));
    }
    for (Future<?> f : writers) {
      f.get(120, TimeUnit.SECONDS);
    }
    int expected = TICKETS * 4; // opened, buyer's message, status changed, seller's message
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (receiver.counts().size() < expected && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    Thread.sleep(500); // a double delivery would arrive now
    running.set(false);
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    for (Future<?> f : workers) {
      f.get();
    }

    List<DomainEvent> events = allEvents();
    assertEquals(expected, events.size());
    Map<String, Long> counts = receiver.counts();
    for (DomainEvent e : events) {
      assertEquals(1L, counts.getOrDefault(e.id(), 0L), "receipts of " + e.id());
    }
    assertEquals(expected, counts.size());
    assertTrue(receiver.received().stream().allMatch(Receiver.Received::verified));
  }

  @Test
  void aDeliveryLeasedByADeadInstanceIsTakenOverWhenTheLeaseRunsOut() throws Exception {
    TicketdeskCore.Webhooks hb = hooks(b);
    register(hb);
    open(a, 1);
    assertEquals(2, hb.dispatch().fanOut(false).count());
    Instant now = Instant.now();
    // Instance A claims both and is killed before it sends (its lease: 1 s).
    assertEquals(
        2,
        database()
            .database()
            .webhookDeliveries()
            .claim(now, now.plusSeconds(1), "dead", 10)
            .size());
    assertEquals(0, hb.dispatch().deliverDue().count());
    Thread.sleep(1_200);
    assertEquals(2, hb.dispatch().deliverDue().count());
    assertEquals(2, receiver.counts().size());
    assertTrue(receiver.counts().values().stream().allMatch(n -> n == 1));
  }

  @Test
  void deliveriesHandedToTheFanningOutInstanceAreTakenOverWhenItDiesBeforeSendingThem()
      throws Exception {
    TicketdeskCore.Webhooks ha =
        a.webhooks(
            new HttpWebhookSender(true),
            WebhookSettings.defaults().withAllowInsecure(true).withLease(Duration.ofSeconds(1)));
    TicketdeskCore.Webhooks hb = hooks(b);
    register(hb);
    open(a, 1);
    // A fans out: the range of both events is leased to A for its own workers, no delivery stored
    // yet; A dies before sending them. B takes the range over once the lease ran out.
    assertEquals(2, ha.dispatch().fanOut().count());
    assertEquals(0, hb.dispatch().deliverDue().count());
    Thread.sleep(1_200);
    assertEquals(2, hb.dispatch().deliverDue().count());
    assertEquals(2, receiver.counts().size());
    assertTrue(receiver.counts().values().stream().allMatch(n -> n == 1));
  }

  @Test
  void twoInstancesRaiseEachDeadlineAlertExactlyOnce() throws Exception {
    int tickets = 6;
    for (int i = 1; i <= tickets; i++) {
      open(i % 2 == 0 ? a : b, i);
    }
    Clock late = Clock.offset(Clock.systemUTC(), Duration.ofDays(10));
    List<io.ticketdesk.application.port.in.RaiseDeadlineAlertsUseCase> schedulers =
        List.of(
            core(database().database(), late).deadlineAlerts(Duration.ofHours(8)),
            core(second, late).deadlineAlerts(Duration.ofHours(8)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> runs = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (var s : schedulers) {
        runs.add(pool.submit(s::raiseDue));
      }
    }
    int raised = 0;
    for (Future<Integer> f : runs) {
      raised += f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    for (var s : schedulers) {
      raised += s.raiseDue(); // whatever lost a race is raised now, once
    }
    List<DomainEvent> overdue =
        allEvents().stream().filter(e -> e.type() == EventType.TICKET_OVERDUE).toList();
    assertEquals(tickets, overdue.size());
    assertEquals(tickets, raised);
    assertEquals(tickets, overdue.stream().map(DomainEvent::ticketNumber).distinct().count());
  }

  private static Object loop(
      AtomicBoolean running,
      java.util.function.Supplier<io.ticketdesk.application.port.in.DispatchWebhooksUseCase.Step>
          step)
      throws InterruptedException {
    while (running.get()) {
      if (!step.get().full()) {
        Thread.sleep(20);
      }
    }
    return null;
  }
}
