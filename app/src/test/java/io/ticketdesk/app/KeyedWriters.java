package io.ticketdesk.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writers that post messages, each with an {@code Idempotency-Key} of its own, and retry a write
 * that got no answer or a 5xx (a node died under it, the load balancer answered 502/503) with the
 * same key and body until it is acknowledged — as a careful client does. Each writer opens a ticket
 * of its own first (also under a key).
 */
final class KeyedWriters {
  private final String base;
  private final String buyer;
  private final long unit;
  private final String prefix;

  /** Texts acknowledged with 2xx. */
  final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

  /** Every text sent at least once (acknowledged or not). */
  final Set<String> sent = ConcurrentHashMap.newKeySet();

  final AtomicInteger retries = new AtomicInteger();
  final AtomicInteger replayed = new AtomicInteger();
  final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  KeyedWriters(String base, String buyer, long unit, String prefix) {
    this.base = base;
    this.buyer = buyer;
    this.unit = unit;
    this.prefix = prefix;
  }

  void start(int count) {
    running = true;
    for (int i = 0; i < count; i++) {
      int writer = i;
      Thread t = new Thread(() -> writeLoop(writer), "keyed-writer-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** Stops after each writer's current write is acknowledged (or refused with a 4xx). */
  void stop() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(120_000);
    }
  }

  private void writeLoop(int writer) {
    String ticket =
        write(
            prefix + "-w" + writer + "-open",
            "POST",
            "/api/v1/tickets",
            "{\"orderUnitIds\":[%d],\"reason\":\"product_defect\",\"message\":\"%s\"}"
                .formatted(unit, prefix + "-w" + writer + "-open"),
            "ticketNumber");
    for (int seq = 1; running && ticket != null; seq++) {
      String text = prefix + "-w" + writer + "-" + seq;
      write(
          text,
          "POST",
          "/api/v1/tickets/" + ticket + "/messages",
          "{\"text\":\"" + text + "\"}",
          null);
    }
  }

  /** One write, retried under its key until acknowledged; returns the named field of the answer. */
  private String write(String key, String method, String path, String body, String field) {
    sent.add(key);
    long giveUp = System.nanoTime() + 60_000_000_000L;
    for (int attempt = 0; System.nanoTime() < giveUp; attempt++) {
      if (attempt > 0) {
        retries.incrementAndGet();
        pause(100);
      }
      Workload.Answer a;
      try {
        a = Workload.send(base, method, path, buyer, body, Map.of("Idempotency-Key", key));
      } catch (IOException noAnswer) {
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      statuses.computeIfAbsent(a.status(), k -> new AtomicInteger()).incrementAndGet();
      if (a.status() >= 500) {
        continue;
      }
      if (a.status() / 100 != 2) {
        unexpected.add(key + ": " + a.status() + " " + a.body());
        return null;
      }
      if (a.header("Idempotent-Replayed") != null) {
        replayed.incrementAndGet();
      }
      acknowledged.add(key);
      return field == null ? key : a.json().get(field).asText();
    }
    unexpected.add(key + ": not acknowledged within 60 s");
    return null;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String summary() {
    return "sent=%d acknowledged=%d retries=%d replayed=%d statuses=%s"
        .formatted(sent.size(), acknowledged.size(), retries.get(), replayed.get(), statuses);
  }
}
