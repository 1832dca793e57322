package io.ticketdesk.plugin.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * What the host hands a plugin's factories: the host's SPI version and the plugin's read-only
 * configuration (e.g. a carrier's base URL).
 *
 * @param hostApiVersion the SPI version of the host, {@code major.minor}
 * @param config the plugin's configuration, keys and values as given by the operator
 * @since 1.0
 */
public record PluginContext(String hostApiVersion, Map<String, String> config) {

  /**
   * Validates and copies the configuration.
   *
   * @since 1.0
   */
  public PluginContext {
    requireNonNull(hostApiVersion, "hostApiVersion is null");
    config = Map.copyOf(requireNonNull(config, "config is null"));
  }

  /**
   * A context with the given configuration for a host of this SPI version.
   *
   * @since 1.0
   */
  public static PluginContext of(Map<String, String> config) {
    return new PluginContext(TicketdeskPlugin.API_VERSION, config);
  }

  /**
   * The configured value of {@code key}, if any and not blank.
   *
   * @since 1.0
   */
  public Optional<String> value(String key) {
    requireNonNull(key, "key is null");
    return Optional.ofNullable(config.get(key)).filter(v -> !v.isBlank());
  }

  /**
   * The configured value of {@code key}, or {@code defaultValue} when it is missing or blank.
   *
   * @since 1.0
   */
  public String value(String key, String defaultValue) {
    return value(key).orElse(defaultValue);
  }
}
