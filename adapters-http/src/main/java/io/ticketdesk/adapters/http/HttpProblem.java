package io.ticketdesk.adapters.http;

import java.util.Map;

/** A refusal that exists only in HTTP (wrong media type, body too large, …), as a problem. */
final class HttpProblem extends RuntimeException {
  private final int status;
  private final String slug;
  private final Map<String, Object> extensions;

  HttpProblem(int status, String slug, String detail, Map<String, Object> extensions) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
    this.extensions = Map.copyOf(extensions);
  }

  HttpProblem(int status, String slug, String detail) {
    this(status, slug, detail, Map.of());
  }

  int status() {
    return status;
  }

  String slug() {
    return slug;
  }

  Map<String, Object> extensions() {
    return extensions;
  }
}
