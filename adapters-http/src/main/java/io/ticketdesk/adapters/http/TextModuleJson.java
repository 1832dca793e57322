package io.ticketdesk.adapters.http;

import io.ticketdesk.domain.Placeholder;
import io.ticketdesk.domain.TextModule;
import io.ticketdesk.domain.TextModuleReturnOption;
import java.time.Instant;
import java.util.List;

/** A text module as JSON. */
record TextModuleJson(
    long id,
    String storefront,
    String locale,
    String name,
    String body,
    List<String> placeholders,
    OptionJson returnOption,
    boolean readOnly,
    String source,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  static TextModuleJson of(TextModule m) {
    return new TextModuleJson(
        m.id().value(),
        m.storefront().code(),
        m.locale(),
        m.name(),
        m.body().value(),
        m.body().placeholders().stream().map(Placeholder::key).toList(),
        OptionJson.of(m.returnOption()),
        m.isDefault(),
        m.isDefault() ? "plugin" : "seller",
        m.createdAt(),
        m.updatedAt(),
        m.version());
  }

  /** The body of POST (create or copy) and PUT. */
  record Draft(
      String storefront,
      String locale,
      String name,
      String body,
      OptionJson returnOption,
      Long copyOf) {}

  /** The return option a module attaches when sent: its type and, for prepaid_label, carrier. */
  record OptionJson(String type, String carrier) {
    static OptionJson of(TextModuleReturnOption o) {
      return o == null ? null : new OptionJson(o.type().wire(), o.carrier());
    }
  }

  /** A placeholder with what it stands for. */
  record PlaceholderJson(String name, String marker, String description) {
    static PlaceholderJson of(Placeholder p) {
      return new PlaceholderJson(p.key(), "{{" + p.key() + "}}", p.description());
    }
  }

  /** The rendered text of a module for one ticket. */
  record Rendered(long textModuleId, String ticketNumber, String text, OptionJson returnOption) {}
}
