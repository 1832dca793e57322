package io.ticketdesk.plugin.testkit;

import io.ticketdesk.plugin.api.DefaultTextModule;
import io.ticketdesk.plugin.api.TextModuleSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Ticketdesk accepts as a default text-module set, as plain checks that return the problems
 * found (an empty list means "acceptable"). {@link TextModuleSetContract} asserts on them; a
 * plugin's own tests may call them directly.
 *
 * <p>The rules mirror the core's: plugins must not depend on the domain, so the lists below are
 * copies. Keep them in step with {@code domain/src/main/java/io/ticketdesk/domain/Placeholder.java}
 * (placeholders), {@code TextModuleBody.java} (body syntax and length), {@code TextModule.java}
 * (name length, locale) and {@code Storefront.java} (storefronts and their countries).
 *
 * @since 1.0
 */
public final class TextModuleRules {

  /**
   * The placeholders a body may use, written {@code {{name}}}; copied from the domain's {@code
   * Placeholder} enum.
   *
   * @since 1.0
   */
  public static final Set<String> KNOWN_PLACEHOLDERS =
      Set.of(
          "buyer.name",
          "order.number",
          "ticket.number",
          "seller.name",
          "seller.returnAddress",
          "orderUnit.title",
          "orderUnit.ean",
          "storefront",
          "returnLabel.url",
          "returnLabel.trackingNumber");

  /**
   * The storefront codes and their countries (ISO 3166-1 alpha-2); copied from the domain's {@code
   * Storefront} enum.
   *
   * @since 1.0
   */
  public static final Map<String, String> STOREFRONT_COUNTRIES =
      Map.of(
          "de", "DE",
          "at", "AT",
          "cz", "CZ",
          "sk", "SK",
          "pl", "PL",
          "fr", "FR",
          "it", "IT");

  /**
   * The return options a module may offer ({@code returnOptionType}); from DESIGN.md §1
   * "Return-option policy".
   *
   * @since 1.0
   */
  public static final Set<String> RETURN_OPTION_TYPES =
      Set.of(
          "prepaid_label",
          "label_url",
          "seller_address",
          "refund_without_return",
          "label_in_package");

  /**
   * A module key: a letter or digit, then up to 63 letters, digits, {@code .}, {@code _} or {@code
   * -}; it identifies the module across plugin versions.
   *
   * @since 1.0
   */
  public static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /**
   * The longest module name, in characters (as the domain's {@code TextModule.MAX_NAME_LENGTH}).
   *
   * @since 1.0
   */
  public static final int MAX_NAME_LENGTH = 100;

  /**
   * The longest body, in Unicode code points (as the domain's {@code TextModuleBody.MAX_LENGTH}).
   *
   * @since 1.0
   */
  public static final int MAX_BODY_LENGTH = 10_000;

  /** The core's marker syntax: {@code {{name}}}, blanks inside the braces allowed. */
  private static final Pattern MARKER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private TextModuleRules() {}

  /**
   * Problems with the set's storefront and locale, or an empty list: the storefront is one of the
   * seven, and the locale is a well-formed BCP 47 tag with a language and the storefront's country
   * as its region (e.g. {@code de-AT} for {@code at}).
   *
   * @since 1.0
   */
  public static List<String> storefrontAndLocaleProblems(TextModuleSet set) {
    List<String> problems = new ArrayList<>();
    String country = STOREFRONT_COUNTRIES.get(set.storefront());
    if (country == null) {
      problems.add(
          "storefront '"
              + set.storefront()
              + "' is not one of "
              + new TreeSet<>(STOREFRONT_COUNTRIES.keySet()));
    }
    Locale locale;
    try {
      locale = new Locale.Builder().setLanguageTag(set.localeTag()).build();
    } catch (IllformedLocaleException e) {
      problems.add("locale '" + set.localeTag() + "' is not a well-formed language tag");
      return problems;
    }
    if (locale.getLanguage().isEmpty()) {
      problems.add("locale '" + set.localeTag() + "' names no language");
    }
    if (country != null && !country.equals(locale.getCountry())) {
      problems.add(
          "locale '"
              + set.localeTag()
              + "' does not name the country of storefront '"
              + set.storefront()
              + "' ("
              + country
              + "), e.g. "
              + locale.getLanguage()
              + "-"
              + country);
    }
    return problems;
  }

