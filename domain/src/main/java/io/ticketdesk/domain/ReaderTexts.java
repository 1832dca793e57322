package io.ticketdesk.domain;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The texts of one language: system messages, labels of reasons and options, problem titles and
 * notices, from the bundle {@value #BUNDLE} ({@code texts_<language>.properties}; English is the
 * base), with money, dates and times formatted by the JDK for the language's locale.
 */
public final class ReaderTexts {
  /** The bundle's base name. */
  public static final String BUNDLE = "io.ticketdesk.domain.texts";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  private static final Map<Language, ReaderTexts> ALL = new EnumMap<>(Language.class);

  static {
    for (Language l : Language.values()) {
      ALL.put(l, new ReaderTexts(l));
    }
  }

  private final Language language;
  private final ResourceBundle bundle;
  private final DateTimeFormatter date;
  private final DateTimeFormatter dateTime;

  private ReaderTexts(Language language) {
    this.language = language;
    Locale locale = language.locale();
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            Locale.forLanguageTag(language.tag()),
            ReaderTexts.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    this.dateTime =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale);
  }

  public static ReaderTexts of(Language language) {
    return ALL.get(Validation.required(language, "language"));
  }

  public Language language() {
    return language;
  }

  /** The text in this language; instants show in {@code zone} (the storefront's). */
  public String render(Localizable text, ZoneId zone) {
    TextTemplate template = text.template();
    Map<String, String> values = text.params();
    String key = template.key();
    List<TextParam> params = template.params();
    for (TextParam p : params) {
      if (p.optional() && values.containsKey(p.name())) {
        key = key + "." + p.name();
      }
    }
    Object[] args = new Object[params.size()];
    for (int i = 0; i < args.length; i++) {
      TextParam p = params.get(i);
      String v = values.get(p.name());
      args[i] = v == null ? "" : format(p.type(), v, zone);
    }
    return new MessageFormat(indexed(key, bundle.getString(key), params), language.locale())
        .format(args);
  }

  /** The short label of a reason, role or option, e.g. {@code Transportschaden}. */
  public String label(WireEnum value) {
    return bundle.getString(labelKey(value));
  }

  /** The title of a problem type. */
  public String problemTitle(ErrorCode code) {
    return bundle.getString("problem." + code.slug());
  }

  /** Money for this language, e.g. {@code 14,64 €} or {@code 1 250,00 Kč}. */
  public String money(Money money) {
    Currency currency = Currency.getInstance(money.currency());
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    NumberFormat f = NumberFormat.getCurrencyInstance(language.locale());
    f.setCurrency(currency);
    f.setMinimumFractionDigits(digits);
    f.setMaximumFractionDigits(digits);
    return f.format(BigDecimal.valueOf(money.amount(), digits));
  }

  /** A calendar date for this language, e.g. {@code 17. 11. 2026}. */
  public String date(LocalDate day) {
    return date.format(day);
  }

  /** A point in time as date and time in {@code zone}. */
  public String dateTime(Instant at, ZoneId zone) {
    return dateTime.withZone(zone).format(at);
  }

  /** Every key the texts can ask for: what each language's bundle must have, and no more. */
  public static Set<String> keysInUse() {
    Set<String> keys = new LinkedHashSet<>();
    List<TextTemplate> templates = new ArrayList<>();
    templates.addAll(Arrays.asList(SystemEventKind.values()));
    templates.addAll(Arrays.asList(NoticeKind.values()));
    for (TextTemplate t : templates) {
      keys.add(t.key());
      t.params().stream()
          .filter(TextParam::optional)
          .forEach(p -> keys.add(t.key() + "." + p.name()));
    }
    for (TextParam.Type type : TextParam.Type.values()) {
      if (type.labels() != null) {
        for (Enum<?> e : type.labels().getEnumConstants()) {
          keys.add(labelKey((WireEnum) e));
        }
      }
    }
    for (ErrorCode code : ErrorCode.values()) {
      keys.add("problem." + code.slug());
    }
    return keys;
  }

  /**
   * The parameter names a key's text must use: its template's required ones, and the optional one
   * its variant is for (a flag only selects the variant and shows nothing).
   */
  public static Set<String> placeholdersOf(String key) {
    Set<String> names = new LinkedHashSet<>();
    List<TextTemplate> templates = new ArrayList<>();
    templates.addAll(Arrays.asList(SystemEventKind.values()));
    templates.addAll(Arrays.asList(NoticeKind.values()));
    for (TextTemplate t : templates) {
      if (key.equals(t.key()) || key.startsWith(t.key() + ".")) {
        for (TextParam p : t.params()) {
          boolean used = !p.optional() || key.equals(t.key() + "." + p.name());
          if (used && p.type() != TextParam.Type.FLAG) {
            names.add(p.name());
          }
        }
      }
    }
    return names;
  }

  /** The {@code {name}} placeholders a text uses. */
  public static Set<String> placeholdersIn(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    Set<String> names = new LinkedHashSet<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static String labelKey(WireEnum value) {
    String type =
        ((Enum<?>) value)
            .getDeclaringClass()
            .getSimpleName()
            .replaceAll("([a-z])([A-Z])", "$1_$2")
            .toLowerCase(Locale.ROOT);
    return "label." + type + "." + value.wire();
  }

  private String format(TextParam.Type type, String value, ZoneId zone) {
    return switch (type) {
      case MONEY -> money(TextParam.Type.money(value));
      case INSTANT -> dateTime(Instant.parse(value), zone);
      case DATE -> date(LocalDate.parse(value));
      case COUNTRY -> new Locale("", value).getDisplayCountry(language.locale());
      case ID, TEXT, FLAG -> value;
      case RETURN_OPTIONS ->
          Arrays.stream(value.split(","))
              .map(w -> label((WireEnum) type.label(w)))
              .collect(Collectors.joining(", "));
      default -> label((WireEnum) type.label(value));
    };
  }

  /** The text with {@code {name}} placeholders turned into MessageFormat's numbered ones. */
  private static String indexed(String key, String text, List<TextParam> params) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int index = -1;
      for (int i = 0; i < params.size(); i++) {
        if (params.get(i).name().equals(m.group(1))) {
          index = i;
        }
      }
      if (index < 0) {
        throw new IllegalStateException(key + " uses an unknown placeholder {" + m.group(1) + "}");
      }
      m.appendReplacement(out, "{" + index + "}");
    }
    m.appendTail(out);
    return out.toString();
  }
}
