package io.ticketdesk.adapters.plugins;

import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.plugin.host.PluginHost;

/** The application ports the loaded plugins implement: return-label carriers, default texts. */
public final class PluginAdapters {
  private PluginAdapters() {}

  /** The carriers of the host's plugins. */
  public static Carriers carriers(PluginHost host) {
    return new PluginCarriers(host);
  }

  /** The default text modules of the host's plugins. */
  public static DefaultTextModuleSource defaultTextModules(PluginHost host) {
    return new PluginTextModules(host);
  }
}
