package io.ticketdesk.adapters.persistence;

import io.ticketdesk.domain.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Calls started at the same moment, each on a thread of its own. */
final class Race {
  private Race() {}

  /**
   * Runs the calls at once; an outcome is what a call returned, or the code it was refused with.
   */
  static List<Object> run(List<Callable<Object>> calls) throws Exception {
    CyclicBarrier start = new CyclicBarrier(calls.size());
    List<Callable<Object>> started = new ArrayList<>();
    for (Callable<Object> call : calls) {
      started.add(
          () -> {
            start.await(20, TimeUnit.SECONDS);
            try {
              return call.call();
            } catch (DomainException e) {
              return e.code();
            }
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> f : pool.invokeAll(started, 120, TimeUnit.SECONDS)) {
        outcomes.add(f.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code n} times the same call. */
  static List<Callable<Object>> times(int n, Callable<Object> call) {
    List<Callable<Object>> calls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      calls.add(call);
    }
    return calls;
  }
}
