package io.ticketdesk.adapters.http;

import io.javalin.http.Context;
import io.ticketdesk.domain.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Strict query parameters: only known names, each at most once, typed with clear refusals. */
final class QueryParams {
  private final Map<String, List<String>> params;

  private QueryParams(Map<String, List<String>> params) {
    this.params = params;
  }

  static QueryParams of(Context ctx, Set<String> known) {
    Map<String, List<String>> params = QueryString.of(ctx);
    for (var entry : params.entrySet()) {
      String name = entry.getKey();
      if (!known.contains(name)) {
        throw unknown(name, known);
      }
      if (entry.getValue().size() > 1) {
        throw repeated(name);
      }
    }
    return new QueryParams(params);
  }

  /** A query parameter the operation does not take. */
  static DomainException unknown(String name, Set<String> known) {
    return Requests.invalid(
        name,
        "unknown query parameter '"
            + Requests.abbreviate(name)
            + "'; "
            + (known.isEmpty()
                ? "this operation takes none"
                : "known: " + String.join(", ", known.stream().sorted().toList())));
  }

  static DomainException repeated(String name) {
    return Requests.invalid(
        name, "query parameter " + Requests.abbreviate(name) + " may be given only once");
  }

  String text(String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    String value = values.get(0);
    if (value.isEmpty()) {
      throw Requests.invalid(name, "query parameter " + name + " must not be empty");
    }
    return value;
  }

  <T> T parse(String name, Function<String, T> factory) {
    return Requests.parse(text(name), name, factory);
  }

  Integer integer(String name) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    if (!v.matches("-?\\d{1,9}")) {
      throw Requests.invalid(
          name, name + " must be an integer, got '" + Requests.abbreviate(v) + "'");
    }
    return Integer.parseInt(v);
  }

  Long longValue(String name) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    if (!v.matches("-?\\d{1,18}")) {
      throw Requests.invalid(
          name, name + " must be an integer, got '" + Requests.abbreviate(v) + "'");
    }
    return Long.parseLong(v);
  }

  java.time.LocalDate date(String name) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    java.time.LocalDate date;
    try {
      date = java.time.LocalDate.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      throw Requests.invalid(
          name, name + " must be a date such as 2026-02-02, got '" + Requests.abbreviate(v) + "'");
    }
    if (date.getYear() < 2000 || date.getYear() > 2100) {
      throw Requests.outOfRange(name, v);
    }
    return date;
  }

  Boolean bool(String name) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw Requests.invalid(
              name, name + " must be true or false, got '" + Requests.abbreviate(v) + "'");
    };
  }

  Instant instant(String name) {
    return Requests.instant(text(name), name);
  }
}
