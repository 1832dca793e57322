package io.ticketdesk.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of a text module: 1 to 10,000 characters with {@code {{placeholder}}} markers. Every
 * marker must name a known placeholder; rendering fills each in one pass, inserting values as plain
 * text (a value that itself looks like a marker is never interpreted).
 */
public record TextModuleBody(String value) {
  public static final int MAX_LENGTH = 10_000;
  private static final Pattern MARKER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  public TextModuleBody {
    Validation.required(value, "body");
    if (value.isBlank()) {
      throw Validation.invalid("body must not be empty or blank");
    }
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw Validation.invalid("body must be at most " + MAX_LENGTH + " characters");
    }
    List<String> unknown = new ArrayList<>();
    Matcher m = MARKER.matcher(value);
    int consumed = 0;
    while (m.find()) {
      requireNoStrayBraces(value.substring(consumed, m.start()));
      if (Placeholder.byKey(m.group(1)).isEmpty()) {
        unknown.add(m.group(1));
      }
      consumed = m.end();
    }
    requireNoStrayBraces(value.substring(consumed));
    if (!unknown.isEmpty()) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "unknown placeholder"
              + (unknown.size() > 1 ? "s " : " ")
              + String.join(", ", unknown.stream().map(u -> "{{" + u + "}}").toList())
              + "; GET /api/v1/text-modules/placeholders lists the known ones",
          Map.of("field", "body", "unknownPlaceholders", List.copyOf(unknown)));
    }
  }

  private static void requireNoStrayBraces(String text) {
    if (text.contains("{{") || text.contains("}}")) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "body has an unclosed or malformed placeholder marker; write placeholders as"
              + " {{buyer.name}}",
          Map.of("field", "body"));
    }
  }

  /** The placeholders the body uses. */
  public Set<Placeholder> placeholders() {
    Set<Placeholder> used = EnumSet.noneOf(Placeholder.class);
    Matcher m = MARKER.matcher(value);
    while (m.find()) {
      used.add(Placeholder.byKey(m.group(1)).orElseThrow());
    }
    return used;
  }

  /**
   * Fills every placeholder with its value; a placeholder without a value for this ticket is a
   * {@link ErrorCode#PLACEHOLDER_UNFILLED} refusal naming it, never a silent blank.
   */
  public String render(Map<Placeholder, String> values) {
    List<String> missing = new ArrayList<>();
    for (Placeholder p : placeholders()) {
      String v = values.get(p);
      if (v == null || v.isBlank()) {
        missing.add(p.key());
      }
    }
    if (!missing.isEmpty()) {
      throw new DomainException(
          ErrorCode.PLACEHOLDER_UNFILLED,
          "no value for "
              + String.join(", ", missing.stream().map(k -> "{{" + k + "}}").toList())
              + " on this ticket",
          Map.of("placeholders", List.copyOf(missing)));
    }
    Matcher m = MARKER.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(values.get(Placeholder.byKey(m.group(1)).orElseThrow())));
    }
    m.appendTail(out);
    return out.toString();
  }
}
