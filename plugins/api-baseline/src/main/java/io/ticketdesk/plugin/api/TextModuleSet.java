package io.ticketdesk.plugin.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Default text modules for one sales channel (storefront) in one language.
 *
 * @param storefront the storefront code, e.g. {@code de}
 * @param localeTag the modules' language as an IETF BCP 47 tag, e.g. {@code de-DE}
 * @param modules the text modules, at least one
 * @since 1.0
 */
public record TextModuleSet(String storefront, String localeTag, List<DefaultTextModule> modules) {

  /**
   * Validates the set and copies the modules.
   *
   * @since 1.0
   */
  public TextModuleSet {
    requireNonNull(storefront, "storefront is null");
    requireNonNull(localeTag, "localeTag is null");
    modules = List.copyOf(requireNonNull(modules, "modules is null"));
    if (modules.isEmpty()) {
      throw new IllegalArgumentException("modules is empty");
    }
  }
}
