package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.ticketdesk.adapters.http.archfixture.ReadsAStorePort;
import io.ticketdesk.adapters.persistence.archfixture.UsesThePluginHost;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.archfixture.KeepsAUri;
import io.ticketdesk.domain.archfixture.OpensASocket;
import io.ticketdesk.misspelled.Misplaced;
import org.junit.jupiter.api.Test;

/** The architecture rules fail on misplaced classes (test fixtures), so they can fail at all. */
class ArchitectureRulesCatchMisplacedClassesTest {
  private static boolean violated(ArchRule rule, Class<?>... classes) {
    JavaClasses imported = new ClassFileImporter().importClasses(classes);
    return rule.evaluate(imported).hasViolation();
  }

  @Test
  void aClassInNoLayerFails() {
    assertTrue(violated(ArchitectureTest.every_class_belongs_to_a_layer, Misplaced.class));
    assertFalse(violated(ArchitectureTest.every_class_belongs_to_a_layer, Ticket.class));
  }

  @Test
  void theOnionHasNoOptionalLayers() {
    // Only the domain present: every other layer is empty, which fails the rule.
    assertTrue(
        violated(
            ArchitectureTest.dependencies_point_inward_and_adapters_never_know_each_other,
            Ticket.class));
  }

  @Test
  void aDomainClassOpeningASocketFailsAndOneKeepingAUriPasses() {
    assertTrue(
        violated(ArchitectureTest.no_io_in_the_domain_and_the_application, OpensASocket.class));
    assertFalse(
        violated(ArchitectureTest.no_io_in_the_domain_and_the_application, KeepsAUri.class));
  }

  @Test
  void theHttpAdapterUsingAnOutgoingPortFails() {
    assertTrue(
        violated(
            ArchitectureTest.the_http_adapter_drives_the_core_through_incoming_ports_only,
            ReadsAStorePort.class));
  }

  @Test
  void anAdapterOtherThanThePluginsAdapterUsingThePluginHostFails() {
    assertTrue(
        violated(
            ArchitectureTest.only_the_plugins_adapter_uses_the_plugin_host,
            UsesThePluginHost.class));
  }
}
