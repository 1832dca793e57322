package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.Validation;
import java.util.Arrays;

/** The orders a ticket list can be sorted in; each pages by a keyset of (key, ticket number). */
public enum TicketSort {
  /** Newest first. */
  CREATED_DESC("-created"),
  /** Most recently changed first. */
  UPDATED_DESC("-updated"),
  /** Open tickets, most urgent (earliest response deadline) first. */
  DUE("due");

  private final String wire;

  TicketSort(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static TicketSort of(String value) {
    return Validation.parseEnum(TicketSort.class, value, "sort", TicketSort::wire);
  }

  static String validValues() {
    return String.join(", ", Arrays.stream(values()).map(TicketSort::wire).toList());
  }
}
