package io.ticketdesk.domain;

import java.util.regex.Pattern;

/** The marketplace's order number, an alphanumeric text such as {@code MQ8BRT7}. */
public record OrderNumber(String value) {
  private static final Pattern FORMAT = Pattern.compile("^[A-Z0-9]{1,32}$");

  public OrderNumber {
    Validation.required(value, "orderNumber");
    if (!FORMAT.matcher(value).matches()) {
      throw Validation.invalid(
          "orderNumber must be 1-32 upper-case letters or digits (e.g. MQ8BRT7), got '"
              + abbreviate(value)
              + "'");
    }
  }

  public static OrderNumber of(String value) {
    return new OrderNumber(value);
  }

  /** Whether the text could be an order number (used by search). */
  public static boolean looksLike(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }

  static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
