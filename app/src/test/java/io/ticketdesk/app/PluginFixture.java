package io.ticketdesk.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * For the plugin end-to-end tests: the example plugin jar the build made, plugin jars compiled at
 * test time, and a seller with an order and a return ticket on a running server.
 */
final class PluginFixture {
  static final String ADMIN = "plugin-admin-token";

  private PluginFixture() {}

  /**
   * The jar of {@code examples/carrier-plugin}, built by maven-invoker-plugin in plugins/testkit
   * against the freshly installed SPI and testkit (the reactor builds it before this module).
   */
  static Path examplePluginJar() {
    Path jar =
        Path.of(
            System.getProperty(
                "ticketdesk.examplePluginJar",
                "../plugins/testkit/target/it/carrier-plugin/target/example-carrier-plugin-1.0.0.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "the example plugin is built by plugins/testkit (maven-invoker-plugin) before app: "
              + jar.toAbsolutePath()
              + " is missing; build with ./mvnw verify (or -pl app -am verify)");
    }
    return jar;
  }

  /** Compiles one plugin class against the SPI and writes it with its service file as a jar. */
  static Path compilePlugin(Path work, String className, String source, Path jar)
      throws IOException {
    Path src = work.resolve("src").resolve(className.replace('.', '/') + ".java");
    Path classes = Files.createDirectories(work.resolve("classes"));
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      boolean ok =
          compiler
              .getTask(
                  errors,
                  files,
                  null,
                  List.of("--release", "17", "-classpath", spi().toString(), "-d", "" + classes),
                  null,
                  files.getJavaFileObjects(src))
              .call();
      if (!ok) {
        throw new IllegalStateException("test plugin does not compile:\n" + errors);
      }
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, manifest);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        j.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        j.write(Files.readAllBytes(file));
        j.closeEntry();
      }
      j.putNextEntry(new JarEntry("META-INF/services/io.ticketdesk.plugin.api.TicketdeskPlugin"));
      j.write((className + "\n").getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
    }
    return jar;
  }

  private static Path spi() {
    try {
      return Path.of(
          io.ticketdesk.plugin.api.TicketdeskPlugin.class
              .getProtectionDomain()
              .getCodeSource()
              .getLocation()
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A seller with a delivered order and a buyer's return ticket: what a label needs. */
  record Ticket(String number, String sellerToken) {

    static Ticket open(RunningJar jar) throws Exception {
      long seller =
          jar.call(
                  "POST",
                  "/api/v1/sellers",
                  ADMIN,
                  """
                  {"name":"Rack GmbH","storefronts":["de"],
                   "returnAddress":{"name":"Rack Retouren","street":"Hafenstraße 1",
                                    "postalCode":"20457","city":"Hamburg","country":"DE"}}
                  """,
                  201)
              .get("sellerId")
              .asLong();
      String sellerToken = token(jar, "{\"role\":\"seller\",\"sellerId\":" + seller + "}");
      String buyer = token(jar, "{\"role\":\"buyer\",\"buyerId\":7001}");
      jar.call(
          "POST",
          "/api/v1/orders",
          ADMIN,
          """
          {"orderNumber":"PL1","storefront":"de","sellerId":%d,"orderedAt":"2026-02-01T10:00:00Z",
           "buyer":{"buyerId":7001,"name":"Max Mustermann","email":"max@example.com"},
           "units":[{"orderUnitId":980001,"title":"Bike rack","ean":"4006381333931",
                     "price":{"amount":12999,"currency":"EUR"},"state":"received",
                     "deliveredAt":"2026-02-05T12:00:00Z"}]}
          """
              .formatted(seller),
          201);
      String number =
          jar.call(
                  "POST",
                  "/api/v1/tickets",
                  buyer,
                  "{\"orderUnitIds\":[980001],\"reason\":\"product_return\","
                      + "\"returnIntent\":\"refund\",\"message\":\"It does not fit.\"}",
                  201)
              .get("ticketNumber")
              .asText();
      return new Ticket(number, sellerToken);
    }

    private static String token(RunningJar jar, String body) throws Exception {
      return jar.call("POST", "/api/v1/tokens", ADMIN, body, 201).get("token").asText();
    }

    String labels() {
      return "/api/v1/tickets/" + number + "/return-labels";
    }
  }
}
