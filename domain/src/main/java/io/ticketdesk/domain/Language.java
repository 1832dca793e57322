package io.ticketdesk.domain;

import java.util.List;
import java.util.Locale;

/**
 * A language Ticketdesk writes in: English and the languages of the seven storefronts. The buyer
 * reads in the storefront's language; the seller and customer service in the one they ask for.
 */
public enum Language {
  ENGLISH("en", "en-GB"),
  GERMAN("de", "de-DE"),
  AUSTRIAN_GERMAN("de-AT", "de-AT"),
  CZECH("cs", "cs-CZ"),
  SLOVAK("sk", "sk-SK"),
  POLISH("pl", "pl-PL"),
  FRENCH("fr", "fr-FR"),
  ITALIAN("it", "it-IT");

  private static final List<String> TAGS =
      java.util.Arrays.stream(values()).map(Language::tag).toList();

  private final String tag;
  private final Locale locale;

  Language(String tag, String formatting) {
    this.tag = tag;
    this.locale = Locale.forLanguageTag(formatting);
  }

  /** The BCP 47 tag, as sent in {@code Content-Language} (e.g. {@code cs}, {@code de-AT}). */
  public String tag() {
    return tag;
  }

  /** The locale that formats money and dates in this language (English as in Europe: en-GB). */
  public Locale locale() {
    return locale;
  }

  /** The language of a storefront, which its buyers read. */
  public static Language of(Storefront storefront) {
    return switch (storefront) {
      case DE -> GERMAN;
      case AT -> AUSTRIAN_GERMAN;
      case CZ -> CZECH;
      case SK -> SLOVAK;
      case PL -> POLISH;
      case FR -> FRENCH;
      case IT -> ITALIAN;
    };
  }

  /**
   * The best language for an {@code Accept-Language} header (RFC 4647 lookup: {@code de-CH} finds
   * German, {@code de-AT} Austrian German); English when the header is absent, names no language we
   * write, or is malformed (a header a browser made up is no reason to refuse a read).
   */
  public static Language accepting(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return ENGLISH;
    }
    try {
      String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), TAGS);
      return tag == null ? ENGLISH : ofTag(tag);
    } catch (IllegalArgumentException malformed) {
      return ENGLISH;
    }
  }

  /**
   * The language a reader reads a ticket in: a buyer always in the storefront's language (the chat
   * is the storefront's), everyone else in the language they asked for.
   */
  public static Language forReader(Role role, Storefront storefront, Language requested) {
    if (role == Role.BUYER) {
      return of(storefront);
    }
    return requested == null ? ENGLISH : requested;
  }

  private static Language ofTag(String tag) {
    for (Language l : values()) {
      if (l.tag.equalsIgnoreCase(tag)) {
        return l;
      }
    }
    return ENGLISH;
  }
}
