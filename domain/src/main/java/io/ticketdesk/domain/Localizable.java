package io.ticketdesk.domain;

import java.util.Map;

/** A text for people, kept as a template and its parameter values until a reader reads it. */
public interface Localizable {
  TextTemplate template();

  /** The parameter values, canonical strings typed by the template. */
  Map<String, String> params();
}
