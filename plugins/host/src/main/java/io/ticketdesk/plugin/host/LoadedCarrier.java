package io.ticketdesk.plugin.host;

import static java.util.Objects.requireNonNull;

/**
 * A return-label carrier the host loaded, and the plugin that provides it.
 *
 * @param carrier the carrier's unique name
 * @param pluginName the providing plugin's name
 * @param pluginVersion the plugin jar's {@code Implementation-Version}, or {@code unknown}
 * @param apiVersion the SPI version the plugin was built against
 */
public record LoadedCarrier(
    String carrier, String pluginName, String pluginVersion, String apiVersion) {

  /** Validates that no field is null. */
  public LoadedCarrier {
    requireNonNull(carrier, "carrier is null");
    requireNonNull(pluginName, "pluginName is null");
    requireNonNull(pluginVersion, "pluginVersion is null");
    requireNonNull(apiVersion, "apiVersion is null");
  }
}
