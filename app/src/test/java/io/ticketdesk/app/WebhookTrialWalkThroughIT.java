package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first webhook, as docs/events.md tells it: the jar with demo data and insecure
 * targets allowed (as {@code TICKETDESK_WEBHOOKS_ALLOW_INSECURE=true ./ticketdesk}), the seller
 * token it printed, then every {@code bash} block of the section run as written from the
 * repository's root — register an endpoint, start {@code
 * examples/webhook-receiver/WebhookReceiver.java}, answer a ticket — and the receiver must have
 * verified the signed deliveries of both events.
 */
class WebhookTrialWalkThroughIT {
  static final Path DOC = Path.of("..", "docs", "events.md");
  static final String SECTION =
      "## Try it end to end: a signed webhook to a receiver on your machine";
  static final String RECEIVER_PORT = "8090";
  private static final Pattern VERIFIED =
      Pattern.compile(
          "verified evt_[0-9a-f]+ \\{\"eventId\":\"evt_[0-9a-f]+\",\"type\":\"([a-z_.]+)\"");

  private static boolean available(String command) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", "command -v " + command).start();
    return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @Test
  void aNewUsersReceiverVerifiesTheSignedDeliveriesOfAReply(@TempDir Path dir) throws Exception {
    boolean tools;
    try {
      tools = available("bash") && available("curl") && available("java");
    } catch (java.io.IOException e) {
      tools = false;
    }
    if (!tools) {
      System.err.println(
          "\n*** SKIPPING the docs/events.md webhook trial: bash, curl or java is missing ***\n");
      Assumptions.abort("bash, curl or java missing");
    }
    List<String> blocks = ApiWalkThroughIT.blocks(Files.readAllLines(DOC), SECTION);
    String walk = String.join("\n\n", blocks);
    assertTrue(walk.contains("BASE=" + ApiWalkThroughIT.SERVER + "/api/v1"), "defines BASE");
    assertTrue(walk.contains("WebhookReceiver.java " + RECEIVER_PORT), "starts the receiver");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path data = Files.createDirectories(dir.resolve("data"));
    try (RunningJar jar =
        new RunningJar(
            Map.of("TICKETDESK_WEBHOOKS_ALLOW_INSECURE", "true"),
            "--demo",
            "--data-dir",
            data.toString())) {
      String script =
          "SELLER="
              + sellerToken(jar)
              + "\n"
              + walk.replace(ApiWalkThroughIT.SERVER, jar.base)
                  .replace("127.0.0.1:" + RECEIVER_PORT, "127.0.0.1:" + port)
                  .replace("WebhookReceiver.java " + RECEIVER_PORT, "WebhookReceiver.java " + port);
      List<Integer> expected = ApiWalkThroughIT.expectedStatuses(walk);
      ApiWalkThroughIT.runChecked(
          dir, Path.of("..").toAbsolutePath().normalize(), script, expected);
      String output = Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8);
      assertTrue(output.contains("receiving webhooks on http://127.0.0.1:" + port), output);
      // curl prints no newline after an answer, so the receiver's lines may follow one.
      Matcher m = VERIFIED.matcher(output);
      List<String> verified = new java.util.ArrayList<>();
      while (m.find()) {
        verified.add(m.group(1));
      }
      assertEquals(List.of("ticket.status_changed", "ticket.message_created"), verified, output);
      assertFalse(output.contains("REFUSED"), output);
      assertTrue(output.contains("\"status\":\"delivered\""), output);
      System.out.println("WEBHOOK TRIAL docs/events.md: " + verified.size() + " verified");
    }
  }

  /** The seller token {@code serve --demo} printed. */
  private static String sellerToken(RunningJar jar) throws InterruptedException {
    Pattern line = Pattern.compile("^\\s+seller\\s+(tdk_\\S+)");
    for (int i = 0; i < 300; i++) {
      for (String l : jar.output().split("\n")) {
        Matcher m = line.matcher(l);
        if (m.find()) {
          return m.group(1);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no seller token printed:\n" + jar.output());
  }
}
