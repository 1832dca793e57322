package io.ticketdesk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The benchmark's webhook receiver answers each delivery of a kept-alive connection 204. */
class ReceiveCommandTest {
  @Test
  void everyDeliveryOnAKeptAliveConnectionIsAnsweredAndHandedOnWithItsIdAndBody() throws Exception {
    List<String> got = new CopyOnWriteArrayList<>();
    List<Integer> connections = new CopyOnWriteArrayList<>();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    Socket s = server.accept();
                    connections.add(s.getPort());
                    new Thread(
                            () ->
                                ReceiveCommand.serve(
                                    s,
                                    (id, body) ->
                                        got.add(
                                            id + " " + new String(body, StandardCharsets.UTF_8))))
                        .start();
                  }
                } catch (java.io.IOException e) {
                  // closed
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int i = 1; i <= 3; i++) {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getLocalPort() + "/hook"))
                    .header("webhook-id", "evt_" + i)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, r.statusCode());
      }
      assertEquals(List.of("evt_1 {\"n\":1}", "evt_2 {\"n\":2}", "evt_3 {\"n\":3}"), got);
      assertEquals(1, connections.size(), "one kept-alive connection: " + connections);
    }
  }
}
