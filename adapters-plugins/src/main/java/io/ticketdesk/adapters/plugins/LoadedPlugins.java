package io.ticketdesk.adapters.plugins;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.plugin.host.PluginHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The plugins loaded into this process and the outgoing ports they implement (carriers, default
 * text modules); the only way the rest of the server reaches the plugin host. Closing it ends the
 * plugins' calls and unloads their jars.
 */
public final class LoadedPlugins implements AutoCloseable {
  private final PluginHost host;

  private LoadedPlugins(PluginHost host) {
    this.host = requireNonNull(host, "host is null");
  }

  /**
   * Loads the shipped plugins from the class path and more from {@code directory} (may be null),
   * with each plugin's {@code config} and a {@code callTimeout} per call into a plugin.
   */
  public static LoadedPlugins load(
      Path directory, Map<String, Map<String, String>> config, Duration callTimeout) {
    return new LoadedPlugins(PluginHost.load(directory, config, callTimeout));
  }

  /** The carriers of the loaded plugins. */
  public Carriers carriers() {
    return PluginAdapters.carriers(host);
  }

  /** The default text modules of the loaded plugins. */
  public DefaultTextModuleSource defaultTextModules() {
    return PluginAdapters.defaultTextModules(host);
  }

  @Override
  public void close() {
    host.close();
  }
}
