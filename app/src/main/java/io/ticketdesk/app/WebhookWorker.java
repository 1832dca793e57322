package io.ticketdesk.app;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.DispatchWebhooksUseCase;
import io.ticketdesk.application.port.in.PurgeEventsUseCase;
import io.ticketdesk.application.port.in.RaiseDeadlineAlertsUseCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background work of events on this instance: one thread fans committed events out to
 * deliveries and purges expired events, one raises due deadline alerts every minute, {@code
 * workers} threads attempt due deliveries. They poll: at once after a full batch, otherwise every
 * {@link #IDLE}, so that under load each step carries a batch (a step per event made the delivery
 * work cost as much CPU as the replies themselves). When the fan-out made deliveries it wakes this
 * instance's workers, which saves them most of a poll's wait; the wake-up is only a shortcut, the
 * poll is what guarantees progress. No LISTEN/NOTIFY, so it works through a transaction-pooling
 * pooler; several instances share the work through the store's claims.
 */
final class WebhookWorker implements AutoCloseable {
  static final Duration IDLE = Duration.ofMillis(200);
  static final Duration PURGE_INTERVAL = Duration.ofMinutes(15);
  private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);

  /** How often this instance raises the deadline alerts that are due. */
  static final Duration ALERT_INTERVAL = Duration.ofMinutes(1);

  private final DispatchWebhooksUseCase dispatch;
  private final PurgeEventsUseCase purge;
  private final RaiseDeadlineAlertsUseCase alerts;
  private final int workers;
  private final List<Thread> threads = new ArrayList<>();
  private final Object wake = new Object();
  private long wakeups; // guarded by wake
  private volatile boolean running;

  WebhookWorker(
      DispatchWebhooksUseCase dispatch,
      PurgeEventsUseCase purge,
      RaiseDeadlineAlertsUseCase alerts,
      int workers) {
    this.dispatch = requireNonNull(dispatch, "dispatch is null");
    this.purge = requireNonNull(purge, "purge is null");
    this.alerts = requireNonNull(alerts, "alerts is null");
    if (workers < 0) {
      throw new IllegalArgumentException("webhook workers must not be negative");
    }
    this.workers = workers;
  }

  void start() {
    running = true;
    threads.add(thread("ticketdesk-events-fan-out", this::fanOutLoop));
    threads.add(thread("ticketdesk-deadline-alerts", this::alertLoop));
    for (int i = 1; i <= workers; i++) {
      threads.add(thread("ticketdesk-webhook-worker-" + i, this::deliveryLoop));
    }
    threads.forEach(Thread::start);
  }

  private static Thread thread(String name, Runnable loop) {
    Thread t = new Thread(loop, name);
    t.setDaemon(true);
    return t;
  }

  private void fanOutLoop() {
    long nextPurge = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (running) {
      DispatchWebhooksUseCase.Step step = guarded(() -> dispatch.fanOut(workers > 0), "fan-out");
      if (step.count() > 0) {
        synchronized (wake) {
          wakeups++;
          wake.notifyAll();
        }
      }
      if (System.nanoTime() >= nextPurge) {
        int purged = guardedCount(purge::purgeExpired, "event purge");
        if (purged > 0) {
          LOG.info("purged {} event(s) past their retention", purged);
        }
        nextPurge = System.nanoTime() + PURGE_INTERVAL.toNanos();
      }
      if (!step.full()) {
        pause();
      }
    }
  }

  private void alertLoop() {
    while (running) {
      int raised = guardedCount(alerts::raiseDue, "deadline alerts");
      if (raised > 0) {
        LOG.info("raised {} deadline alert(s)", raised);
      }
      try {
        Thread.sleep(ALERT_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void deliveryLoop() {
    while (running) {
      long seen;
      synchronized (wake) {
        seen = wakeups;
      }
      if (!guarded(dispatch::deliverDue, "delivery").full()) {
        awaitWork(seen);
      }
    }
  }

  /** Until the fan-out made deliveries since {@code seen}, or {@link #IDLE} passed. */
  private void awaitWork(long seen) {
    long deadline = System.nanoTime() + IDLE.toNanos();
    synchronized (wake) {
      long left;
      while (running && wakeups == seen && (left = deadline - System.nanoTime()) > 0) {
        try {
          wake.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
    }
  }

  /** Runs one step; a failure (e.g. the database is away) is logged and counts as no work. */
  private static DispatchWebhooksUseCase.Step guarded(
      java.util.function.Supplier<DispatchWebhooksUseCase.Step> step, String what) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      LOG.warn("webhook {} failed; trying again shortly: {}", what, e.toString());
      return DispatchWebhooksUseCase.Step.NONE;
    }
  }

  private static int guardedCount(java.util.function.IntSupplier step, String what) {
    return guarded(() -> new DispatchWebhooksUseCase.Step(step.getAsInt(), false), what).count();
  }

  private void pause() {
    try {
      Thread.sleep(IDLE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    for (Thread t : threads) {
      t.interrupt();
    }
    for (Thread t : threads) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
