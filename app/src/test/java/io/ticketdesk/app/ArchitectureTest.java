package io.ticketdesk.app;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.OnionArchitecture;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The architecture as rules: dependencies point inward, the core carries no framework. */
@AnalyzeClasses(packages = "io.ticketdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  // One definition of the layers' packages, used by the onion rule and by "every class belongs
  // to a layer".
  static final String DOMAIN = "io.ticketdesk.domain..";
  static final String PORTS = "io.ticketdesk.application.port..";
  static final String PORTS_OUT = "io.ticketdesk.application.port.out..";
  static final String SERVICES = "io.ticketdesk.application.service..";
  static final Map<String, String> ADAPTERS =
      Map.of(
          "http", "io.ticketdesk.adapters.http..",
          "web", "io.ticketdesk.adapters.web..",
          "persistence", "io.ticketdesk.adapters.persistence..",
          "calendar", "io.ticketdesk.adapters.calendar..",
          "memory", "io.ticketdesk.adapters.memory..",
          "plugins", "io.ticketdesk.adapters.plugins..",
          "webhooks", "io.ticketdesk.adapters.webhooks..");
  static final String PLUGIN_SPI = "io.ticketdesk.plugin.api..";
  static final String PLUGIN_HOST = "io.ticketdesk.plugin.host..";
  static final String PLUGIN_TESTKIT = "io.ticketdesk.plugin.testkit..";
  // Shipped plugins: pdflabel, httpcarrier, textmodules.
  static final String SHIPPED_PLUGINS = "io.ticketdesk.plugins..";
  static final String COMPOSITION_ROOT = "io.ticketdesk.app..";

  /** Every package a production class may live in: the onion's layers and the plugin side. */
  static String[] everyLayer() {
    List<String> all = new ArrayList<>(List.of(DOMAIN, PORTS, SERVICES));
    all.addAll(new TreeMap<>(ADAPTERS).values());
    all.addAll(List.of(PLUGIN_SPI, PLUGIN_HOST, PLUGIN_TESTKIT, SHIPPED_PLUGINS, COMPOSITION_ROOT));
    return all.toArray(String[]::new);
  }

  /** The onion: domain ← ports ← services ← adapters, every layer present (none optional). */
  static OnionArchitecture onion() {
    OnionArchitecture onion =
        onionArchitecture()
            .domainModels(DOMAIN)
            .domainServices(PORTS)
            .applicationServices(SERVICES);
    new TreeMap<>(ADAPTERS).forEach(onion::adapter);
    // The composition root wires every layer; it is checked by the rules below.
    return onion.ignoreDependency(resideInAPackage(COMPOSITION_ROOT), alwaysTrue());
  }

  @ArchTest
  static final ArchRule dependencies_point_inward_and_adapters_never_know_each_other = onion();

  @ArchTest
  static final ArchRule every_class_belongs_to_a_layer =
      classes()
          .should()
          .resideInAnyPackage(everyLayer())
          .because("a class in no layer (e.g. a misspelled package) escapes every rule");

  @ArchTest
  static final ArchRule the_http_adapter_drives_the_core_through_incoming_ports_only =
      noClasses()
          .that()
          .resideInAPackage(ADAPTERS.get("http"))
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PORTS_OUT);

  /** The page talks to the public API over HTTP only, like any other client. */
  @ArchTest
  static final ArchRule the_web_adapter_serves_pages_without_touching_the_core =
      noClasses()
          .that()
          .resideInAPackage(ADAPTERS.get("web"))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(DOMAIN, PORTS, SERVICES);

  @ArchTest
  static final ArchRule only_the_plugins_adapter_uses_the_plugin_host =
      noClasses()
          .that()
          .resideOutsideOfPackages(ADAPTERS.get("plugins"), PLUGIN_HOST)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PLUGIN_HOST);

  /** Input and output belong to the adapters; value types such as java.net.URI stay allowed. */
  @ArchTest
  static final ArchRule no_io_in_the_domain_and_the_application =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, "io.ticketdesk.application..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(
                      "java.sql..", "javax.sql..", "java.net.http..", "java.nio.channels..")
                  .or(
                      assignableTo(Socket.class)
                          .or(assignableTo(ServerSocket.class))
                          .or(assignableTo(DatagramSocket.class))
                          .or(assignableTo(SocketAddress.class))
                          .or(assignableTo(InetAddress.class))
                          .or(assignableTo(URL.class))
                          .or(assignableTo(URLConnection.class)))
                  .as("do I/O (JDBC, HTTP clients, sockets, InetAddress, URL connections)"));

  @ArchTest
  static final ArchRule the_domain_depends_on_the_jdk_only =
      classes()
          .that()
          .resideInAPackage("io.ticketdesk.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.ticketdesk.domain..", "java..", "javax.crypto..");

  @ArchTest
  static final ArchRule the_application_depends_on_the_domain_and_the_jdk_only =
      classes()
          .that()
          .resideInAPackage("io.ticketdesk.application..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.ticketdesk.application..", "io.ticketdesk.domain..", "java..");

  @ArchTest
  static final ArchRule no_framework_in_the_core =
      noClasses()
          .that()
          .resideInAnyPackage("io.ticketdesk.domain..", "io.ticketdesk.application..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.google.inject..",
              "jakarta.inject..",
              "javax.inject..",
              "io.javalin..",
              "org.jdbi..",
              "com.fasterxml.jackson..",
              "org.flywaydb..",
              "org.slf4j..");

  @ArchTest
  static final ArchRule guice_is_used_only_in_the_composition_root =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.ticketdesk.app..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..");

  @ArchTest
  static final ArchRule nothing_depends_on_the_composition_root =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.ticketdesk.app..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.ticketdesk.app..");

  @ArchTest
  static final ArchRule the_plugin_spi_depends_on_the_jdk_only =
      classes()
          .that()
          .resideInAPackage("io.ticketdesk.plugin.api..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.ticketdesk.plugin.api..", "java..");

  @ArchTest
  static final ArchRule the_plugin_host_knows_only_the_spi_among_our_packages =
      noClasses()
          .that()
          .resideInAPackage("io.ticketdesk.plugin.host..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.ticketdesk.domain..",
              "io.ticketdesk.application..",
              "io.ticketdesk.adapters..",
              "io.ticketdesk.plugins..",
              "io.ticketdesk.app..",
              "com.google.inject..",
              "io.javalin..");

  @ArchTest
  static final ArchRule shipped_plugins_know_only_the_spi_among_our_packages =
      noClasses()
          .that()
          .resideInAPackage("io.ticketdesk.plugins..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.ticketdesk.domain..",
              "io.ticketdesk.application..",
              "io.ticketdesk.adapters..",
              "io.ticketdesk.plugin.host..",
              "io.ticketdesk.plugin.testkit..",
              "io.ticketdesk.app..");

  /**
   * The testkit is a test library: nothing we ship may use it, so it must not even be on the class
   * path this test analyses (plugins take it with test scope; the app does not take it at all).
   */
  @ArchTest
  static final ArchRule the_plugin_testkit_is_not_shipped =
      noClasses()
          .should()
          .resideInAPackage("io.ticketdesk.plugin.testkit..")
          .because("the testkit is test-scope only and must not end up in the fat jar");

  @ArchTest
  static final ArchRule the_core_never_depends_on_plugins =
      noClasses()
          .that()
          .resideInAnyPackage("io.ticketdesk.domain..", "io.ticketdesk.application..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.ticketdesk.plugin.api..",
              "io.ticketdesk.plugin.host..",
              "io.ticketdesk.plugins..");

  @ArchTest
  static final ArchRule no_standard_streams_outside_the_cli =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.ticketdesk.app..")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

  @ArchTest
  static final ArchRule no_generic_exceptions_thrown =
      GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
}
