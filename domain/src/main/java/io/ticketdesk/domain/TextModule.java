package io.ticketdesk.domain;

import java.time.Instant;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * A reusable answer for one sales channel (storefront): owned by a seller, or a read-only default
 * contributed by a plugin ({@code owner} null, {@code sourceKey} set); it may carry the return
 * option that sending it attaches ({@code returnOption}, nullable).
 */
public record TextModule(
    TextModuleId id,
    SellerId owner,
    String sourceKey,
    Storefront storefront,
    String locale,
    String name,
    TextModuleBody body,
    TextModuleReturnOption returnOption,
    Instant createdAt,
    Instant updatedAt,
    long version) {
  public static final int MAX_NAME_LENGTH = 100;

  public TextModule {
    Validation.required(id, "id");
    Validation.required(storefront, "storefront");
    locale = localeTag(locale, storefront);
    Validation.requiredText(name, "name", MAX_NAME_LENGTH);
    Validation.required(body, "body");
    Validation.required(createdAt, "createdAt");
    Validation.required(updatedAt, "updatedAt");
    if ((owner == null) == (sourceKey == null)) {
      throw new IllegalArgumentException("a text module has an owner or is a default, not both");
    }
    if (owner != null
        && returnOption != null
        && returnOption.makesLabel()
        && returnOption.carrier() == null) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "a prepaid_label module names the carrier that makes the label when it is sent"
              + " (returnOption.carrier; GET /api/v1/carriers lists them)",
          java.util.Map.of("field", "returnOption.carrier"));
    }
  }

  /** A module without a return option. */
  public TextModule(
      TextModuleId id,
      SellerId owner,
      String sourceKey,
      Storefront storefront,
      String locale,
      String name,
      TextModuleBody body,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this(id, owner, sourceKey, storefront, locale, name, body, null, createdAt, updatedAt, version);
  }

  /** Whether this is a plugin's read-only default. */
  public boolean isDefault() {
    return owner == null;
  }

  /** Whether the given seller may use (read, render, send) this module. */
  public boolean usableBy(Seller seller) {
    return isDefault() ? seller.sellsOn(storefront) : owner.equals(seller.id());
  }

  /** A well-formed BCP 47 tag; a missing one defaults to the storefront's locale. */
  public static String localeTag(String tag, Storefront storefront) {
    if (tag == null) {
      return storefront == null ? null : storefront.locale().toLanguageTag();
    }
    try {
      Locale parsed = new Locale.Builder().setLanguageTag(tag).build();
      if (parsed.getLanguage().isEmpty()) {
        throw new IllformedLocaleException("no language");
      }
      return parsed.toLanguageTag();
    } catch (IllformedLocaleException e) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "locale must be a language tag such as de-DE, got '" + OrderNumber.abbreviate(tag) + "'",
          java.util.Map.of("field", "locale"));
    }
  }
}
