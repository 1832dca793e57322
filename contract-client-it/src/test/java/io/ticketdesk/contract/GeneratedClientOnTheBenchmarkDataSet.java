package io.ticketdesk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.client.ApiClient;
import io.ticketdesk.client.api.TicketActionsApi;
import io.ticketdesk.client.api.TicketsApi;
import io.ticketdesk.client.model.MessagePage;
import io.ticketdesk.client.model.Ticket;
import io.ticketdesk.client.model.TicketPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Java client generated from openapi.yaml reads the whole benchmark data set (1,000,000 tickets
 * from {@code bench/run.sh}) without loss: every seller pages through all its tickets, and reads
 * the ticket, its chat (every page) and its order of every ticket (or of every N-th with {@code
 * -Dticketdesk.walk.every=N}), each compared with the server's own JSON by {@link LosslessReads}.
 *
 * <p>Not part of {@code ./mvnw verify} (failsafe runs {@code *IT} only; {@code
 * GeneratedClientWalkIT} reads a 150-ticket data set there). Run it with {@code
 * bench/client-walk.sh}, see docs/benchmarks.md.
 */
class GeneratedClientOnTheBenchmarkDataSet {
  @Test
  void theGeneratedClientReadsTheMillionTicketDataSetWithoutLoss() throws Exception {
    String db = System.getProperty("ticketdesk.walk.db", "");
    Assumptions.assumeFalse(db.isBlank(), "-Dticketdesk.walk.db=<JDBC URL> not given");
    Path manifest = Path.of(System.getProperty("ticketdesk.walk.manifest"));
    int threads = Integer.getInteger("ticketdesk.walk.threads", 4);
    int every = Integer.getInteger("ticketdesk.walk.every", 1);
    List<String[]> sellers = new ArrayList<>();
    long expected = 0;
    for (String line : Files.readAllLines(manifest)) {
      String[] f = line.split("\t");
      if (f[0].equals("seller")) {
        sellers.add(f);
        expected += Long.parseLong(f[3]);
      }
    }
    Map<String, String> env =
        Map.of(
            "TICKETDESK_DB_URL",
            db,
            "TICKETDESK_DB_USER",
            System.getProperty("ticketdesk.walk.user", "ticketdesk"),
            "TICKETDESK_DB_PASSWORD",
            System.getProperty("ticketdesk.walk.password", ""),
            "TICKETDESK_DB_POOL_SIZE",
            String.valueOf(threads + 2),
            "TICKETDESK_ADMIN_TOKEN",
            "walk-" + UUID.randomUUID(),
            "TICKETDESK_RATE_LIMIT",
            "0");
    Map<String, Integer> compared = new ConcurrentHashMap<>();
    AtomicLong tickets = new AtomicLong();
    AtomicLong messages = new AtomicLong();
    long started = System.nanoTime();
    try (RunningServer server = new RunningServer(env)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (String[] seller : sellers) {
        done.add(
            pool.submit(
                () -> {
                  LosslessReads reads = walk(server.base, seller[2], every, tickets, messages);
                  reads.compared.forEach((op, n) -> compared.merge(op, n, Integer::sum));
                  return null;
                }));
      }
      Thread progress =
          new Thread(
              () -> {
                try {
                  while (true) {
                    Thread.sleep(30_000);
                    System.out.printf(
                        "  ... %,d tickets, %,d messages in %d s%n",
                        tickets.get(),
                        messages.get(),
                        (System.nanoTime() - started) / 1_000_000_000);
                  }
                } catch (InterruptedException stop) {
                  // done
                }
              });
      progress.setDaemon(true);
      progress.start();
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      progress.interrupt();
    }
    long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000);
    long responses = compared.values().stream().mapToLong(Integer::longValue).sum();
    System.out.printf(
        "Generated Java client read the benchmark data set without loss: %,d tickets of %,d"
            + " sellers, %,d messages; %,d responses compared with the server's JSON %s in %d s"
            + " (%,d reads/s, each read twice: client and raw)%n",
        tickets.get(),
        sellers.size(),
        messages.get(),
        responses,
        new java.util.TreeMap<>(compared),
        seconds,
        responses / seconds);
    assertEquals(expected, tickets.get(), "every ticket of the manifest's sellers was listed");
  }

  /** One seller pages through all its tickets; chats and orders of every {@code every}-th. */
  private static LosslessReads walk(
      String base, String token, int every, AtomicLong tickets, AtomicLong messages)
      throws Exception {
    ApiClient client = GeneratedClientWalkIT.client(base, token);
    TicketsApi api = new TicketsApi(client);
    TicketActionsApi actions = new TicketActionsApi(client);
    LosslessReads reads = new LosslessReads(base, client.getObjectMapper());
    String cursor = null;
    do {
      String c = cursor;
      String query =
          "?limit=100"
              + (c == null ? "" : "&cursor=" + URLEncoder.encode(c, StandardCharsets.UTF_8));
      TicketPage page =
          reads.read(
              "listTickets",
              token,
              "/api/v1/tickets" + query,
              () ->
                  api.listTickets(
                      null, null, null, null, null, null, null, null, null, null, 100, c));
      for (Ticket t : page.getItems()) {
        long i = tickets.incrementAndGet();
        if (i % every != 0) {
          continue;
        }
        String n = t.getTicketNumber();
        String path = "/api/v1/tickets/" + n;
        reads.read("getTicket", token, path, () -> api.getTicket(n, null));
        String mc = null;
        do {
          String m = mc;
          String mq =
              "?limit=100"
                  + (m == null ? "" : "&cursor=" + URLEncoder.encode(m, StandardCharsets.UTF_8));
          MessagePage chat =
              reads.read(
                  "listMessages",
                  token,
                  path + "/messages" + mq,
                  () -> api.listMessages(n, 100, m, null));
          messages.addAndGet(chat.getItems().size());
          mc = chat.getNextCursor();
        } while (mc != null);
        reads.read("getTicketOrder", token, path + "/order", () -> actions.getTicketOrder(n));
      }
      cursor = page.getNextCursor();
    } while (cursor != null);
    assertTrue(reads.total() > 0);
    return reads;
  }
}
