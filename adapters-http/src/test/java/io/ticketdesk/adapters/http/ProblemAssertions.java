package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on RFC 9457 problem responses. */
final class ProblemAssertions {
  private ProblemAssertions() {}

  static ApiClient.Response assertProblem(ApiClient.Response r, int status, String slug) {
    assertEquals(status, r.status(), r.body());
    assertTrue(
        r.contentType().startsWith("application/problem+json"), "content type " + r.contentType());
    assertEquals("https://ticketdesk.io/problems/" + slug, r.problemType(), r.body());
    assertEquals(status, r.json().path("status").asInt());
    assertFalse(r.json().path("detail").asText().isBlank(), r.body());
    assertFalse(r.body().contains("Exception"), "leaks an exception: " + r.body());
    assertFalse(r.body().contains("\tat "), "leaks a stack trace: " + r.body());
    return r;
  }

  static ApiClient.Response assertInvalid(ApiClient.Response r, String field) {
    assertProblem(r, 400, "validation");
    assertEquals(field, r.json().path("field").asText(), r.body());
    return r;
  }
}
