package io.ticketdesk.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.domain.SellerId;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class IdempotencyKeyPurgeServiceTest {
  final World w = new World();
  final IdempotencyKeys keys = w.store.idempotencyKeys();
  final SellerId seller = SellerId.of(1);

  private IdempotencyKeys.Key key(int i) {
    return new IdempotencyKeys.Key(seller, "buyer:42", "k" + i);
  }

  /** Keys 0…n-1, key i remembered i hours before now. */
  private void remember(int n) {
    for (int i = 0; i < n; i++) {
      keys.add(
          key(i),
          new IdempotencyKeys.Use(
              "f".repeat(64), "r" + i, w.clock.instant().minus(Duration.ofHours(i))));
    }
  }

  @Test
  void forgetsTheKeysOlderThanTheRetentionInBatches() {
    remember(30);
    var purge = new IdempotencyKeyPurgeService(keys, w.clock, Duration.ofHours(24), 2);

    assertEquals(5, purge.purgeExpired()); // 25 … 29 hours old: three batches (2, 2, 1)

    for (int i = 0; i < 30; i++) {
      assertEquals(i <= 24, keys.find(key(i)).isPresent(), "key " + i);
    }
    assertEquals(0, purge.purgeExpired());
  }

  @Test
  void theRetentionCountsFromTheClock() {
    remember(3);
    var purge = new IdempotencyKeyPurgeService(keys, w.clock, Duration.ofHours(1), 100);

    assertEquals(1, purge.purgeExpired()); // only key 2 is older than an hour
    w.clock.advance(Duration.ofMinutes(61));
    assertEquals(2, purge.purgeExpired());
    assertTrue(keys.find(key(0)).isEmpty());
  }

  @Test
  void ofSeveralNodesOnePurgesPerIntervalAndTheNextTurnComesAfterIt() {
    remember(30);
    Duration every = Duration.ofMinutes(15);
    List<IdempotencyKeyPurgeService> nodes = new java.util.ArrayList<>();
    for (String node : List.of("node-a", "node-b", "node-c")) {
      nodes.add(
          new IdempotencyKeyPurgeService(
              keys, w.clock, Duration.ofHours(24), 2, w.store.leases(), every, node));
    }

    List<OptionalInt> first = nodes.stream().map(IdempotencyKeyPurgeService::purgeIfDue).toList();
    assertEquals(List.of(OptionalInt.of(5), OptionalInt.empty(), OptionalInt.empty()), first);

    // 15 minutes later key 24 (then 24 h 15 min old) is past the retention too.
    w.clock.advance(every.minusSeconds(1));
    assertTrue(nodes.stream().allMatch(n -> n.purgeIfDue().isEmpty()), "not due yet");
    w.clock.advance(Duration.ofSeconds(1));
    List<OptionalInt> second =
        List.of(nodes.get(2).purgeIfDue(), nodes.get(0).purgeIfDue(), nodes.get(1).purgeIfDue());
    assertEquals(List.of(OptionalInt.of(1), OptionalInt.empty(), OptionalInt.empty()), second);
  }

  @Test
  void aRetentionOrBatchThatIsNotPositiveIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new IdempotencyKeyPurgeService(keys, w.clock, Duration.ZERO, 10));
    assertThrows(
        IllegalArgumentException.class,
        () -> new IdempotencyKeyPurgeService(keys, w.clock, Duration.ofHours(-1), 10));
    assertThrows(
        IllegalArgumentException.class,
        () -> new IdempotencyKeyPurgeService(keys, w.clock, Duration.ofHours(1), 0));
  }
}
