package io.ticketdesk.domain;

import java.util.regex.Pattern;

/** The 11-digit ticket number, always starting with {@code 001}; text, because zeros lead. */
public record TicketNumber(String value) {
  private static final Pattern FORMAT = Pattern.compile("^001\\d{8}$");
  private static final long MAX_SEQUENCE = 99_999_999L;

  public TicketNumber {
    Validation.required(value, "ticketNumber");
    if (!FORMAT.matcher(value).matches()) {
      throw Validation.invalid(
          "ticket number must be 11 digits starting with 001 (e.g. 00100000042), got '"
              + OrderNumber.abbreviate(value)
              + "'");
    }
  }

  public static TicketNumber of(String value) {
    return new TicketNumber(value);
  }

  /** The ticket number for a value of the store's never-reused sequence (1 … 99,999,999). */
  public static TicketNumber fromSequence(long sequence) {
    if (sequence < 1 || sequence > MAX_SEQUENCE) {
      throw new IllegalStateException("ticket number sequence exhausted or invalid: " + sequence);
    }
    return new TicketNumber(String.format("001%08d", sequence));
  }

  public static boolean looksLike(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }
}
