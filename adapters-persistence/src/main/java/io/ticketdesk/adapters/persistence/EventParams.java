package io.ticketdesk.adapters.persistence;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parameters of a system message's event in {@code messages.event_params}: {@code
 * application/x-www-form-urlencoded} name=value pairs, the same text on H2 and PostgreSQL.
 */
final class EventParams {
  private EventParams() {}

  static String encode(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> encoded(e.getKey()) + "=" + encoded(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static Map<String, String> decode(String stored) {
    Map<String, String> params = new LinkedHashMap<>();
    if (stored == null || stored.isEmpty()) {
      return params;
    }
    for (String pair : stored.split("&")) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IllegalStateException("malformed event parameters: " + stored);
      }
      params.put(decoded(pair.substring(0, eq)), decoded(pair.substring(eq + 1)));
    }
    return params;
  }

  private static String encoded(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String decoded(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
