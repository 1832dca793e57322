package io.ticketdesk.app;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The architecture as rules: dependencies point inward, the core carries no framework. */
@AnalyzeClasses(packages = "io.ticketdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule dependencies_point_inward_and_adapters_never_know_each_other =
      onionArchitecture()
          .domainModels("io.ticketdesk.domain..")
          .applicationServices("io.ticketdesk.application..")
          .adapter("http", "io.ticketdesk.adapters.http..")
          .adapter("web", "io.ticketdesk.adapters.web..")
          .adapter("persistence", "io.ticketdesk.adapters.persistence..")
          .adapter("calendar", "io.ticketdesk.adapters.calendar..")
          .adapter("plugins", "io.ticketdesk.adapters.plugins..")
          // Domain services live with the domain models; an empty layer is not a violation.
          .withOptionalLayers(true)
          // The composition root wires every layer; it is checked by the rules below.
          .ignoreDependency(resideInAPackage("io.ticketdesk.app.."), alwaysTrue());

  @ArchTest
  static final ArchRule the_domain_depends_on_the_jdk_only =
      classes()
          .that()
          .resideInAPackage("io.ticketdesk.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.ticketdesk.domain..", "java..");

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
  static final ArchRule every_class_belongs_to_a_layer =
      classes()
          .should()
          .resideInAnyPackage(
              "io.ticketdesk.domain..",
              "io.ticketdesk.application..",
              "io.ticketdesk.adapters.http..",
              "io.ticketdesk.adapters.web..",
              "io.ticketdesk.adapters.persistence..",
              "io.ticketdesk.adapters.calendar..",
              "io.ticketdesk.adapters.plugins..",
              "io.ticketdesk.plugin.api..",
              "io.ticketdesk.plugin.host..",
              "io.ticketdesk.plugin.testkit..",
              // Shipped plugins: pdflabel, httpcarrier, textmodules.
              "io.ticketdesk.plugins..",
              "io.ticketdesk.app..");

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
