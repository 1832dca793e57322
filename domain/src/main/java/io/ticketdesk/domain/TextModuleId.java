package io.ticketdesk.domain;

/** Identifies a text module. */
public record TextModuleId(long value) {
  public TextModuleId {
    Validation.id(value, "text module id");
  }

  public static TextModuleId of(long value) {
    return new TextModuleId(value);
  }
}
