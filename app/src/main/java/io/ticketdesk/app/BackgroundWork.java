package io.ticketdesk.app;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's background work on a thread of its own: every {@code poll}, each task looks whether
 * there is work for this node (e.g. the idempotency-key purge is due and no other node took it, or
 * a recomputation of deadlines was left unfinished by a node that died) and does it. Which node
 * does a piece of cluster-wide work is decided by the tasks' leases in the store, not here. A
 * failed task (e.g. the database is away) is logged and tried again at the next turn; the others
 * run regardless. {@link #close} stops the thread.
 */
final class BackgroundWork implements AutoCloseable {
  /** How often a node looks for background work, unless configured otherwise. */
  static final Duration DEFAULT_POLL = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

  /** One kind of background work; {@code run} says what it did, or nothing when it had none. */
  interface Task {
    String name();

    Optional<String> run();

    static Task of(String name, java.util.function.Supplier<Optional<String>> run) {
      requireNonNull(name, "name is null");
      requireNonNull(run, "run is null");
      return new Task() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public Optional<String> run() {
          return run.get();
        }
      };
    }
  }

  private final List<Task> tasks;
  private final Duration poll;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "ticketdesk-background-work");
            thread.setDaemon(true);
            return thread;
          });

  BackgroundWork(List<Task> tasks, Duration poll) {
    this.tasks = List.copyOf(tasks);
    this.poll = requireNonNull(poll, "poll is null");
    if (poll.isNegative() || poll.isZero()) {
      throw new IllegalArgumentException("poll must be positive, got " + poll);
    }
  }

  /** Schedules the turns: after {@code firstDelay}, then {@code poll} after each turn ended. */
  void start(Duration firstDelay) {
    LOG.info(
        "looking for background work ({}) every {}, first in {}",
        tasks.stream().map(Task::name).toList(),
        poll,
        firstDelay);
    executor.scheduleWithFixedDelay(
        this::runOnce, firstDelay.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One turn of every task; returns how many did something. Never throws. */
  int runOnce() {
    int worked = 0;
    for (Task task : tasks) {
      try {
        Optional<String> done = task.run();
        if (done.isPresent()) {
          LOG.info("{}", done.get());
          worked++;
        }
      } catch (RuntimeException e) {
        LOG.warn("{} failed, trying again in {}: {}", task.name(), poll, e.toString());
      }
    }
    return worked;
  }

  /** Stops the thread, interrupting a task in progress (its transaction rolls back). */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("the background work did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean isStopped() {
    return executor.isTerminated();
  }
}
