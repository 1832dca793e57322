package io.ticketdesk.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** Checks the values given for a template's parameters: every one declared, typed, required. */
final class TextValues {
  private TextValues() {}

  static Map<String, String> check(TextTemplate template, Map<String, String> values) {
    Validation.required(values, "params");
    Map<String, String> ordered = new LinkedHashMap<>();
    for (TextParam p : template.params()) {
      String v = values.get(p.name());
      if (v == null) {
        if (!p.optional()) {
          throw new IllegalArgumentException(template.key() + " needs " + p.name());
        }
        continue;
      }
      try {
        p.type().check(v);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            template.key() + "." + p.name() + ": " + e.getMessage(), e);
      }
      ordered.put(p.name(), v);
    }
    for (String name : values.keySet()) {
      if (!ordered.containsKey(name)) {
        throw new IllegalArgumentException(template.key() + " has no parameter " + name);
      }
    }
    return java.util.Collections.unmodifiableMap(ordered);
  }
}
