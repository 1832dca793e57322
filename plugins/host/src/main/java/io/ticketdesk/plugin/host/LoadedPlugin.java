package io.ticketdesk.plugin.host;

import static java.util.Objects.requireNonNull;

/**
 * A plugin the host accepted.
 *
 * @param name the plugin's name
 * @param version the plugin jar's {@code Implementation-Version}, or {@code unknown}
 * @param apiVersion the SPI version the plugin was built against
 * @param source where it came from: {@code class path} or the jar's file name
 */
public record LoadedPlugin(String name, String version, String apiVersion, String source) {

  /** Validates that no field is null. */
  public LoadedPlugin {
    requireNonNull(name, "name is null");
    requireNonNull(version, "version is null");
    requireNonNull(apiVersion, "apiVersion is null");
    requireNonNull(source, "source is null");
  }
}
