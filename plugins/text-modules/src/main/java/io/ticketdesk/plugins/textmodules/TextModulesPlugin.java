package io.ticketdesk.plugins.textmodules;

import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.TextModuleSet;
import io.ticketdesk.plugin.api.TicketdeskPlugin;
import java.util.List;

/**
 * Shipped plugin: default text modules for all seven storefronts, each in its storefront's language
 * ({@code de-DE}, {@code de-AT}, {@code cs-CZ}, {@code sk-SK}, {@code pl-PL}, {@code fr-FR}, {@code
 * it-IT}). Every set has the same five keys: {@code return-label} (offers a prepaid return label,
 * return option {@code prepaid_label}), {@code delivery-delay}, {@code missing-parts}, {@code
 * invoice} and {@code customer-service}. No configuration.
 */
public final class TextModulesPlugin implements TicketdeskPlugin {

  /** The plugin's name and configuration key. */
  public static final String NAME = "ticketdesk-text-modules";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apiVersion() {
    return API_VERSION;
  }

  @Override
  public List<TextModuleSet> textModuleSets(PluginContext context) {
    return DefaultTexts.all();
  }
}
