package io.ticketdesk.plugin.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.plugin.api.ReturnAddress;
import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHostTest {

  private static final String IMPORTS =
      """
      import io.ticketdesk.plugin.api.*;
      import java.util.*;
      """;

  /** A plugin class named {@code type} in package {@code pkg} with the given class body. */
  private static String plugin(String pkg, String type, String name, String version, String body) {
    return "package "
        + pkg
        + ";\n"
        + IMPORTS
        + "public class "
        + type
        + " implements TicketdeskPlugin {\n"
        + "  public String name() { return \""
        + name
        + "\"; }\n"
        + "  public String apiVersion() { return "
        + version
        + "; }\n"
        + body
        + "\n}\n";
  }

  /** A provider body: {@code carrier} and a {@code createLabel} body using {@code r}. */
  private static String providers(String carriers, String createLabel) {
    return """
          public List<ReturnLabelProvider> returnLabelProviders(PluginContext context) {
            List<ReturnLabelProvider> list = new ArrayList<>();
            for (String c : new String[] {%s}) {
              list.add(new ReturnLabelProvider() {
                public String carrier() { return c; }
                public boolean supports(String s, String f, String t) { return "de".equals(s); }
                public ReturnLabel createLabel(ReturnLabelRequest r) {
                  try {
                    %s
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }
              });
            }
            return list;
          }
        """
        .formatted(carriers, createLabel);
  }

  private static final Map<String, String> SOURCES = new LinkedHashMap<>();

  static {
    SOURCES.put(
        "p/good/Good.java",
        plugin(
            "p.good",
            "Good",
            "good",
            "API_VERSION",
            providers(
                    "\"good-carrier\"",
                    "return ReturnLabel.ofUrl(c, \"GOOD-\" + r.ticketNumber() + \"-\""
                        + " + context.value(\"suffix\", \"none\"),"
                        + " \"https://labels.example/\" + r.ticketNumber() + \".pdf\");")
                + """
                  public List<TextModuleSet> textModuleSets(PluginContext context) {
                    return List.of(new TextModuleSet("de", "de-DE", List.of(
                        new DefaultTextModule("label", "Rücksendeetikett",
                            "Hallo {{buyer.name}}, hier ist Ihr Etikett: {{returnLabel.url}}",
                            "prepaid_label"))));
                  }
                """));
    SOURCES.put(
        "p/isolated/Isolated.java",
        plugin(
            "p.isolated",
            "Isolated",
            "isolated",
            "API_VERSION",
            providers(
                "\"isolated-carrier\"",
                """
                String seen = "";
                for (String name : new String[] {"org.slf4j.Logger",
                    "io.ticketdesk.plugin.host.PluginHost", "org.junit.jupiter.api.Test",
                    "java.net.http.HttpClient", "io.ticketdesk.plugin.api.ReturnLabel"}) {
                  try {
                    Class.forName(name);
                    seen += "+" + name.substring(name.lastIndexOf('.') + 1);
                  } catch (ClassNotFoundException e) {
                    seen += "-" + name.substring(name.lastIndexOf('.') + 1);
                  }
                }
                try {
                  Thread.currentThread().getContextClassLoader().loadClass("org.slf4j.Logger");
                  seen += "+ContextLogger";
                } catch (ClassNotFoundException e) {
                  seen += "-ContextLogger";
                }
                return ReturnLabel.ofUrl(c, seen, "https://labels.example/i.pdf");
                """)));
    SOURCES.put(
        "p/major/Major.java",
        plugin(
            "p.major",
            "Major",
            "major",
            "\"2.0\"",
            providers("\"major-carrier\"", "return null;")));
    SOURCES.put(
        "p/minor/Minor.java",
        plugin(
            "p.minor",
            "Minor",
            "minor",
            "\"1.2\"",
            providers("\"minor-carrier\"", "return null;")));
    SOURCES.put(
        "p/badversion/BadVersion.java",
        plugin(
            "p.badversion",
            "BadVersion",
            "badversion",
            "\"one\"",
            providers("\"bv\"", "return null;")));
    SOURCES.put(
        "p/nothing/Nothing.java", plugin("p.nothing", "Nothing", "nothing", "API_VERSION", ""));
    SOURCES.put(
        "p/throwing/Throwing.java",
        plugin(
            "p.throwing",
            "Throwing",
            "throwing",
            "API_VERSION",
            providers(
                "\"throwing-carrier\"",
                "throw new UnsupportedOperationException(\"carrier API is down\");")));
    SOURCES.put(
        "p/slow/Slow.java",
        plugin(
            "p.slow",
            "Slow",
            "slow",
            "API_VERSION",
            providers(
                "\"slow-carrier\"",
                """
                try {
                  Thread.sleep(60_000);
                } catch (InterruptedException e) {
                  System.setProperty("ticketdesk.test.slow.interrupted", "true");
                  throw e;
                }
                return ReturnLabel.ofUrl(c, "LATE", "https://labels.example/late.pdf");
                """)));
    SOURCES.put(
        "p/garbage/Garbage.java",
        plugin(
            "p.garbage",
            "Garbage",
            "garbage",
            "API_VERSION",
            providers(
                "\"g-null\", \"g-empty-tracking\", \"g-not-pdf\", \"g-http\", \"g-other-carrier\","
                    + " \"g-spaces\"",
                """
                switch (c) {
                  case "g-null": return null;
                  case "g-empty-tracking": return ReturnLabel.ofUrl(c, "", "https://x.example/l.pdf");
                  case "g-not-pdf": return ReturnLabel.ofPdf(c, "T1", "<html>".getBytes());
                  case "g-http": return ReturnLabel.ofUrl(c, "T1", "http://x.example/l.pdf");
                  case "g-other-carrier": return ReturnLabel.ofUrl("good-carrier", "T1", "https://x.example/l.pdf");
                  default: return ReturnLabel.ofUrl(c, "T 1\\n", "https://x.example/l.pdf");
                }
                """)));
    SOURCES.put(
        "p/dup/Dup.java",
        plugin(
            "p.dup",
            "Dup",
            "dup",
            "API_VERSION",
            providers(
                "\"good-carrier\", \"dup-own\"",
                "return ReturnLabel.ofUrl(c, \"DUP\", \"https://x.example/l.pdf\");")));
    SOURCES.put(
        "p/factoryfails/FactoryFails.java",
        plugin(
            "p.factoryfails",
            "FactoryFails",
            "factoryfails",
            "API_VERSION",
            """
              public List<ReturnLabelProvider> returnLabelProviders(PluginContext context) {
                throw new IllegalStateException("config 'baseUrl' is missing");
              }
            """));
    SOURCES.put(
        "p/shipped/Shipped.java",
        plugin(
            "p.shipped",
            "Shipped",
            "shipped",
            "API_VERSION",
            providers(
                "\"shipped-carrier\"",
                "return ReturnLabel.ofPdf(c, \"S1\", \"%PDF-1.7 fake\".getBytes());")));
  }

  private static TestPluginJars jars;

  @TempDir static Path work;
  @TempDir Path pluginsDir;
  private PluginHost host;

  @BeforeAll
  static void compilePlugins() throws IOException {
    jars = TestPluginJars.compile(work, SOURCES);
  }

  @AfterEach
  void closeHost() {
    if (host != null) {
      host.close();
    }
    System.clearProperty("ticketdesk.test.slow.interrupted");
  }

  private Path drop(String pkg, String type) throws IOException {
    return jars.jar(pluginsDir.resolve(pkg + ".jar"), "p/" + pkg, "1.2.3", "p." + pkg + "." + type);
  }

  private PluginHost load(Duration timeout) {
    host =
        PluginHost.builder()
            .pluginsDirectory(pluginsDir)
            .config(Map.of("good", Map.of("suffix", "configured")))
            .callTimeout(timeout)
            .load();
    return host;
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

  @Test
  void a_good_plugin_loads_from_the_directory_with_its_configuration() throws IOException {
    drop("good", "Good");
    load(Duration.ofSeconds(5));

    assertEquals(List.of(), host.rejected());
    assertEquals(
        List.of(new LoadedCarrier("good-carrier", "good", "1.2.3", PluginHost.API_VERSION)),
        host.carriers());
    assertEquals(
        List.of(new LoadedPlugin("good", "1.2.3", PluginHost.API_VERSION, "good.jar")),
        host.plugins());
    ReturnLabel label = host.createLabel("good-carrier", request());
    assertEquals("GOOD-00112345678-configured", label.trackingNumber());
    assertEquals("https://labels.example/00112345678.pdf", label.downloadUrl());
    assertTrue(host.supports("good-carrier", "de", "DE", "DE"));
    assertFalse(host.supports("good-carrier", "fr", "FR", "DE"));
    assertEquals(1, host.textModuleSets().size());
    assertEquals("prepaid_label", host.textModuleSets().get(0).modules().get(0).returnOptionType());
  }

  @Test
  void a_plugin_sees_the_jdk_and_the_spi_but_no_host_class() throws IOException {
    drop("isolated", "Isolated");
    load(Duration.ofSeconds(5));

    String seen = host.createLabel("isolated-carrier", request()).trackingNumber();

    assertEquals("-Logger-PluginHost-Test+HttpClient+ReturnLabel-ContextLogger", seen);
  }

  @Test
  void a_plugin_built_against_another_major_version_is_rejected() throws IOException {
    drop("major", "Major");
    load(Duration.ofSeconds(5));

    assertTrue(host.carriers().isEmpty());
    assertEquals(1, host.rejected().size());
    assertTrue(host.rejected().get(0).contains("major"), host.rejected().get(0));
    assertTrue(host.rejected().get(0).contains("built against SPI 2.0"), host.rejected().get(0));
  }

  @Test
  void a_plugin_built_against_a_newer_minor_version_is_rejected() throws IOException {
    drop("minor", "Minor");
    load(Duration.ofSeconds(5));

    assertTrue(host.carriers().isEmpty());
    assertTrue(host.rejected().get(0).contains("built against SPI 1.2"), host.rejected().get(0));
  }

  @Test
  void a_plugin_with_an_unreadable_version_is_rejected() throws IOException {
    drop("badversion", "BadVersion");
    load(Duration.ofSeconds(5));

    assertTrue(host.carriers().isEmpty());
    assertTrue(host.rejected().get(0).contains("'one'"), host.rejected().get(0));
  }

  @Test
  void a_plugin_that_registers_nothing_is_rejected() throws IOException {
    drop("nothing", "Nothing");
    load(Duration.ofSeconds(5));

    assertTrue(host.plugins().isEmpty());
    assertTrue(host.rejected().get(0).contains("registers nothing"), host.rejected().get(0));
  }

  @Test
  void a_plugin_whose_factory_throws_is_rejected_with_the_reason() throws IOException {
    drop("factoryfails", "FactoryFails");
    load(Duration.ofSeconds(5));

    assertTrue(host.plugins().isEmpty());
    assertTrue(
        host.rejected().get(0).contains("config 'baseUrl' is missing"), host.rejected().get(0));
  }

  @Test
  void broken_jars_are_rejected_and_the_good_ones_still_load() throws IOException {
    drop("good", "Good");
    Files.write(pluginsDir.resolve("corrupt.jar"), new byte[] {1, 2, 3, 4, 5});
    jars.jar(pluginsDir.resolve("missing-class.jar"), "p/none", null, "p.none.DoesNotExist");
    jars.jar(pluginsDir.resolve("no-service.jar"), "p/good", null);
    Files.writeString(pluginsDir.resolve("readme.txt"), "not a jar, not looked at");

    load(Duration.ofSeconds(5));

    assertEquals(List.of("good-carrier"), carrierNames());
    List<String> rejected = host.rejected();
    assertEquals(3, rejected.size(), rejected.toString());
    assertTrue(rejected.get(0).startsWith("plugin jar corrupt.jar rejected: cannot be opened"));
    assertTrue(
        rejected.get(1).startsWith("plugin jar missing-class.jar rejected: cannot be loaded"));
    assertTrue(rejected.get(2).startsWith("plugin jar no-service.jar rejected: it declares no"));
  }

  @Test
  void a_duplicate_carrier_is_rejected_and_the_first_one_kept() throws IOException {
    jars.jar(pluginsDir.resolve("a-good.jar"), "p/good", null, "p.good.Good");
    jars.jar(pluginsDir.resolve("b-dup.jar"), "p/dup", null, "p.dup.Dup");
    load(Duration.ofSeconds(5));

    assertEquals(List.of("good-carrier", "dup-own"), carrierNames());
    assertEquals(
        List.of(
            "plugin dup (b-dup.jar): carrier good-carrier rejected: already provided by plugin good"),
        host.rejected());
    assertTrue(host.createLabel("good-carrier", request()).trackingNumber().startsWith("GOOD-"));
  }

  @Test
  void the_same_plugin_twice_is_loaded_once() throws IOException {
    jars.jar(pluginsDir.resolve("good-1.jar"), "p/good", null, "p.good.Good");
    jars.jar(pluginsDir.resolve("good-2.jar"), "p/good", null, "p.good.Good");
    load(Duration.ofSeconds(5));

    assertEquals(1, host.plugins().size());
    assertTrue(host.rejected().get(0).contains("already loaded from good-1.jar"));
  }

  @Test
  void a_plugin_that_throws_fails_that_call_only() throws IOException {
    drop("throwing", "Throwing");
    drop("good", "Good");
    load(Duration.ofSeconds(5));

    PluginCallException e =
        assertThrows(
            PluginCallException.class, () -> host.createLabel("throwing-carrier", request()));

    assertEquals(PluginCallException.Failure.THREW, e.failure());
    assertEquals("throwing", e.pluginName());
    assertEquals("throwing-carrier", e.carrier().orElseThrow());
    assertTrue(e.reason().contains("carrier API is down"), e.reason());
    assertTrue(e.getMessage().startsWith("plugin throwing, carrier throwing-carrier: threw"));
    assertEquals(
        "GOOD-00112345678-configured",
        host.createLabel("good-carrier", request()).trackingNumber());
  }

  @Test
  void a_plugin_that_hangs_times_out_is_interrupted_and_blocks_nothing_else()
      throws IOException, InterruptedException {
    drop("slow", "Slow");
    drop("good", "Good");
    load(Duration.ofMillis(300));

    long start = System.nanoTime();
    PluginCallException e =
        assertThrows(PluginCallException.class, () -> host.createLabel("slow-carrier", request()));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(PluginCallException.Failure.TIMED_OUT, e.failure());
    assertEquals("did not answer within 300 ms", e.reason());
    assertTrue(took.compareTo(Duration.ofMillis(290)) >= 0, took.toString());
    assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, took.toString());
    assertTrue(host.createLabel("good-carrier", request()).trackingNumber().startsWith("GOOD-"));
    for (int i = 0; i < 50 && System.getProperty("ticketdesk.test.slow.interrupted") == null; i++) {
      Thread.sleep(20);
    }
    assertEquals("true", System.getProperty("ticketdesk.test.slow.interrupted"));
  }

  @Test
  void concurrent_hanging_calls_do_not_starve_other_carriers() throws Exception {
    drop("slow", "Slow");
    drop("good", "Good");
    host =
        PluginHost.builder()
            .pluginsDirectory(pluginsDir)
            .callTimeout(Duration.ofMillis(500))
            .maxConcurrentCalls(4, 8)
            .load();
    Thread[] callers = new Thread[3];
    for (int i = 0; i < callers.length; i++) {
      callers[i] =
          new Thread(
              () ->
                  assertThrows(
                      PluginCallException.class,
                      () -> host.createLabel("slow-carrier", request())));
      callers[i].start();
    }
    Thread.sleep(100);
    long start = System.nanoTime();
    assertTrue(host.createLabel("good-carrier", request()).trackingNumber().startsWith("GOOD-"));
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(300)) < 0);
    for (Thread caller : callers) {
      caller.join(5_000);
    }
  }

  @Test
  void garbage_results_are_rejected_with_the_reason() throws IOException {
    drop("garbage", "Garbage");
    load(Duration.ofSeconds(5));

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("g-null", "returned no label (null)");
    expected.put("g-empty-tracking", "returned a label with an empty tracking number");
    expected.put("g-not-pdf", "returned a PDF that does not start with %PDF");
    expected.put(
        "g-http",
        "returned a download URL that is not an absolute https URL: http://x.example/l.pdf");
    expected.put("g-other-carrier", "returned a label of another carrier: 'good-carrier'");
    expected.put(
        "g-spaces",
        "returned a tracking number that is not 1-64 printable ASCII characters without spaces");
    expected.forEach(
        (carrier, reason) -> {
          PluginCallException e =
              assertThrows(PluginCallException.class, () -> host.createLabel(carrier, request()));
          assertEquals(PluginCallException.Failure.INVALID_RESULT, e.failure(), carrier);
          assertEquals(reason, e.reason(), carrier);
          assertEquals(carrier, e.carrier().orElseThrow());
        });
  }

  @Test
  void an_unknown_carrier_is_a_typed_error() throws IOException {
    drop("good", "Good");
    load(Duration.ofSeconds(5));

    UnknownCarrierException e =
        assertThrows(UnknownCarrierException.class, () -> host.createLabel("nope", request()));
    assertEquals("nope", e.carrier());
  }

  @Test
  void plugins_on_the_class_path_load_before_the_directory() throws IOException {
    Path shipped = jars.jar(work.resolve("cp/shipped.jar"), "p/shipped", null, "p.shipped.Shipped");
    drop("good", "Good");
    try (URLClassLoader classPath =
        new URLClassLoader(new URL[] {shipped.toUri().toURL()}, getClass().getClassLoader())) {
      host = PluginHost.builder().pluginsDirectory(pluginsDir).classPath(classPath).load();

      assertEquals(List.of("shipped-carrier", "good-carrier"), carrierNames());
      assertEquals("class path", host.plugins().get(0).source());
      assertEquals("S1", host.createLabel("shipped-carrier", request()).trackingNumber());
    }
  }

  @Test
  void a_missing_plugins_directory_loads_no_jars() {
    host = PluginHost.load(pluginsDir.resolve("absent"), Map.of(), Duration.ofSeconds(1));

    assertTrue(host.carriers().isEmpty());
    assertTrue(host.rejected().isEmpty());
  }

  @Test
  void a_closed_host_makes_no_more_calls() throws IOException {
    drop("good", "Good");
    load(Duration.ofSeconds(5));
    host.close();

    assertThrows(IllegalStateException.class, () -> host.createLabel("good-carrier", request()));
  }

  private List<String> carrierNames() {
    return host.carriers().stream().map(LoadedCarrier::carrier).toList();
  }
}
