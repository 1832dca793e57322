package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin author's path, last step: the standalone example plugin (examples/carrier-plugin, built
 * and contract-tested against the freshly installed SPI by plugins/testkit) is dropped into the
 * plugins directory of the real fat jar, configured the operator's way, and makes a label over
 * HTTP.
 */
class ExamplePluginIT {

  @TempDir Path dataDir;

  @Test
  void theExamplePluginFromThePluginsDirectoryMakesALabelOverHttp() throws Exception {
    Path plugins = Files.createDirectories(dataDir.resolve("plugins"));
    Files.copy(
        PluginFixture.examplePluginJar(), plugins.resolve("example-carrier-plugin-1.0.0.jar"));
    Map<String, String> env =
        Map.of(
            "TICKETDESK_DATA_DIR", dataDir.toString(),
            "TICKETDESK_ADMIN_TOKEN", PluginFixture.ADMIN,
            "TICKETDESK_CLOCK", "2026-02-10T09:00:00Z",
            "TICKETDESK_PLUGIN_EXAMPLE_CARRIER_LABEL_BASE_URL", "https://labels.example.org/r/",
            "TICKETDESK_PLUGIN_EXAMPLE_CARRIER_TRACKING_PREFIX", "XP");
    try (RunningJar jar = new RunningJar(env)) {
      PluginFixture.Ticket ticket = PluginFixture.Ticket.open(jar);

      JsonNode carrier = null;
      for (JsonNode c :
          jar.call("GET", "/api/v1/carriers", ticket.sellerToken(), null, 200).get("items")) {
        if (c.get("carrier").asText().equals("example-post")) {
          carrier = c;
        }
      }
      assertTrue(carrier != null, "example-post is loaded:\n" + jar.output());
      assertEquals("example-carrier", carrier.get("plugin").asText());
      assertEquals("1.0.0", carrier.get("version").asText());

      JsonNode label =
          jar.call(
              "POST",
              ticket.labels(),
              ticket.sellerToken(),
              "{\"carrier\":\"example-post\",\"orderUnitIds\":[980001]}",
              201);
      assertEquals("example-post", label.get("carrier").asText());
      String tracking = label.get("trackingNumber").asText();
      assertTrue(tracking.matches("XP" + ticket.number() + "\\d{10}"), tracking);
      assertTrue(jar.output().contains("Loaded plugin example-carrier 1.0.0"), jar.output());
    }
  }
}
