package io.ticketdesk.misspelled;

/** A class in no layer (as a misspelled package would put it): the architecture rules refuse it. */
public final class Misplaced {
  private Misplaced() {}
}
