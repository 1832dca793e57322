package io.ticketdesk.plugin.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.plugin.api.TicketdeskPlugin;
import org.junit.jupiter.api.Test;

class SpiOnlyClassLoaderTest {

  private final SpiOnlyClassLoader loader = new SpiOnlyClassLoader(getClass().getClassLoader());

  @Test
  void shares_the_spi_types_with_the_host() throws ClassNotFoundException {
    assertSame(TicketdeskPlugin.class, loader.loadClass(TicketdeskPlugin.class.getName()));
  }

  @Test
  void hides_the_host_and_its_libraries_but_not_the_jdk() throws ClassNotFoundException {
    assertThrows(ClassNotFoundException.class, () -> loader.loadClass(PluginHost.class.getName()));
    assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.slf4j.Logger"));
    assertSame(String.class, loader.loadClass("java.lang.String"));
    assertSame(java.sql.Date.class, loader.loadClass("java.sql.Date"));
  }

  @Test
  void only_the_spi_package_itself_is_shared() {
    assertTrue(SpiOnlyClassLoader.isSpiClass("io.ticketdesk.plugin.api.ReturnLabel"));
    assertFalse(SpiOnlyClassLoader.isSpiClass("io.ticketdesk.plugin.api.internal.Secret"));
    assertFalse(SpiOnlyClassLoader.isSpiClass("io.ticketdesk.plugin.apix.Other"));
  }
}
