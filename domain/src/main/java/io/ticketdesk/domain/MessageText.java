package io.ticketdesk.domain;

/** The text of a chat message: 1 to 65,535 characters (Unicode code points), not blank. */
public record MessageText(String value) {
  public static final int MAX_LENGTH = 65_535;

  public MessageText {
    Validation.required(value, "text");
    if (value.isBlank()) {
      throw Validation.invalid("text must not be empty or blank");
    }
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw Validation.invalid("text must be at most " + MAX_LENGTH + " characters");
    }
  }

  public static MessageText of(String value) {
    return new MessageText(value);
  }
}
