package io.ticketdesk.domain;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** An expected refusal of a business rule, carrying a stable error code for the adapters. */
public class DomainException extends RuntimeException {
  private final ErrorCode code;
  private final Map<String, Object> details;

  public DomainException(ErrorCode code, String message) {
    this(code, message, Map.of());
  }

  public DomainException(ErrorCode code, String message, Map<String, Object> details) {
    super(message, null, false, false);
    this.code = requireNonNull(code, "code is null");
    this.details = Map.copyOf(details);
  }

  public ErrorCode code() {
    return code;
  }

  /** Extra machine-readable facts about the refusal (e.g. the valid values of an enum). */
  public Map<String, Object> details() {
    return details;
  }
}
