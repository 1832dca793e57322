package io.ticketdesk.domain;

import java.util.List;

/** A text Ticketdesk writes for people, with named parameters, kept in every language's bundle. */
public interface TextTemplate {
  /** The bundle key of the text without its optional parameter. */
  String key();

  /** The parameters in order; at most one is optional, and it selects the {@code key.name} text. */
  List<TextParam> params();
}
