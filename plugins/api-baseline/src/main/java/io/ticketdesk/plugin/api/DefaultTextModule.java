package io.ticketdesk.plugin.api;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One reusable answer contributed by a plugin; sellers copy it and adapt it.
 *
 * @param key stable identifier within the plugin, e.g. {@code return-label-offered}
 * @param name short display name
 * @param body the text, with placeholders such as {@code {{buyer.name}}} or {@code
 *     {{returnLabel.url}}}
 * @param returnOptionType the return option the module offers (e.g. {@code prepaid_label}), or null
 *     when it offers none
 * @since 1.0
 */
public record DefaultTextModule(String key, String name, String body, String returnOptionType) {

  /**
   * Validates the module.
   *
   * @since 1.0
   */
  public DefaultTextModule {
    requireNonNull(key, "key is null");
    requireNonNull(name, "name is null");
    requireNonNull(body, "body is null");
    if (key.isBlank() || name.isBlank() || body.isBlank()) {
      throw new IllegalArgumentException("key, name and body must not be blank");
    }
  }

  /**
   * A module that offers no return option.
   *
   * @since 1.0
   */
  public static DefaultTextModule of(String key, String name, String body) {
    return new DefaultTextModule(key, name, body, null);
  }

  /**
   * The return option this module offers, if any.
   *
   * @since 1.0
   */
  public Optional<String> returnOption() {
    return Optional.ofNullable(returnOptionType);
  }
}
