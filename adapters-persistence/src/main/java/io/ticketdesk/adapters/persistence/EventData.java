package io.ticketdesk.adapters.persistence;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event's payload as one text column: {@code name=Tvalue} pairs joined by {@code &}, names and
 * values URL-encoded, {@code T} the type ({@code s} text, {@code n} whole number, {@code b} flag).
 */
final class EventData {
  private EventData() {}

  static String encode(Map<String, Object> data) {
    StringBuilder out = new StringBuilder();
    data.forEach(
        (k, v) -> {
          if (out.length() > 0) {
            out.append('&');
          }
          char type = v instanceof Long ? 'n' : v instanceof Boolean ? 'b' : 's';
          out.append(enc(k)).append('=').append(type).append(enc(String.valueOf(v)));
        });
    return out.toString();
  }

  static Map<String, Object> decode(String text) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return data;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String name = dec(pair.substring(0, eq));
      char type = pair.charAt(eq + 1);
      String value = dec(pair.substring(eq + 2));
      data.put(
          name,
          switch (type) {
            case 'n' -> Long.parseLong(value);
            case 'b' -> Boolean.parseBoolean(value);
            default -> value;
          });
    }
    return data;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * Most names and values (ticket and order numbers, paths, event types) have nothing encoded in
   * them: those are returned as they are, without {@link URLDecoder}'s copy of every character (a
   * webhook fan-out decodes every event's data; the decoder was the largest single item in its
   * profile).
   */
  private static String dec(String s) {
    return s.indexOf('%') < 0 && s.indexOf('+') < 0
        ? s
        : URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
