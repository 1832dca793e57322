package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.WebhookDeliveries;
import io.ticketdesk.domain.AttemptResult;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.EventType;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.RetrySchedule;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.WebhookAttempt;
import io.ticketdesk.domain.WebhookDelivery;
import io.ticketdesk.domain.WebhookEndpoint;
import io.ticketdesk.domain.WebhookSignature;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link io.ticketdesk.application.port.out.WebhookEndpoints} and {@link
 * io.ticketdesk.application.port.out.WebhookDeliveries}.
 */
public abstract class WebhooksContractTest {
  protected StorePorts store;
  private SellerId seller;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    seller = Fixtures.seller(store).id();
  }

  private WebhookEndpoint endpoint(SellerId owner, SellerId scope, String url) {
    return store
        .webhookEndpoints()
        .add(
            new WebhookEndpoint(
                0,
                owner,
                scope,
                url,
                Set.of(EventType.TICKET_OPENED, EventType.TICKET_CLOSED),
                WebhookEndpoint.Status.ACTIVE,
                null,
                WebhookSignature.newKey(),
                null,
                null,
                null,
                at(0),
                at(0)));
  }

  private DomainEvent event(long n) {
    DomainEvent.Draft d =
        DomainEvent.Draft.of(
            EventType.TICKET_OPENED,
            at(n),
            seller,
            TicketNumber.fromSequence(n),
            OrderNumber.of("W" + n),
            false,
            Map.of("ticketNumber", TicketNumber.fromSequence(n).value()));
    return store.transactions().inTransaction(() -> store.outbox().append(d));
  }

  @Test
  void anEndpointComesBackWithItsKeysTypesAndOwner() {
    WebhookEndpoint e = endpoint(seller, seller, "https://hooks.example/a");
    WebhookEndpoint m = endpoint(null, null, "https://hooks.example/m");

    WebhookEndpoint found = store.webhookEndpoints().find(e.id()).orElseThrow();
    assertEquals(seller, found.owner());
    assertEquals("https://hooks.example/a", found.url());
    assertEquals(Set.of(EventType.TICKET_OPENED, EventType.TICKET_CLOSED), found.types());
    assertArrayEquals(e.key(), found.key());
    assertEquals(List.of(e.id()), ids(store.webhookEndpoints().owned(Optional.of(seller))));
    assertEquals(List.of(m.id()), ids(store.webhookEndpoints().owned(Optional.empty())));
    assertEquals(List.of(e.id(), m.id()), ids(store.webhookEndpoints().all()));
  }

  private static List<Long> ids(List<WebhookEndpoint> endpoints) {
    return endpoints.stream().map(WebhookEndpoint::id).toList();
  }

  @Test
  void anUpdateKeepsRotatedKeysAndStatusAndADeleteTakesTheDeliveries() {
    WebhookEndpoint e = endpoint(seller, seller, "https://hooks.example/a");
    WebhookEndpoint rotated =
        e.rotated(WebhookSignature.newKey(), Duration.ofHours(24), at(5))
            .withStatus(WebhookEndpoint.Status.DISABLED, "gone", at(5));
    assertTrue(store.webhookEndpoints().update(rotated));

    WebhookEndpoint found = store.webhookEndpoints().find(e.id()).orElseThrow();
    assertArrayEquals(rotated.key(), found.key());
    assertArrayEquals(e.key(), found.previousKey());
    assertEquals(at(5).plus(Duration.ofHours(24)), found.previousKeyUntil());
    assertEquals(WebhookEndpoint.Status.DISABLED, found.status());
    assertEquals("gone", found.disabledReason());

    store.webhookDeliveries().add(List.of(WebhookDelivery.of(e.id(), event(1), at(1))));
    assertTrue(store.webhookEndpoints().delete(e.id()));
    assertFalse(store.webhookEndpoints().delete(e.id()));
    assertTrue(store.webhookEndpoints().find(e.id()).isEmpty());
    assertTrue(store.webhookDeliveries().recent(e.id(), 10).isEmpty());
  }

  @Test
  void dueDeliveriesAreLeasedOnceOldestFirstAndOnlyForActiveEndpoints() {
    WebhookEndpoint active = endpoint(seller, seller, "https://hooks.example/a");
    WebhookEndpoint paused = endpoint(null, null, "https://hooks.example/p");
    store.webhookEndpoints().update(paused.withStatus(WebhookEndpoint.Status.PAUSED, null, at(1)));
    List<WebhookDelivery> added =
        store
            .webhookDeliveries()
            .add(
                List.of(
                    WebhookDelivery.of(active.id(), event(1), at(1)),
                    WebhookDelivery.of(active.id(), event(2), at(2)),
                    WebhookDelivery.of(paused.id(), event(3), at(1)),
                    WebhookDelivery.of(active.id(), event(4), at(30))));
    assertTrue(added.get(0).id() < added.get(1).id());

    List<WebhookDelivery> first = store.webhookDeliveries().claim(at(10), at(12), "w1", 10);
    assertEquals(
        List.of(added.get(0).id(), added.get(1).id()),
        first.stream().map(WebhookDelivery::id).toList());
    assertTrue(store.webhookDeliveries().claim(at(11), at(13), "w2", 10).isEmpty());
    // The lease ran out (its worker died): another worker takes them.
    List<WebhookDelivery> again =
        store.webhookDeliveries().claim(at(12).plusSeconds(1), at(14), "w2", 1);
    assertEquals(List.of(added.get(0).id()), again.stream().map(WebhookDelivery::id).toList());
    // The first worker's lease is gone: its result is not stored.
    WebhookDelivery done =
        first.get(0).after(AttemptResult.status(200, 5), RetrySchedule.DEFAULT, 0.5, at(13));
    assertFalse(store.webhookDeliveries().complete(done, "w1"));
    assertTrue(store.webhookDeliveries().complete(done, "w2"));
    assertTrue(
        store
            .webhookDeliveries()
            .complete(
                first
                    .get(1)
                    .after(AttemptResult.status(503, 7), RetrySchedule.DEFAULT, 0.5, at(13)),
                "w1"));

    WebhookDelivery delivered = store.webhookDeliveries().find(added.get(0).id()).orElseThrow();
    assertEquals(WebhookDelivery.Status.DELIVERED, delivered.status());
    assertEquals(200, delivered.lastStatusCode());
    assertEquals(1, delivered.attempts());
    WebhookDelivery retried = store.webhookDeliveries().find(added.get(1).id()).orElseThrow();
    assertEquals(WebhookDelivery.Status.PENDING, retried.status());
    assertEquals(503, retried.lastStatusCode());
    assertEquals(7L, retried.lastDurationMillis());
    assertTrue(retried.nextAttemptAt().isAfter(at(13)));
    assertTrue(store.webhookDeliveries().claim(at(13), at(20), "w3", 10).isEmpty());
    assertEquals(
        List.of(added.get(3).id(), added.get(1).id(), added.get(0).id()),
        store.webhookDeliveries().recent(active.id(), 10).stream()
            .map(WebhookDelivery::id)
            .toList());
  }

  private void lease(String token, long after, long upTo, int until) {
    store
        .transactions()
        .inTransaction(
            () -> {
              store.webhookDeliveries().leaseFanOut(token, after, upTo, at(until));
              return null;
            });
  }

  private List<WebhookDelivery> addAttempted(List<WebhookDelivery> attempted, String token) {
    return store
        .transactions()
        .inTransaction(() -> store.webhookDeliveries().addAttempted(attempted, token));
  }

  @Test
  void aLeasedRangeIsTakenOverOnceItsLeaseRanOutAndThenOnlyTheNewHolderStoresIt() {
    WebhookEndpoint active = endpoint(seller, seller, "https://hooks.example/a");
    lease("fan-out", 10, 20, 5);
    lease("other", 20, 30, 50);
    assertTrue(store.webhookDeliveries().claimFanOutLease(at(4), at(9), "w1").isEmpty());
    assertEquals(
        Optional.of(new WebhookDeliveries.FanOutLease(10, 20)),
        store.webhookDeliveries().claimFanOutLease(at(6), at(9), "w1"));
    // Taken once: the other range's lease still holds.
    assertTrue(store.webhookDeliveries().claimFanOutLease(at(6), at(9), "w2").isEmpty());

    WebhookDelivery done =
        WebhookDelivery.of(active.id(), event(1), at(1))
            .after(AttemptResult.status(200, 3), RetrySchedule.DEFAULT, 0.5, at(7));
    assertTrue(
        addAttempted(List.of(done), "fan-out").isEmpty(), "the first holder's lease is gone");
    assertTrue(store.webhookDeliveries().recent(active.id(), 10).isEmpty());
    assertEquals(1, addAttempted(List.of(done), "w1").size());
    assertTrue(addAttempted(List.of(done), "w1").isEmpty(), "stored once: the lease ended");
    assertEquals(1, store.webhookDeliveries().recent(active.id(), 10).size());
    // The new holder's lease runs out too: the range is taken over again.
    assertEquals(
        Optional.of(new WebhookDeliveries.FanOutLease(20, 30)),
        store.webhookDeliveries().claimFanOutLease(at(51), at(60), "w3"));
  }

  @Test
  void attemptedDeliveriesAreStoredOnceWithTheirFirstAttemptButNotForADeletedEndpoint() {
    WebhookEndpoint a = endpoint(seller, seller, "https://hooks.example/a");
    WebhookEndpoint gone = endpoint(seller, seller, "https://hooks.example/gone");
    lease("fan-out", 0, 3, 50);
    WebhookDelivery delivered =
        WebhookDelivery.of(a.id(), event(1), at(1))
            .after(AttemptResult.status(204, 3), RetrySchedule.DEFAULT, 0.5, at(2));
    WebhookDelivery toRetry =
        WebhookDelivery.of(a.id(), event(2), at(1))
            .after(AttemptResult.status(503, 4), RetrySchedule.DEFAULT, 0.5, at(2));
    WebhookDelivery orphan =
        WebhookDelivery.of(gone.id(), event(3), at(1))
            .after(AttemptResult.status(200, 5), RetrySchedule.DEFAULT, 0.5, at(2));
    assertTrue(store.webhookEndpoints().delete(gone.id()));

    List<WebhookDelivery> stored = addAttempted(List.of(delivered, toRetry, orphan), "fan-out");

    assertEquals(2, stored.size());
    assertTrue(stored.get(0).id() > 0 && stored.get(0).id() < stored.get(1).id());
    WebhookDelivery first = store.webhookDeliveries().find(stored.get(0).id()).orElseThrow();
    assertEquals(WebhookDelivery.Status.DELIVERED, first.status());
    assertEquals(1, first.attempts());
    assertEquals(204, first.lastStatusCode());
    assertEquals(at(2), first.lastAttemptAt());
    WebhookDelivery second = store.webhookDeliveries().find(stored.get(1).id()).orElseThrow();
    assertEquals(WebhookDelivery.Status.PENDING, second.status());
    assertEquals(toRetry.nextAttemptAt(), second.nextAttemptAt());
    assertEquals(
        List.of(503, 204),
        store.webhookDeliveries().attempts(a.id(), 10).stream()
            .map(WebhookAttempt::statusCode)
            .sorted(java.util.Comparator.reverseOrder())
            .toList());
    // The one to retry is an ordinary pending delivery: claimed when due, not before.
    assertTrue(
        store
            .webhookDeliveries()
            .claim(second.nextAttemptAt().minusSeconds(1), at(9_000), "w1", 10)
            .isEmpty());
    assertEquals(
        List.of(second.id()),
        store.webhookDeliveries().claim(second.nextAttemptAt(), at(9_000), "w1", 10).stream()
            .map(WebhookDelivery::id)
            .toList());
    assertTrue(store.webhookDeliveries().claimFanOutLease(at(60), at(90), "w2").isEmpty());
  }

  @Test
  void everyStoredAttemptIsLoggedNewestFirstAndARefusedOneOrADeletedEndpointLeavesNone() {
    WebhookEndpoint e = endpoint(seller, seller, "https://hooks.example/a");
    WebhookEndpoint other = endpoint(null, null, "https://hooks.example/m");
    List<WebhookDelivery> added =
        store
            .webhookDeliveries()
            .add(
                List.of(
                    WebhookDelivery.of(e.id(), event(1), at(1)),
                    WebhookDelivery.of(e.id(), event(2), at(1)),
                    WebhookDelivery.of(other.id(), event(3), at(1))));
    // Delivery 1: 503, then a timeout, then 200; delivery 2: refused connection; the other
    // endpoint's delivery: 200.
    WebhookDelivery one = added.get(0);
    String[] results = {"503", "timeout", "200"};
    for (int i = 0; i < results.length; i++) {
      String token = "w" + i;
      WebhookDelivery leased =
          store
              .webhookDeliveries()
              .claim(at(100 * (i + 1)), at(100 * (i + 1) + 50), token, 10)
              .stream()
              .filter(d -> d.id() == one.id())
              .findFirst()
              .orElseThrow();
      AttemptResult r =
          switch (results[i]) {
            case "503" -> AttemptResult.status(503, 11);
            case "timeout" -> AttemptResult.failed("timed out after 10 s", 10_000);
            default -> AttemptResult.status(200, 12);
          };
      WebhookDelivery after = leased.after(r, RetrySchedule.DEFAULT, 0.5, at(100 * (i + 1) + 1));
      assertTrue(store.webhookDeliveries().complete(after, token));
      // Every other leased delivery goes back unfinished (its lease runs out).
    }
    WebhookDelivery two = store.webhookDeliveries().find(added.get(1).id()).orElseThrow();
    WebhookDelivery refused =
        two.after(AttemptResult.failed("connection refused", 3), RetrySchedule.DEFAULT, 0.5, at(5));
    assertFalse(store.webhookDeliveries().complete(refused, "not-the-lease"));

    List<WebhookAttempt> log = store.webhookDeliveries().attempts(e.id(), 10);
    assertEquals(List.of(3, 2, 1), log.stream().map(WebhookAttempt::attempt).toList());
    assertTrue(log.stream().allMatch(a -> a.deliveryId() == one.id()));
    assertEquals(one.eventId(), log.get(0).eventId());
    assertEquals(200, log.get(0).statusCode());
    assertEquals(WebhookDelivery.Status.DELIVERED, log.get(0).outcome());
    assertEquals(12, log.get(0).durationMillis());
    assertEquals(at(301), log.get(0).attemptedAt());
    assertEquals(null, log.get(1).statusCode());
    assertEquals("timed out after 10 s", log.get(1).error());
    assertEquals(WebhookDelivery.Status.PENDING, log.get(1).outcome());
    assertEquals(503, log.get(2).statusCode());
    assertEquals(11, log.get(2).durationMillis());
    assertEquals(
        List.of(3, 2),
        store.webhookDeliveries().attempts(e.id(), 2).stream()
            .map(WebhookAttempt::attempt)
            .toList());
    assertTrue(store.webhookDeliveries().attempts(other.id(), 10).isEmpty());

    assertTrue(store.webhookEndpoints().delete(e.id()));
    assertTrue(store.webhookDeliveries().attempts(e.id(), 10).isEmpty());
  }

  @Test
  void aBatchOfResultsIsStoredOnlyWhereTheLeaseIsStillTheWorkersWithItsAttempts() {
    WebhookEndpoint e = endpoint(seller, seller, "https://hooks.example/a");
    List<WebhookDelivery> added =
        store
            .webhookDeliveries()
            .add(
                List.of(
                    WebhookDelivery.of(e.id(), event(1), at(1)),
                    WebhookDelivery.of(e.id(), event(2), at(1)),
                    WebhookDelivery.of(e.id(), event(3), at(1)),
                    WebhookDelivery.of(e.id(), event(4), at(1))));
    List<WebhookDelivery> mine = store.webhookDeliveries().claim(at(10), at(12), "w1", 3);
    assertEquals(
        added.subList(0, 3).stream().map(WebhookDelivery::id).toList(),
        mine.stream().map(WebhookDelivery::id).toList());
    // The lease of the second ran out and another worker took it; the fourth was never leased.
    List<WebhookDelivery> taken =
        store.webhookDeliveries().claim(at(12).plusSeconds(1), at(20), "w2", 1);
    assertEquals(List.of(mine.get(0).id()), taken.stream().map(WebhookDelivery::id).toList());

    List<WebhookDelivery> results =
        List.of(
            mine.get(2).after(AttemptResult.status(204, 3), RetrySchedule.DEFAULT, 0.5, at(13)),
            mine.get(0).after(AttemptResult.status(200, 4), RetrySchedule.DEFAULT, 0.5, at(13)),
            mine.get(1).after(AttemptResult.status(503, 5), RetrySchedule.DEFAULT, 0.5, at(13)),
            added.get(3).after(AttemptResult.status(200, 6), RetrySchedule.DEFAULT, 0.5, at(13)));
    List<WebhookDelivery> stored =
        store
            .transactions()
            .inTransaction(() -> store.webhookDeliveries().completeAll(results, "w1"));

    assertEquals(List.of(results.get(0), results.get(2)), stored);
    assertEquals(
        WebhookDelivery.Status.DELIVERED,
        store.webhookDeliveries().find(mine.get(2).id()).orElseThrow().status());
    assertEquals(
        WebhookDelivery.Status.PENDING,
        store.webhookDeliveries().find(mine.get(0).id()).orElseThrow().status());
    assertEquals(0, store.webhookDeliveries().find(mine.get(0).id()).orElseThrow().attempts());
    assertEquals(
        503, store.webhookDeliveries().find(mine.get(1).id()).orElseThrow().lastStatusCode());
    assertEquals(0, store.webhookDeliveries().find(added.get(3).id()).orElseThrow().attempts());
    assertEquals(
        List.of(mine.get(1).id(), mine.get(2).id()),
        store.webhookDeliveries().attempts(e.id(), 10).stream()
            .map(WebhookAttempt::deliveryId)
            .sorted()
            .toList());
    assertTrue(
        store
            .transactions()
            .inTransaction(() -> store.webhookDeliveries().completeAll(List.of(), "w1"))
            .isEmpty());
  }

  @Test
  void theFanOutCursorIsHeldByOneTransactionAtATime() {
    long start =
        store
            .transactions()
            .inTransaction(() -> store.webhookDeliveries().lockFanOut().orElseThrow());
    store
        .transactions()
        .inTransaction(
            () -> {
              store.webhookDeliveries().lockFanOut().orElseThrow();
              store.webhookDeliveries().advanceFanOut(start + 5);
              return null;
            });
    assertEquals(
        start + 5,
        store
            .transactions()
            .inTransaction(() -> store.webhookDeliveries().lockFanOut().orElseThrow()));
  }
}
