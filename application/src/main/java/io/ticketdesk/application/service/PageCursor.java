package io.ticketdesk.application.service;

import io.ticketdesk.application.port.out.TicketQuery;
import io.ticketdesk.application.port.out.TicketSort;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.TicketNumber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;

/** Opaque keyset cursors: base64url text that names the list, the sort and the last row. */
final class PageCursor {
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();

  private PageCursor() {}

  static String tickets(TicketSort sort, TicketQuery.Keyset last) {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, last.key());
    return encode("t1|" + sort.wire() + "|" + micros + "|" + last.ticketNumber().value());
  }

  static TicketQuery.Keyset parseTickets(String cursor, TicketSort sort) {
    String[] parts = decode(cursor).split("\\|", -1);
    if (parts.length != 4 || !parts[0].equals("t1")) {
      throw bad();
    }
    if (!parts[1].equals(sort.wire())) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "cursor belongs to sort '"
              + parts[1]
              + "'; repeat the request with that sort or drop the cursor",
          Map.of("field", "cursor"));
    }
    try {
      long micros = Long.parseLong(parts[2]);
      Instant key = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
      return new TicketQuery.Keyset(key, TicketNumber.of(parts[3]));
    } catch (RuntimeException e) {
      throw bad();
    }
  }

  static String messages(long lastId) {
    return ids("m1", lastId);
  }

  static long parseMessages(String cursor) {
    return parseIds("m1", cursor);
  }

  static String events(long lastPosition) {
    return ids("e1", lastPosition);
  }

  static long parseEvents(String cursor) {
    return parseIds("e1", cursor);
  }

  static String textModules(long lastId) {
    return ids("x1", lastId);
  }

  static long parseTextModules(String cursor) {
    return parseIds("x1", cursor);
  }

  private static String ids(String kind, long lastId) {
    return encode(kind + "|" + lastId);
  }

  private static long parseIds(String kind, String cursor) {
    String[] parts = decode(cursor).split("\\|", -1);
    if (parts.length != 2 || !parts[0].equals(kind)) {
      throw bad();
    }
    try {
      long id = Long.parseLong(parts[1]);
      if (id < 0) {
        throw bad();
      }
      return id;
    } catch (NumberFormatException e) {
      throw bad();
    }
  }

  private static String encode(String raw) {
    return ENC.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    if (cursor.length() > 200) {
      throw bad();
    }
    try {
      return new String(DEC.decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw bad();
    }
  }

  private static DomainException bad() {
    return new DomainException(
        ErrorCode.VALIDATION,
        "cursor is not valid; pass the nextCursor of the previous page unchanged, or omit it",
        Map.of("field", "cursor"));
  }
}
