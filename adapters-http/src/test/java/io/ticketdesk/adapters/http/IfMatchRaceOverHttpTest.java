package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two of a seller's agents answer the same ticket at the same moment with the same {@code
 * If-Match}: exactly one wins (201), the other gets 412 and its message is not stored — over real
 * HTTP with real threads, many rounds. (The same race on PostgreSQL through the fat jar is in app's
 * DatabaseOutageIT.)
 */
class IfMatchRaceOverHttpTest {
  static final int ROUNDS = Integer.getInteger("reliability.race.rounds", 50);

  @Test
  void exactlyOneOfTwoConcurrentAnswersWithTheSameIfMatchWins() throws Exception {
    try (TestApp app = new TestApp()) {
      long seller = app.registerSeller("Race GmbH", "de");
      String agentA = app.token("seller", seller, null);
      String agentB = app.token("seller", seller, null);
      String buyer = app.token("buyer", null, 501L);
      app.feedOrder("RACE1", seller, 501, "de", 4001);
      String ticket =
          app.openTicket(buyer, 4001, "product_defect", null, "help").get("ticketNumber").asText();
      String path = "/api/v1/tickets/" + ticket + "/messages";
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 1; round <= ROUNDS; round++) {
          String etag =
              app.api.get("/api/v1/tickets/" + ticket, agentA).header("ETag").orElseThrow();
          CyclicBarrier together = new CyclicBarrier(2);
          List<Future<ApiClient.Response>> answers = new ArrayList<>();
          for (String agent : List.of(agentA, agentB)) {
            String text = "round " + round + (agent.equals(agentA) ? " A" : " B");
            answers.add(
                pool.submit(
                    () -> {
                      together.await(30, TimeUnit.SECONDS);
                      return app.api.post(
                          path, agent, Map.of("text", text), Map.of("If-Match", etag));
                    }));
          }
          List<Integer> statuses = new ArrayList<>();
          for (var f : answers) {
            ApiClient.Response r = f.get(60, TimeUnit.SECONDS);
            statuses.add(r.status());
            if (r.status() == 412) {
              ProblemAssertions.assertProblem(r, 412, "precondition-failed");
            }
          }
          statuses.sort(null);
          assertEquals(List.of(201, 412), statuses, "round " + round);
        }
      } finally {
        pool.shutdownNow();
      }
      var messages = app.api.get(path + "?limit=100", agentA).json().get("items");
      assertEquals(1 + ROUNDS, messages.size(), "exactly one message stored per round");
      assertEquals(
          1 + ROUNDS,
          app.api.get("/api/v1/tickets/" + ticket, agentA).json().get("version").asInt());
    }
  }
}
