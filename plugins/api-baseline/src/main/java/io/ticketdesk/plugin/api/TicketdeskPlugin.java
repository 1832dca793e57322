package io.ticketdesk.plugin.api;

import java.util.List;

/**
 * A Ticketdesk plugin: the entry point the host discovers through {@link java.util.ServiceLoader}.
 *
 * <p>Register the implementation in {@code
 * META-INF/services/io.ticketdesk.plugin.api.TicketdeskPlugin} and give it a public no-argument
 * constructor. Every factory method is {@code default} and returns an empty list, so a plugin
 * overrides only the kinds it contributes and a later SPI version can add kinds without breaking
 * it. A plugin that contributes nothing is rejected.
 *
 * @since 1.0
 */
public interface TicketdeskPlugin {

  /**
   * The SPI version of this jar, {@code major.minor}. A host accepts a plugin built against the
   * same major and the same or an older minor.
   *
   * @since 1.0
   */
  String API_VERSION = "1.0";

  /**
   * The plugin's unique name, e.g. {@code ticketdesk-pdf-label}; also the key of its configuration.
   *
   * @since 1.0
   */
  String name();

  /**
   * The SPI version the plugin was built against. Implement it as {@code return API_VERSION;}: the
   * compiler copies the constant into the plugin's class, so the value is the version of the SPI
   * jar the plugin was compiled with, not the host's.
   *
   * @since 1.0
   */
  String apiVersion();

  /**
   * Return-label providers (carriers) this plugin contributes.
   *
   * @param context the plugin's configuration
   * @since 1.0
   */
  default List<ReturnLabelProvider> returnLabelProviders(PluginContext context) {
    return List.of();
  }

  /**
   * Default text modules this plugin contributes, one set per sales channel and locale.
   *
   * @param context the plugin's configuration
   * @since 1.0
   */
  default List<TextModuleSet> textModuleSets(PluginContext context) {
    return List.of();
  }
}
