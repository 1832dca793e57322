package io.ticketdesk.plugin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.plugin.api.ReturnAddress;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each plugin has its own threads, waiting line and timeout: flooding one harms no other. */
class PluginBulkheadTest {

  private static final String CARRIER =
      """
      package p.%1$s;
      import io.ticketdesk.plugin.api.*;
      import java.util.*;
      public class %2$s implements TicketdeskPlugin {
        public String name() { return "%1$s"; }
        public String apiVersion() { return API_VERSION; }
        public List<ReturnLabelProvider> returnLabelProviders(PluginContext context) {
          String seen = context.value("callTimeout", "none") + "-" + context.value("mode", "none");
          return List.of(new ReturnLabelProvider() {
            public String carrier() { return "%1$s-carrier"; }
            public boolean supports(String s, String f, String t) { return true; }
            public ReturnLabel createLabel(ReturnLabelRequest r) {
              %3$s
              return ReturnLabel.ofUrl(carrier(), "T-" + seen, "https://labels.example/l.pdf");
            }
          });
        }
      }
      """;

  private static TestPluginJars jars;

  @TempDir static Path work;
  @TempDir Path pluginsDir;
  private PluginHost host;
  private ExecutorService callers;

  @BeforeAll
  static void compilePlugins() throws IOException {
    jars =
        TestPluginJars.compile(
            work,
            Map.of(
                "p/sleepy/Sleepy.java",
                CARRIER.formatted(
                    "sleepy",
                    "Sleepy",
                    "try { Thread.sleep(60_000); } catch (InterruptedException e) {"
                        + " throw new IllegalStateException(e); }"),
                "p/quick/Quick.java",
                CARRIER.formatted("quick", "Quick", "")));
  }

  @AfterEach
  void close() {
    if (callers != null) {
      callers.shutdownNow();
    }
    if (host != null) {
      host.close();
    }
  }

  private void load(Duration timeout, Map<String, Map<String, String>> config) throws IOException {
    jars.jar(pluginsDir.resolve("quick.jar"), "p/quick", "1", "p.quick.Quick");
    jars.jar(pluginsDir.resolve("sleepy.jar"), "p/sleepy", "1", "p.sleepy.Sleepy");
    host =
        PluginHost.builder()
            .pluginsDirectory(pluginsDir)
            .classPath(null)
            .callTimeout(timeout)
            .maxConcurrentCalls(2, 2)
            .config(config)
            .load();
    assertEquals(List.of(), host.rejected());
  }

  @Test
  void aFloodedPluginRefusesItsExtraCallersAtOnceWhileAnotherPluginAnswers() throws Exception {
    load(Duration.ofSeconds(3), Map.of());
    callers = Executors.newFixedThreadPool(20);
    List<Future<PluginCallException>> flood = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      flood.add(
          callers.submit(
              () -> {
                long start = System.nanoTime();
                PluginCallException e =
                    assertThrows(
                        PluginCallException.class,
                        () -> host.createLabel("sleepy-carrier", request()));
                if (e.failure() == PluginCallException.Failure.BUSY) {
                  // Refused without waiting for the 3 s timeout.
                  assertTrue(System.nanoTime() - start < 1_500_000_000L, "busy came late");
                }
                return e;
              }));
    }
    Thread.sleep(200);
    for (int i = 0; i < 20; i++) {
      assertEquals("T-none-none", host.createLabel("quick-carrier", request()).trackingNumber());
    }
    int busy = 0;
    int timedOut = 0;
    for (Future<PluginCallException> f : flood) {
      PluginCallException e = f.get();
      assertEquals("sleepy", e.pluginName());
      switch (e.failure()) {
        case BUSY -> {
          busy++;
          assertTrue(e.reason().contains("all 4 call slots of this plugin are taken"), e.reason());
        }
        case TIMED_OUT -> timedOut++;
        default -> throw new AssertionError("unexpected failure " + e.failure(), e);
      }
    }
    assertEquals(16, busy, "2 running + 2 waiting; the other 16 are refused");
    assertEquals(4, timedOut);
  }

  @Test
  void aPluginsOwnCallTimeoutComesFromItsConfigurationAndIsNotPassedOn() throws Exception {
    load(
        Duration.ofSeconds(5),
        Map.of(
            "sleepy", Map.of("callTimeout", "200ms"),
            "quick", Map.of("callTimeout", "PT2S", "mode", "fast")));

    long start = System.nanoTime();
    PluginCallException e =
        assertThrows(
            PluginCallException.class, () -> host.createLabel("sleepy-carrier", request()));

    assertEquals(PluginCallException.Failure.TIMED_OUT, e.failure());
    assertEquals("did not answer within 200 ms", e.reason());
    assertTrue(System.nanoTime() - start < 3_000_000_000L, "not the host's 5 s");
    assertEquals("T-none-fast", host.createLabel("quick-carrier", request()).trackingNumber());
  }

  @Test
  void aMalformedLimitRejectsThatPluginNamingTheKey() throws Exception {
    jars.jar(pluginsDir.resolve("quick.jar"), "p/quick", "1", "p.quick.Quick");
    jars.jar(pluginsDir.resolve("sleepy.jar"), "p/sleepy", "1", "p.sleepy.Sleepy");
    host =
        PluginHost.builder()
            .pluginsDirectory(pluginsDir)
            .classPath(null)
            .config(
                Map.of(
                    "sleepy", Map.of("maxConcurrentCalls", "0"),
                    "quick", Map.of("callTimeout", "soon")))
            .load();

    assertEquals(List.of(), host.carriers());
    List<String> rejected = host.rejected();
    assertEquals(2, rejected.size(), rejected.toString());
    assertTrue(
        rejected.get(0).contains("callTimeout must be a positive duration such as 500ms"),
        rejected.get(0));
    assertTrue(
        rejected.get(1).contains("maxConcurrentCalls must be a whole number from 1 to 1024"),
        rejected.get(1));
  }

  private static ReturnLabelRequest request() {
    return new ReturnLabelRequest(
        "00112345678",
        "MQ8BRT7",
        "de",
        "Lampenladen GmbH",
        new ReturnAddress("Lampenladen GmbH", "Lagerweg 5", "04109", "Leipzig", "DE"),
        "Eva Muster",
        "DE",
        "DE",
        List.of(new ReturnLabelRequest.Item(1, "Stehlampe", "4006381333931")));
  }
}
