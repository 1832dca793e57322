package io.ticketdesk.plugins.httpcarrier;

import com.sun.net.httpserver.HttpServer;
import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.testkit.ReturnLabelProviderContract;
import io.ticketdesk.plugin.testkit.SamplePdf;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The HTTP carrier, configured as in production, runs the carrier contract of the testkit against a
 * stub service that answers a fresh tracking number with a label URL ({@code /url/}), a base64 PDF
 * in JSON ({@code /json-pdf/}) or a PDF body ({@code /pdf/}); one subclass per kind of answer.
 */
abstract class StubbedHttpCarrierContract extends ReturnLabelProviderContract {

  private static HttpServer server;
  private static final AtomicLong SERIAL = new AtomicLong();

  @BeforeAll
  static void startStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          String path = exchange.getRequestURI().getPath();
          String tracking = "ACME" + SERIAL.incrementAndGet();
          byte[] body;
          if (path.startsWith("/pdf/")) {
            body = SamplePdf.showing("Label " + tracking);
            exchange.getResponseHeaders().set("Content-Type", "application/pdf");
            exchange.getResponseHeaders().set("X-Tracking-Number", tracking);
          } else {
            String label =
                path.startsWith("/json-pdf/")
                    ? "\"labelPdf\":\""
                        + Base64.getEncoder().encodeToString(SamplePdf.showing(tracking))
                        + "\""
                    : "\"labelUrl\":\"https://acme.example/labels/" + tracking + ".pdf\"";
            body =
                ("{\"trackingNumber\":\"" + tracking + "\"," + label + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
          }
          exchange.sendResponseHeaders(201, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterAll
  static void stopStub() {
    server.stop(0);
  }

  /** The path under which the stub answers in the subclass's way. */
  abstract String path();

  @Override
  protected ReturnLabelProvider provider() {
    return new HttpCarrierPlugin()
        .returnLabelProviders(
            PluginContext.of(
                Map.of(
                    "baseUrl",
                    "http://127.0.0.1:" + server.getAddress().getPort() + path(),
                    "carrierName",
                    "acme",
                    "apiKey",
                    "s3cret",
                    "storefronts",
                    "de,at,fr")))
        .get(0);
  }
}
