package io.ticketdesk.application.port.out;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Where the default text modules come from (e.g. the text-module plugins). */
public interface DefaultTextModuleSource {
  /** Every default text module offered, per storefront and locale. */
  List<DefaultTextModule> defaults();

  /** No default text modules: sellers write all of their own. */
  static DefaultTextModuleSource none() {
    return List::of;
  }

  /**
   * One default text module.
   *
   * @param sourceKey stable identity across restarts, e.g. {@code plugin:de:return-label}
   * @param storefront the storefront code as the source names it (unknown codes are skipped)
   * @param locale the language tag, e.g. {@code de-DE}
   * @param returnOptionType the return option the module offers, or null
   */
  record DefaultTextModule(
      String sourceKey,
      String storefront,
      String locale,
      String name,
      String body,
      String returnOptionType) {
    public DefaultTextModule {
      requireNonNull(sourceKey, "sourceKey is null");
      requireNonNull(storefront, "storefront is null");
      requireNonNull(locale, "locale is null");
      requireNonNull(name, "name is null");
      requireNonNull(body, "body is null");
    }
  }
}
