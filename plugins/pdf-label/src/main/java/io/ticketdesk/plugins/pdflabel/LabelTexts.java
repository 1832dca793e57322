package io.ticketdesk.plugins.pdflabel;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The label's fixed texts in the storefront's language (bundle {@code label_<language>}); an
 * unknown storefront reads English.
 */
final class LabelTexts {
  static final String BUNDLE = "io.ticketdesk.plugins.pdflabel.label";

  private final ResourceBundle bundle;
  private final Locale locale;

  private LabelTexts(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            LabelTexts.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The texts for a storefront code ({@code de}, {@code at}, {@code cz}, …). */
  static LabelTexts forStorefront(String storefront) {
    String language =
        switch (storefront) {
          case "de", "at" -> "de";
          case "cz" -> "cs";
          case "sk" -> "sk";
          case "pl" -> "pl";
          case "fr" -> "fr";
          case "it" -> "it";
          default -> "en";
        };
    return new LabelTexts(Locale.forLanguageTag(language));
  }

  /** The text of {@code key} with its placeholders filled as given (text, never reformatted). */
  String text(String key, String... values) {
    return new MessageFormat(bundle.getString(key), locale).format(values);
  }

  /** A country's name in the label's language, e.g. {@code Česko} for CZ. */
  String country(String code) {
    String name = new Locale("", code).getDisplayCountry(locale);
    return name.isBlank() ? code : name;
  }
}
