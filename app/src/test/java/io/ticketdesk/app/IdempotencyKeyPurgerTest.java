package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.in.PurgeIdempotencyKeysUseCase;
import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.application.service.IdempotencyKeyPurgeService;
import io.ticketdesk.domain.SellerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The purge of expired idempotency keys as the server schedules it. */
class IdempotencyKeyPurgerTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration EVERY = Duration.ofMillis(10);

  /** Keys in a map: just enough of a store for the purge. */
  private static final class MapKeys implements IdempotencyKeys {
    final Map<Key, Use> keys = new ConcurrentHashMap<>();

    @Override
    public void add(Key key, Use use) {
      keys.put(key, use);
    }

    @Override
    public Optional<Use> find(Key key) {
      return Optional.ofNullable(keys.get(key));
    }

    @Override
    public int purgeBefore(Instant cutoff, int limit) {
      int removed = 0;
      for (var e : keys.entrySet()) {
        if (removed < limit && e.getValue().createdAt().isBefore(cutoff)) {
          keys.remove(e.getKey());
          removed++;
        }
      }
      return removed;
    }
  }

  private static IdempotencyKeys.Key key(String value) {
    return new IdempotencyKeys.Key(SellerId.of(1), "buyer:42", value);
  }

  private static void remember(MapKeys keys, String key, Duration age) {
    keys.add(key(key), new IdempotencyKeys.Use("f".repeat(64), "1", NOW.minus(age)));
  }

  @Test
  void purgesWhatIsOlderThanTheRetentionByTheInjectedClockAgainAndAgainUntilClosed()
      throws Exception {
    MapKeys keys = new MapKeys();
    for (int i = 0; i < 5; i++) {
      remember(keys, "old-" + i, Duration.ofHours(25 + i));
    }
    remember(keys, "young", Duration.ofHours(23));
    var service =
        new IdempotencyKeyPurgeService(
            keys, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24), 2);
    AtomicInteger runs = new AtomicInteger();
    AtomicInteger removed = new AtomicInteger();
    CountDownLatch twice = new CountDownLatch(2);
    PurgeIdempotencyKeysUseCase counted =
        () -> {
          int n = service.purgeExpired();
          removed.addAndGet(n);
          runs.incrementAndGet();
          twice.countDown();
          return n;
        };

    IdempotencyKeyPurger purger = new IdempotencyKeyPurger(counted, EVERY);
    try {
      purger.start(Duration.ZERO);
      assertTrue(twice.await(10, TimeUnit.SECONDS), "the purge runs, and runs again");
    } finally {
      purger.close();
    }

    assertTrue(purger.isStopped());
    assertEquals(5, removed.get());
    assertEquals(Map.of(key("young"), keys.keys.get(key("young"))), keys.keys);
    int afterClose = runs.get();
    Thread.sleep(EVERY.toMillis() * 3);
    assertEquals(afterClose, runs.get(), "no purge after close");
  }

  @Test
  void aFailedPurgeIsLoggedAndTheNextTurnStillComes() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch recovered = new CountDownLatch(1);
    PurgeIdempotencyKeysUseCase flaky =
        () -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("database unavailable");
          }
          recovered.countDown();
          return 3;
        };

    try (IdempotencyKeyPurger purger = new IdempotencyKeyPurger(flaky, EVERY)) {
      assertEquals(0, purger.purgeOnce());
      purger.start(Duration.ZERO);
      assertTrue(recovered.await(10, TimeUnit.SECONDS));
    }
    assertTrue(calls.get() >= 2);
  }

  @Test
  void oneTurnTellsHowManyKeysItRemoved() {
    try (IdempotencyKeyPurger purger = new IdempotencyKeyPurger(() -> 7, Duration.ofMinutes(15))) {
      assertEquals(7, purger.purgeOnce());
      assertFalse(purger.isStopped());
    }
  }
}
