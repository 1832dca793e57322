package io.ticketdesk.adapters.http;

import io.ticketdesk.domain.DomainException;

/**
 * What text a request may carry in any field: no C0 control character other than tab, line feed and
 * carriage return (NUL breaks PostgreSQL text, the others are invisible or forge log lines), and no
 * lone UTF-16 surrogate (it cannot be stored as UTF-8 and would come back as {@code ?}).
 */
final class RequestText {
  private RequestText() {}

  /** The index of the first character that text may not contain, or -1. */
  static int firstForbidden(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20) {
        if (c != '\t' && c != '\n' && c != '\r') {
          return i;
        }
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  /** Refuses {@code value} of {@code field} when it contains a forbidden character. */
  static String check(String value, String field) {
    if (value == null) {
      return null;
    }
    int at = firstForbidden(value);
    if (at >= 0) {
      throw refusal(field, value.charAt(at), at);
    }
    return value;
  }

  static DomainException refusal(String field, char c, int index) {
    String what =
        Character.isSurrogate(c)
            ? "a lone UTF-16 surrogate"
            : String.format("the control character U+%04X", (int) c);
    return Requests.invalid(
        field,
        field
            + " contains "
            + what
            + " at position "
            + index
            + "; text may contain tab, line feed and carriage return but no other control"
            + " characters and only whole Unicode characters");
  }
}