  /**
   * Problems with the modules' keys, or an empty list: each key matches {@link #KEY} and is unique
   * within the set.
   *
   * @since 1.0
   */
  public static List<String> keyProblems(TextModuleSet set) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (DefaultTextModule module : set.modules()) {
      if (!KEY.matcher(module.key()).matches()) {
        problems.add("key '" + module.key() + "' does not match " + KEY.pattern());
      }
      if (!seen.add(module.key())) {
        problems.add("key '" + module.key() + "' is used more than once in the set");
      }
    }
    return problems;
  }

  /**
   * Problems with the modules' names, or an empty list: non-blank and at most 100 characters.
   *
   * @since 1.0
   */
  public static List<String> nameProblems(TextModuleSet set) {
    List<String> problems = new ArrayList<>();
    for (DefaultTextModule module : set.modules()) {
      if (module.name().isBlank()) {
        problems.add(module.key() + ": the name is blank");
      } else if (module.name().length() > MAX_NAME_LENGTH) {
        problems.add(
            module.key()
                + ": the name is longer than "
                + MAX_NAME_LENGTH
                + " characters ("
                + module.name().length()
                + ")");
      }
    }
    return problems;
  }

  /**
   * Problems with one body, or an empty list: non-blank, at most 10,000 characters, every {@code
   * {{marker}}} names a {@linkplain #KNOWN_PLACEHOLDERS known placeholder}, and no stray {@code {{}
   * or {@code }}}.
   *
   * @since 1.0
   */
  public static List<String> bodyProblems(String body) {
    if (body == null || body.isBlank()) {
      return List.of("the body is blank");
    }
    List<String> problems = new ArrayList<>();
    int length = body.codePointCount(0, body.length());
    if (length > MAX_BODY_LENGTH) {
      problems.add("the body is longer than " + MAX_BODY_LENGTH + " characters (" + length + ")");
    }
    Matcher m = MARKER.matcher(body);
    int consumed = 0;
    while (m.find()) {
      problems.addAll(strayBraces(body.substring(consumed, m.start())));
      if (!KNOWN_PLACEHOLDERS.contains(m.group(1))) {
        problems.add(
            "unknown placeholder {{"
                + m.group(1)
                + "}}; known: "
                + new TreeSet<>(KNOWN_PLACEHOLDERS));
      }
      consumed = m.end();
    }
    problems.addAll(strayBraces(body.substring(consumed)));
    return problems;
  }

  /**
   * The placeholders a body uses, e.g. {@code [buyer.name, order.number]}.
   *
   * @since 1.0
   */
  public static Set<String> placeholders(String body) {
    Set<String> used = new TreeSet<>();
    Matcher m = MARKER.matcher(body);
    while (m.find()) {
      used.add(m.group(1));
    }
    return used;
  }

  /**
   * Problems with the modules' return options, or an empty list: a {@code returnOptionType} is one
   * of {@link #RETURN_OPTION_TYPES}, and a module offering {@code label_url} puts the label's URL
   * in its body ({@code {{returnLabel.url}}}); a {@code prepaid_label} may instead be attached.
   *
   * @since 1.0
   */
  public static List<String> returnOptionProblems(TextModuleSet set) {
    List<String> problems = new ArrayList<>();
    for (DefaultTextModule module : set.modules()) {
      String type = module.returnOptionType();
      if (type == null) {
        continue;
      }
      if (!RETURN_OPTION_TYPES.contains(type)) {
        problems.add(
            module.key()
                + ": returnOptionType '"
                + type
                + "' is not one of "
                + new TreeSet<>(RETURN_OPTION_TYPES));
      } else if (type.equals("label_url")
          && !placeholders(module.body()).contains("returnLabel.url")) {
        problems.add(
            module.key() + ": offers " + type + " but its body does not use {{returnLabel.url}}");
      }
    }
    return problems;
  }

  /**
   * Every problem with the set, or an empty list.
   *
   * @since 1.0
   */
  public static List<String> problems(TextModuleSet set) {
    List<String> problems = new ArrayList<>(storefrontAndLocaleProblems(set));
    problems.addAll(keyProblems(set));
    problems.addAll(nameProblems(set));
    for (DefaultTextModule module : set.modules()) {
      bodyProblems(module.body()).forEach(p -> problems.add(module.key() + ": " + p));
    }
    problems.addAll(returnOptionProblems(set));
    return problems;
  }

  private static List<String> strayBraces(String text) {
    if (text.contains("{{") || text.contains("}}")) {
      return List.of(
          "unclosed or malformed placeholder marker; write placeholders as {{buyer.name}}");
    }
    return List.of();
  }
}
