package io.ticketdesk.plugin.host;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One plugin's own threads, waiting line and timeout. Calls into a plugin run here and nowhere
 * else, so a plugin that hangs or is flooded fills only its own bulkhead: further calls into it
 * fail at once as {@code BUSY}, and calls into other plugins never wait for it.
 */
final class Bulkhead implements AutoCloseable {

  /**
   * How much of the host one plugin may hold.
   *
   * @param maxConcurrentCalls calls running at once (threads)
   * @param maxQueuedCalls calls waiting for a thread; more are refused as {@code BUSY}
   * @param callTimeout how long a call may take, waiting included
   */
  record Limits(int maxConcurrentCalls, int maxQueuedCalls, Duration callTimeout) {
    Limits {
      if (maxConcurrentCalls < 1 || maxQueuedCalls < 0) {
        throw new IllegalArgumentException(
            "maxConcurrentCalls must be at least 1 and maxQueuedCalls at least 0");
      }
      requireNonNull(callTimeout, "callTimeout is null");
      if (callTimeout.isNegative() || callTimeout.isZero()) {
        throw new IllegalArgumentException("callTimeout must be positive: " + callTimeout);
      }
    }
  }

  private final Limits limits;
  private final ThreadPoolExecutor executor;
  private volatile boolean closed;

  Bulkhead(String name, Limits limits) {
    this.limits = requireNonNull(limits, "limits is null");
    AtomicInteger threads = new AtomicInteger();
    BlockingQueue<Runnable> queue =
        limits.maxQueuedCalls() == 0
            ? new SynchronousQueue<>()
            : new ArrayBlockingQueue<>(limits.maxQueuedCalls());
    this.executor =
        new ThreadPoolExecutor(
            limits.maxConcurrentCalls(),
            limits.maxConcurrentCalls(),
            30,
            TimeUnit.SECONDS,
            queue,
            runnable -> {
              Thread thread =
                  new Thread(
                      runnable, "ticketdesk-plugin-" + name + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.executor.allowCoreThreadTimeOut(true);
  }

  Limits limits() {
    return limits;
  }

  /**
   * Runs {@code action} on this bulkhead with the plugin's class loader as context class loader,
   * and waits at most the call timeout; a late call is cancelled, which interrupts its thread.
   *
   * @throws PluginCallException when the call is refused, fails, or does not finish in time
   */
  <T> T call(String pluginName, String carrier, ClassLoader loader, Callable<T> action) {
    Future<T> future;
    try {
      future =
          executor.submit(
              () -> {
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(loader);
                try {
                  return action.call();
                } finally {
                  thread.setContextClassLoader(previous);
                }
              });
    } catch (RejectedExecutionException e) {
      throw new PluginCallException(
          pluginName,
          carrier,
          PluginCallException.Failure.BUSY,
          closed
              ? "the plugin host is closed"
              : "all "
                  + (limits.maxConcurrentCalls() + limits.maxQueuedCalls())
                  + " call slots of this plugin are taken, try again",
          e);
    }
    try {
      return future.get(limits.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      cancel(future);
      throw new PluginCallException(
          pluginName,
          carrier,
          PluginCallException.Failure.TIMED_OUT,
          "did not answer within " + limits.callTimeout().toMillis() + " ms",
          null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new PluginCallException(
          pluginName,
          carrier,
          PluginCallException.Failure.THREW,
          "threw "
              + cause.getClass().getName()
              + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
          cause);
    } catch (InterruptedException e) {
      cancel(future);
      Thread.currentThread().interrupt();
      throw new PluginCallException(
          pluginName,
          carrier,
          PluginCallException.Failure.INTERRUPTED,
          "the caller was interrupted while waiting",
          e);
    }
  }

  /** Interrupts a running call; a call still waiting in line gives its place back at once. */
  private void cancel(Future<?> future) {
    future.cancel(true);
    executor.purge();
  }

  /** Refuses further calls and interrupts the running ones. */
  @Override
  public void close() {
    closed = true;
    executor.shutdownNow();
  }
}
