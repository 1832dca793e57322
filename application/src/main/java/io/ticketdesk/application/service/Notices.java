package io.ticketdesk.application.service;

import io.ticketdesk.domain.Localizable;
import io.ticketdesk.domain.Notice;
import io.ticketdesk.domain.NoticeKind;
import io.ticketdesk.domain.SystemEvent;
import io.ticketdesk.domain.SystemEventKind;
import io.ticketdesk.domain.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A notice or event as text an idempotency key can remember, and back. */
final class Notices {
  private Notices() {}

  static String ref(Localizable notice) {
    if (notice instanceof SystemEvent e) {
      return "event:" + e.kind().wire();
    }
    if (notice instanceof Notice n) {
      return "notice:" + n.kind().wire();
    }
    throw new IllegalArgumentException("unknown notice " + notice);
  }

  static String params(Localizable notice) {
    List<String> parts = new ArrayList<>();
    notice
        .params()
        .forEach(
            (k, v) -> {
              parts.add(k);
              parts.add(v);
            });
    return Idempotency.joined(parts.toArray(String[]::new));
  }

  /** The notice remembered, or null when none was. */
  static Localizable of(String ref, String params) {
    if (ref.isEmpty()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> parts = params.isEmpty() ? List.of() : Idempotency.split(params);
    for (int i = 0; i + 1 < parts.size(); i += 2) {
      values.put(parts.get(i), parts.get(i + 1));
    }
    int colon = ref.indexOf(':');
    String kind = ref.substring(colon + 1);
    return ref.startsWith("event:")
        ? new SystemEvent(SystemEventKind.of(kind), values)
        : new Notice(
            Validation.parseEnum(NoticeKind.class, kind, "notice", NoticeKind::wire), values);
  }
}
