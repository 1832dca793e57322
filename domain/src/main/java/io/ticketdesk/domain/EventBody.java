package io.ticketdesk.domain;

import java.util.Map;

/**
 * An event as the JSON body of a webhook delivery: {@code {eventId, type, occurredAt, sellerId,
 * sequence, data}}, the same members as an item of the event feed. Written here (not by a JSON
 * library) so that the signed bytes are exactly what the core decides.
 */
public final class EventBody {
  private EventBody() {}

  public static String json(DomainEvent e) {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"eventId\":");
    string(b, e.id());
    b.append(",\"type\":");
    string(b, e.type().wire());
    b.append(",\"occurredAt\":");
    string(b, e.occurredAt().toString());
    b.append(",\"sellerId\":").append(e.sellerId().value());
    b.append(",\"sequence\":").append(e.sequence());
    b.append(",\"data\":{");
    boolean first = true;
    for (Map.Entry<String, Object> d : e.data().entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      string(b, d.getKey());
      b.append(':');
      Object v = d.getValue();
      if (v instanceof String s) {
        string(b, s);
      } else {
        b.append(v);
      }
    }
    return b.append("}}").toString();
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
