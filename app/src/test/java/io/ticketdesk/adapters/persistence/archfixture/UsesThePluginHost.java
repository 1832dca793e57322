package io.ticketdesk.adapters.persistence.archfixture;

import io.ticketdesk.plugin.host.PluginHost;

/** An adapter other than the plugins adapter using the plugin host: the rules refuse it. */
public final class UsesThePluginHost {
  private UsesThePluginHost() {}

  static void close(PluginHost host) {
    host.close();
  }
}
