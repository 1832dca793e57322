package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The node's background work as the server schedules it. */
class BackgroundWorkTest {
  private static final Duration EVERY = Duration.ofMillis(10);

  @Test
  void everyTaskRunsAgainAndAgainUntilClosed() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch twice = new CountDownLatch(2);
    BackgroundWork.Task task =
        BackgroundWork.Task.of(
            "count",
            () -> {
              runs.incrementAndGet();
              twice.countDown();
              return Optional.of("did it");
            });
    BackgroundWork work = new BackgroundWork(List.of(task), EVERY);
    try {
      work.start(Duration.ZERO);
      assertTrue(twice.await(10, TimeUnit.SECONDS), "the task runs, and runs again");
    } finally {
      work.close();
    }
    assertTrue(work.isStopped());
    int afterClose = runs.get();
    Thread.sleep(EVERY.toMillis() * 3);
    assertEquals(afterClose, runs.get(), "no turn after close");
  }

  @Test
  void aFailedTaskIsLoggedTheOthersStillRunAndItsNextTurnStillComes() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch recovered = new CountDownLatch(1);
    BackgroundWork.Task flaky =
        BackgroundWork.Task.of(
            "flaky",
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database unavailable");
              }
              recovered.countDown();
              return Optional.empty();
            });
    BackgroundWork.Task steady = BackgroundWork.Task.of("steady", () -> Optional.of("worked"));

    try (BackgroundWork work = new BackgroundWork(List.of(flaky, steady), EVERY)) {
      assertEquals(1, work.runOnce(), "the failure does not stop the other task");
      work.start(Duration.ZERO);
      assertTrue(recovered.await(10, TimeUnit.SECONDS));
    }
    assertTrue(calls.get() >= 2);
  }

  @Test
  void aTurnCountsTheTasksThatHadWork() {
    try (BackgroundWork work =
        new BackgroundWork(
            List.of(
                BackgroundWork.Task.of("idle", Optional::empty),
                BackgroundWork.Task.of("busy", () -> Optional.of("purged 7"))),
            Duration.ofMinutes(15))) {
      assertEquals(1, work.runOnce());
      assertFalse(work.isStopped());
    }
  }
}
