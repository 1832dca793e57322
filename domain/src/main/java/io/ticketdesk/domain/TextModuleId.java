package io.ticketdesk.domain;

/** Identifies a text module. */
public record TextModuleId(long value) {
  public TextModuleId {
    if (value <= 0) {
      throw Validation.invalid("text module id must be a positive number");
    }
  }

  public static TextModuleId of(long value) {
    return new TextModuleId(value);
  }
}
