package io.ticketdesk.plugins.httpcarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.ticketdesk.plugin.host.PluginCallException;
import io.ticketdesk.plugin.host.PluginHost;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin jar works from a plugins directory, configured through the host. */
class HttpCarrierPluginJarIT {

  @TempDir Path pluginsDir;

  @Test
  void the_plugin_jar_loads_from_a_directory_and_its_failures_stay_with_the_call()
      throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar =
          files
              .filter(
                  p ->
                      p.getFileName().toString().matches("ticketdesk-plugin-http-carrier-.*\\.jar"))
              .findFirst()
              .orElseThrow();
    }
    Files.copy(jar, pluginsDir.resolve("http-carrier.jar"));
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body =
              (exchange.getRequestURI().getPath().startsWith("/down/")
                      ? "{\"error\":\"down\"}"
                      : "{\"trackingNumber\":\"X1\",\"labelUrl\":\"https://carrier.example/X1.pdf\"}")
                  .getBytes(StandardCharsets.UTF_8);
          int status = exchange.getRequestURI().getPath().startsWith("/down/") ? 502 : 200;
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try (PluginHost host =
        PluginHost.builder()
            .pluginsDirectory(pluginsDir)
            .classPath(null)
            .config(
                Map.of(
                    HttpCarrierPlugin.NAME, Map.of("baseUrl", base + "/up", "carrierName", "stub")))
            .callTimeout(Duration.ofSeconds(5))
            .load()) {
      assertEquals(List.of(), host.rejected());
      assertEquals(
          "X1", host.createLabel("stub", HttpReturnLabelProviderTest.request()).trackingNumber());
    }
    try (PluginHost host =
        PluginHost.builder()
            .pluginsDirectory(pluginsDir)
            .classPath(null)
            .config(
                Map.of(
                    HttpCarrierPlugin.NAME,
                    Map.of("baseUrl", base + "/down", "carrierName", "stub")))
            .load()) {
      PluginCallException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              PluginCallException.class,
              () -> host.createLabel("stub", HttpReturnLabelProviderTest.request()));
      assertEquals(PluginCallException.Failure.THREW, e.failure());
      assertEquals(
          "threw io.ticketdesk.plugins.httpcarrier.CarrierRequestException: carrier service answered HTTP 502: {\"error\":\"down\"}",
          e.reason());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void without_a_base_url_the_plugin_is_rejected_with_the_reason() throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar =
          files
              .filter(
                  p ->
                      p.getFileName().toString().matches("ticketdesk-plugin-http-carrier-.*\\.jar"))
              .findFirst()
              .orElseThrow();
    }
    Files.copy(jar, pluginsDir.resolve("http-carrier.jar"));
    try (PluginHost host =
        PluginHost.builder().pluginsDirectory(pluginsDir).classPath(null).load()) {
      assertEquals(
          List.of(
              "plugin ticketdesk-http-carrier (http-carrier.jar) rejected: its factories failed: threw"
                  + " java.lang.IllegalStateException: config 'baseUrl' is missing: set it to the"
                  + " carrier service's URL"),
          host.rejected());
    }
  }
}
