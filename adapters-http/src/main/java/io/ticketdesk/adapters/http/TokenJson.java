package io.ticketdesk.adapters.http;

import io.ticketdesk.application.port.in.IssueTokenUseCase.IssuedToken;
import java.time.Instant;

/** An issued API token as JSON; the token text is shown only in this response. */
record TokenJson(
    String token, String role, Long sellerId, Long buyerId, String label, Instant createdAt) {

  static TokenJson of(IssuedToken t) {
    return new TokenJson(
        t.token(),
        t.subject().role().wire(),
        t.subject().sellerId().map(id -> id.value()).orElse(null),
        t.subject().buyerId().map(id -> id.value()).orElse(null),
        t.label(),
        t.createdAt());
  }

  /** The body of {@code POST /tokens}. */
  record Request(String role, Long sellerId, Long buyerId, String label) {}
}
