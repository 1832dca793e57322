package io.ticketdesk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One named parameter of a {@link TextTemplate}: its type says how the value is stored (a canonical
 * string), shown to clients and rendered for a reader.
 */
public record TextParam(String name, Type type, boolean optional) {
  private static final Pattern NAME = Pattern.compile("^[a-z][A-Za-z]*$");

  public TextParam {
    Validation.required(name, "name");
    Validation.required(type, "type");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("parameter names are camelCase words: " + name);
    }
  }

  static TextParam param(String name, Type type) {
    return new TextParam(name, type, false);
  }

  static TextParam optional(String name, Type type) {
    return new TextParam(name, type, true);
  }

  /** The types of parameters; an enum type renders as its short label in the reader's language. */
  public enum Type implements WireEnum {
    /** Money, stored as {@code "<minor units> <currency>"}, e.g. {@code 1464 EUR}. */
    MONEY(null),
    /** A positive number (an order unit or a label id). */
    ID(null),
    /** Free text shown as given (a product title, a carrier, a tracking number). */
    TEXT(null),
    /** A point in time, ISO-8601 UTC; rendered as date and time in the storefront's zone. */
    INSTANT(null),
    /** A calendar date, ISO-8601. */
    DATE(null),
    /** ISO 3166-1 alpha-2 country, rendered as the country's name in the reader's language. */
    COUNTRY(null),
    /** Present only when true: chooses the template's variant. */
    FLAG(null),
    REFUND_REASON(RefundReason.class),
    CANCELLATION_REASON(CancellationReason.class),
    ESCALATION_REASON(EscalationReason.class),
    RETURN_INTENT(ReturnIntent.class),
    COST_BEARER(CostBearer.class),
    /** Who acted: {@code seller} or {@code customer_service}. */
    AUTHOR_ROLE(AuthorRole.class),
    /** A comma-separated list of return option types. */
    RETURN_OPTIONS(ReturnOptionType.class);

    private static final Pattern COUNTRY_CODE = Pattern.compile("^[A-Z]{2}$");
    private static final Pattern MONEY_TEXT = Pattern.compile("^-?\\d{1,16} [A-Z]{3}$");

    private final Class<? extends Enum<?>> labels;

    Type(Class<? extends Enum<?>> labels) {
      this.labels = labels;
    }

    /** The enum whose values this type's values are (labelled per language), or null. */
    public Class<? extends Enum<?>> labels() {
      return labels;
    }

    /** Checks a canonical value of this type; throws {@link IllegalArgumentException} if not. */
    void check(String value) {
      switch (this) {
        case MONEY -> money(value);
        case ID -> {
          if (Long.parseLong(value) < 1) {
            throw new IllegalArgumentException("not a positive id: " + value);
          }
        }
        case TEXT -> {
          if (value.isEmpty()) {
            throw new IllegalArgumentException("empty text");
          }
        }
        case INSTANT -> Instant.parse(value);
        case DATE -> LocalDate.parse(value);
        case COUNTRY -> {
          if (!COUNTRY_CODE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a country code: " + value);
          }
        }
        case FLAG -> {
          if (!value.equals("true")) {
            throw new IllegalArgumentException("a flag is present only as true: " + value);
          }
        }
        case RETURN_OPTIONS -> Arrays.stream(value.split(",", -1)).forEach(this::label);
        default -> label(value);
      }
    }

    /** The constant of {@link #labels()} with this wire value. */
    Enum<?> label(String wire) {
      for (Enum<?> e : labels.getEnumConstants()) {
        if (((WireEnum) e).wire().equals(wire)) {
          return e;
        }
      }
      throw new IllegalArgumentException("unknown " + wire() + " '" + wire + "'");
    }

    /** Reads a canonical money value. */
    public static Money money(String value) {
      if (!MONEY_TEXT.matcher(value).matches()) {
        throw new IllegalArgumentException("not money: " + value);
      }
      int space = value.indexOf(' ');
      return Money.of(Long.parseLong(value.substring(0, space)), value.substring(space + 1));
    }

    /** The canonical value of money. */
    public static String money(Money money) {
      return money.amount() + " " + money.currency();
    }
  }
}
