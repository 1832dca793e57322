package io.ticketdesk.adapters.http;

import io.ticketdesk.domain.SystemEvent;
import io.ticketdesk.domain.TextParam;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The structured event of a system message: its kind and its parameters, typed as the kind declares
 * them (money as {@code {amount, currency}}, ids as numbers, reasons and options as their wire
 * values, instants as RFC 3339, dates as ISO dates).
 */
record EventJson(String kind, Map<String, Object> params) {
  static EventJson of(SystemEvent event) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (TextParam p : event.kind().params()) {
      String v = event.params().get(p.name());
      if (v != null) {
        params.put(p.name(), value(p.type(), v));
      }
    }
    return new EventJson(event.kind().wire(), params);
  }

  private static Object value(TextParam.Type type, String v) {
    return switch (type) {
      case MONEY -> OrderJson.MoneyJson.of(TextParam.Type.money(v));
      case ID -> Long.parseLong(v);
      case FLAG -> Boolean.TRUE;
      case RETURN_OPTIONS -> Arrays.asList(v.split(","));
      default -> v;
    };
  }
}
