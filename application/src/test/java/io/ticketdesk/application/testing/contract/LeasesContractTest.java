package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.Leases;
import io.ticketdesk.application.port.out.Leases.Lease;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link Leases}: one holder at a time, takeover after expiry, fencing. */
public abstract class LeasesContractTest {
  protected StorePorts store;
  private Leases leases;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    leases = store.leases();
  }

  @Test
  void theFirstAcquisitionTakesAFreshLeaseWithNoProgress() {
    Lease lease = leases.acquire("purge", "node-a", at(0), at(10)).orElseThrow();

    assertEquals(new Lease("purge", "node-a", lease.token(), at(10), ""), lease);
    assertEquals(Optional.of(lease), leases.find("purge"));
    assertEquals(Optional.empty(), leases.find("other"));
  }

  @Test
  void nobodyElseTakesALeaseWhileItsTimeRunsNotEvenItsHolder() {
    leases.acquire("purge", "node-a", at(0), at(10)).orElseThrow();

    assertEquals(Optional.empty(), leases.acquire("purge", "node-b", at(9), at(20)));
    assertEquals(Optional.empty(), leases.acquire("purge", "node-a", at(9), at(20)));
    assertEquals("node-a", leases.find("purge").orElseThrow().holder());
  }

  @Test
  void anExpiredLeaseIsTakenOverWithANewTokenAndTheStoredProgress() {
    Lease first = leases.acquire("deadlines", "node-a", at(0), at(10)).orElseThrow();
    assertTrue(leases.extend(first, at(12), "fp|00100000007"));

    Lease second = leases.acquire("deadlines", "node-b", at(12), at(30)).orElseThrow();

    assertEquals("node-b", second.holder());
    assertEquals("fp|00100000007", second.progress());
    assertEquals(at(30), second.until());
    assertTrue(second.token() > first.token(), "every acquisition gets a new token");
  }

  @Test
  void aHolderWhoseLeaseWasTakenCannotExtendIt() {
    Lease first = leases.acquire("deadlines", "node-a", at(0), at(10)).orElseThrow();
    Lease second = leases.acquire("deadlines", "node-b", at(11), at(30)).orElseThrow();

    assertFalse(leases.extend(first, at(40), "stale"));
    assertEquals(
        new Lease("deadlines", "node-b", second.token(), at(30), ""),
        leases.find("deadlines").orElseThrow());
    assertTrue(leases.extend(second, at(40), "fresh"));
    assertEquals("fresh", leases.find("deadlines").orElseThrow().progress());
  }

  @Test
  void extendingToNowFreesTheLease() {
    Lease first = leases.acquire("purge", "node-a", at(0), at(10)).orElseThrow();
    assertTrue(leases.extend(first, at(1), "done"));

    Lease next = leases.acquire("purge", "node-b", at(1), at(5)).orElseThrow();

    assertEquals("done", next.progress());
  }

  @Test
  void leasesAreIndependentByName() {
    leases.acquire("purge", "node-a", at(0), at(10)).orElseThrow();

    assertTrue(leases.acquire("deadlines", "node-b", at(0), at(10)).isPresent());
  }

  @Test
  void anExtensionRolledBackWithItsTransactionLeavesTheLeaseAsItWas() {
    Lease lease = leases.acquire("deadlines", "node-a", at(0), at(10)).orElseThrow();

    assertThrows(
        IllegalStateException.class,
        () ->
            store
                .transactions()
                .inTransaction(
                    () -> {
                      assertTrue(leases.extend(lease, at(20), "batch 2"));
                      throw new IllegalStateException("the batch failed");
                    }));

    assertEquals(lease, leases.find("deadlines").orElseThrow());
  }

  @Test
  void ofManyNodesRacingForAFreeLeaseExactlyOneGetsIt() throws Exception {
    int nodes = 8;
    for (int round = 0; round < 5; round++) {
      String name = "race-" + round;
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(nodes);
      try {
        List<Future<Optional<Lease>>> tries = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
          String holder = "node-" + n;
          Callable<Optional<Lease>> attempt =
              () -> {
                start.await();
                return leases.acquire(name, holder, at(0), at(10));
              };
          tries.add(pool.submit(attempt));
        }
        start.countDown();
        List<Lease> won = new ArrayList<>();
        for (Future<Optional<Lease>> t : tries) {
          t.get(30, TimeUnit.SECONDS).ifPresent(won::add);
        }
        assertEquals(1, won.size(), "winners of round " + round + ": " + won);
        assertEquals(Optional.of(won.get(0)), leases.find(name));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void ofManyNodesRacingToTakeOverAnExpiredLeaseExactlyOneGetsIt() throws Exception {
    leases.acquire("takeover", "dead-node", at(0), at(1)).orElseThrow();
    int nodes = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      List<Future<Optional<Lease>>> tries = new ArrayList<>();
      for (int n = 0; n < nodes; n++) {
        String holder = "node-" + n;
        tries.add(
            pool.submit(
                () -> {
                  start.await();
                  return leases.acquire("takeover", holder, at(5), at(10));
                }));
      }
      start.countDown();
      int won = 0;
      for (Future<Optional<Lease>> t : tries) {
        won += t.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
      }
      assertEquals(1, won);
    } finally {
      pool.shutdownNow();
    }
  }
}
