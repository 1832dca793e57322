package io.ticketdesk.adapters.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.memory.InMemoryStore;
import io.ticketdesk.application.port.in.DispatchWebhooksUseCase;
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
import io.ticketdesk.domain.EventBody;
import io.ticketdesk.domain.EventType;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.PublicHolidays;
import io.ticketdesk.domain.RetrySchedule;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.UnitState;
import io.ticketdesk.domain.WebhookDelivery;
import io.ticketdesk.domain.WebhookEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries end to end: the core on the in-memory store, the real HTTP client, and a local
 * receiver that verifies every signature as the Standard Webhooks specification says.
 */
class WebhookDeliveryEndToEndTest {
  static final RetrySchedule FAST =
      new RetrySchedule(Duration.ofMillis(100), 2.0, Duration.ofMillis(400), Duration.ofDays(3));

  InMemoryStore store;
  TicketdeskCore core;
  TicketdeskCore.Webhooks webhooks;
  Receiver receiver;
  SellerId seller;
  Actor sellerActor;

  @BeforeEach
  void setUp() throws Exception {
    setUp(WebhookSettings.defaults().withAllowInsecure(true).withRetries(FAST));
  }

  void setUp(WebhookSettings settings) throws Exception {
    store = new InMemoryStore();
    core =
        new TicketdeskCore(
            store,
            Carriers.none(),
            DefaultTextModuleSource.none(),
            PublicHolidays.none(),
            Clock.systemUTC(),
            CoreSettings.defaults());
    webhooks = core.webhooks(new HttpWebhookSender(true), settings);
    receiver = new Receiver();
    seller =
        core.registerSeller()
            .register(
                Actor.marketplace(),
                new RegisterSellerUseCase.Command(
                    "Rack GmbH",
                    Set.of(Storefront.DE),
                    new ReturnAddress("Rack GmbH", "Hauptstr. 1", "10115", "Berlin", "DE")))
            .id();
    sellerActor = Actor.seller(seller);
    core.feedOrder()
        .feed(
            Actor.marketplace(),
            new Order(
                OrderNumber.of("DE1"),
                Storefront.DE,
                seller,
                new Buyer(BuyerId.of(42), "Erika", "erika@example.com"),
                Instant.now().minus(Duration.ofDays(3)),
                List.of(
                    new OrderUnit(
                        OrderUnitId.of(11),
                        "Bike rack",
                        "4006381333931",
                        Money.of(2_999, "EUR"),
                        UnitState.SENT,
                        null))));
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  private ManageWebhooksUseCase.WithSecret register() {
    var r =
        webhooks
            .manage()
            .register(
                sellerActor,
                new ManageWebhooksUseCase.Registration(
                    receiver.url().toString(), EnumSet.allOf(EventType.class), null));
    receiver.trust(r.secret());
    return r;
  }

  private TicketNumber openTicket() {
    return core.openTicket()
        .open(
            Actor.buyer(BuyerId.of(42)),
            new OpenTicketUseCase.Command(
                List.of(OrderUnitId.of(11)),
                null,
                TicketReason.PRODUCT_DEFECT,
                null,
                null,
                MessageText.of("Scratched"),
                null))
        .ticket()
        .number();
  }

  private void answer(TicketNumber t, String text) {
    core.postMessage()
        .post(sellerActor, new PostMessageUseCase.Command(t, MessageText.of(text), false, null));
  }

  private List<DomainEvent> events(TicketNumber t) {
    return store.outbox().ofTicket(seller, t);
  }

  /** Runs the dispatcher until {@code done} or 20 s have passed. */
  private void pump(BooleanSupplier done) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!done.getAsBoolean()) {
      assertTrue(System.nanoTime() < until, "not done in time; received " + receiver.received());
      webhooks.dispatch().fanOut();
      webhooks.dispatch().deliverDue();
      Thread.sleep(20);
    }
  }

  /**
   * A loop goes on at once only after a full batch; after a partial one the queue is drained and it
   * waits for the next poll (under load every step then carries a batch, not one event).
   */
  @Test
  void aDeliveryStepReportsAFullBatchUntilTheQueueIsDrained() throws Exception {
    WebhookSettings d = WebhookSettings.defaults();
    setUp(new WebhookSettings(true, FAST, d.secretGrace(), d.disableAfter(), d.lease(), 3));
    register();
    TicketNumber t = openTicket(); // ticket.opened, the buyer's ticket.message_created
    answer(t, "On its way"); // ticket.message_created, ticket.status_changed
    assertEquals(4, events(t).size());

    var fanned = webhooks.dispatch().fanOut();
    assertEquals(4, fanned.count());
    assertTrue(!fanned.full(), "four events are far from a fan-out batch");
    var first = webhooks.dispatch().deliverDue();
    assertEquals(3, first.count());
    assertTrue(first.full(), "three of four due deliveries fill a batch of three");
    var second = webhooks.dispatch().deliverDue();
    assertEquals(1, second.count());
    assertTrue(!second.full(), "the last one does not");
    assertEquals(DispatchWebhooksUseCase.Step.NONE, webhooks.dispatch().deliverDue());
    assertEquals(4, okIds().size());
  }

  private List<String> okIds() {
    return receiver.received().stream()
        .filter(Receiver.Received::verified)
        .map(r -> r.id())
        .toList();
  }

  @Test
  void everyEventArrivesSignedWithTheFeedsBodyAndTicketSequence() throws Exception {
    register();
    TicketNumber t = openTicket();
    answer(t, "We send a new one");
    List<DomainEvent> expected = events(t);
    assertEquals(4, expected.size());

    pump(() -> receiver.received().size() >= expected.size());

    List<Receiver.Received> got = receiver.received();
    assertEquals(expected.size(), got.size());
    for (int i = 0; i < got.size(); i++) {
      Receiver.Received r = got.get(i);
      assertTrue(r.verified(), "signature verifies: " + r);
      assertEquals(expected.get(i).id(), r.id());
      assertEquals(EventBody.json(expected.get(i)), r.body());
      assertTrue(r.body().contains("\"sequence\":" + (i + 1)), r.body());
    }
  }

  @Test
  void aReceiverFailingTwiceGetsEachEventOnTheThirdAttemptWithoutHoldingBackOthers()
      throws Exception {
    long endpoint = register().endpoint().id();
    receiver.failEachEventFirst(2);
    TicketNumber t = openTicket();
    List<DomainEvent> expected = events(t);

    pump(() -> okIds().size() >= 3 * expected.size());

    for (DomainEvent e : expected) {
      assertEquals(3, okIds().stream().filter(e.id()::equals).count(), "three attempts of " + e);
    }
    List<WebhookDelivery> deliveries = webhooks.manage().deliveries(sellerActor, endpoint, 10);
    assertEquals(expected.size(), deliveries.size());
    for (WebhookDelivery d : deliveries) {
      assertEquals(WebhookDelivery.Status.DELIVERED, d.status());
      assertEquals(3, d.attempts());
      assertEquals(200, d.lastStatusCode());
      assertTrue(d.lastDurationMillis() >= 0);
    }
    WebhookEndpoint after = webhooks.manage().find(sellerActor, endpoint);
    assertEquals(WebhookEndpoint.Status.ACTIVE, after.status());
  }

  @Test
  void afterAReceiverOutageEveryEventArrivesAndEachTicketsSequenceHasNoGap() throws Exception {
    register();
    receiver.outage(Duration.ofMillis(1_500));
    List<TicketNumber> tickets = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TicketNumber t = openTicket();
      answer(t, "answer " + i);
      tickets.add(t);
      webhooks.dispatch().fanOut();
      webhooks.dispatch().deliverDue();
    }
    List<DomainEvent> expected = tickets.stream().flatMap(t -> events(t).stream()).toList();

    pump(() -> okDelivered().containsAll(expected.stream().map(DomainEvent::id).toList()));

    assertTrue(
        receiver.received().stream().anyMatch(r -> r.status() == 503), "there was an outage");
    for (TicketNumber t : tickets) {
      List<Long> sequences =
          receiver.received().stream()
              .filter(r -> r.status() == 200 && r.body().contains(t.value()))
              .map(r -> sequenceOf(r.body()))
              .distinct()
              .sorted()
              .toList();
      assertEquals(List.of(1L, 2L, 3L, 4L), sequences, "ticket " + t.value());
    }
  }

  private List<String> okDelivered() {
    return receiver.received().stream()
        .filter(r -> r.verified() && r.status() == 200)
        .map(Receiver.Received::id)
        .toList();
  }

  private static long sequenceOf(String body) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"sequence\":(\\d+)").matcher(body);
    assertTrue(m.find(), body);
    return Long.parseLong(m.group(1));
  }

  @Test
  void aLaterEventIsNotHeldBackByAnEarlierOneInRetry() throws Exception {
    register();
    TicketNumber t = openTicket();
    String first = events(t).get(0).id();
    receiver.failEvent(first, 3);
    answer(t, "later");
    List<DomainEvent> expected = events(t);

    pump(() -> receiver.received().size() >= expected.size() + 3);

    List<String> order = receiver.received().stream().map(Receiver.Received::id).toList();
    assertEquals(4, order.stream().filter(first::equals).count(), "3 failures, 1 success");
    int firstDelivered = order.lastIndexOf(first);
    for (DomainEvent later : expected.subList(1, expected.size())) {
      assertTrue(
          order.indexOf(later.id()) < firstDelivered,
          "later events arrived while the first one was retried: " + order);
    }
  }

  @Test
  void gone410DisablesTheEndpointWithAReasonAndStopsDeliveries() throws Exception {
    long endpoint = register().endpoint().id();
    receiver.answer(410);
    openTicket();

    pump(
        () ->
            webhooks.manage().find(sellerActor, endpoint).status()
                == WebhookEndpoint.Status.DISABLED);

    WebhookEndpoint disabled = webhooks.manage().find(sellerActor, endpoint);
    assertTrue(disabled.disabledReason().contains("410"), disabled.disabledReason());
    int seen = receiver.received().size();
    openTicket();
    for (int i = 0; i < 10; i++) {
      webhooks.dispatch().fanOut();
      webhooks.dispatch().deliverDue();
    }
    assertEquals(seen, receiver.received().size(), "a disabled endpoint receives nothing");
    assertTrue(
        webhooks.manage().deliveries(sellerActor, endpoint, 50).stream()
            .anyMatch(
                d -> d.status() == WebhookDelivery.Status.FAILED && d.lastStatusCode() == 410));
  }

  @Test
  void theOwnerAsksForARedeliveryAndGetsTheSameEventAgain() throws Exception {
    long endpoint = register().endpoint().id();
    TicketNumber t = openTicket();
    DomainEvent opened = events(t).get(0);
    pump(() -> okIds().size() >= 2);

    WebhookDelivery again = webhooks.manage().redeliver(sellerActor, endpoint, opened.id());
    assertEquals(WebhookDelivery.Status.PENDING, again.status());
    pump(() -> okIds().stream().filter(opened.id()::equals).count() == 2);
    assertEquals(3, webhooks.manage().deliveries(sellerActor, endpoint, 10).size());
  }

  @Test
  void afterARotationBothTheOldAndTheNewSecretVerifyDuringTheGracePeriod() throws Exception {
    var registered = register();
    var rotated = webhooks.manage().rotateSecret(sellerActor, registered.endpoint().id());
    assertTrue(rotated.secret().startsWith("whsec_"));
    assertTrue(!rotated.secret().equals(registered.secret()));
    receiver.trust(rotated.secret());
    openTicket();

    pump(() -> receiver.received().size() >= 2);

    for (Receiver.Received r : receiver.received()) {
      assertEquals(2, r.signatures().split(" ").length, r.signatures());
      assertTrue(Receiver.signedWith(r, rotated.secret()));
      assertTrue(Receiver.signedWith(r, registered.secret()));
    }
  }

  @Test
  void anEndpointThatOnlyFailsIsDisabledWithAVisibleReason() throws Exception {
    setUp(
        WebhookSettings.defaults()
            .withAllowInsecure(true)
            .withRetries(FAST)
            .withDisableAfter(Duration.ofMillis(300)));
    long endpoint = register().endpoint().id();
    receiver.failEachEventFirst(1_000);
    openTicket();

    pump(
        () ->
            webhooks.manage().find(sellerActor, endpoint).status()
                == WebhookEndpoint.Status.DISABLED);

    String reason = webhooks.manage().find(sellerActor, endpoint).disabledReason();
    assertTrue(
        reason.contains("every delivery failed since") && reason.contains("HTTP 503"), reason);
  }

  @Test
  void aPausedEndpointGetsItsBacklogWhenResumed() throws Exception {
    long endpoint = register().endpoint().id();
    webhooks
        .manage()
        .change(
            sellerActor,
            endpoint,
            new ManageWebhooksUseCase.Change(null, null, WebhookEndpoint.Status.PAUSED));
    TicketNumber t = openTicket();
    for (int i = 0; i < 5; i++) {
      webhooks.dispatch().fanOut();
      webhooks.dispatch().deliverDue();
    }
    assertEquals(0, receiver.received().size());

    webhooks
        .manage()
        .change(
            sellerActor,
            endpoint,
            new ManageWebhooksUseCase.Change(null, null, WebhookEndpoint.Status.ACTIVE));
    pump(() -> okIds().size() >= events(t).size());
  }
}
