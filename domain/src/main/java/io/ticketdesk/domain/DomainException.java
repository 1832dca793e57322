package io.ticketdesk.domain;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** An expected refusal of a business rule, carrying a stable error code for the adapters. */
public class DomainException extends RuntimeException {
  private final ErrorCode code;
  private final Map<String, Object> details;
  private final Notice notice;

  public DomainException(ErrorCode code, String message) {
    this(code, message, Map.of());
  }

  public DomainException(ErrorCode code, String message, Map<String, Object> details) {
    this(code, message, details, null);
  }

  /** A refusal whose explanation is also given as a notice, for readers of other languages. */
  public DomainException(
      ErrorCode code, String message, Map<String, Object> details, Notice notice) {
    super(message, null, false, false);
    this.code = requireNonNull(code, "code is null");
    this.details = Map.copyOf(details);
    this.notice = notice;
  }

  public ErrorCode code() {
    return code;
  }

  /** The explanation as a notice to render per reader, or null (then the English message). */
  public Notice notice() {
    return notice;
  }

  /** Extra machine-readable facts about the refusal (e.g. the valid values of an enum). */
  public Map<String, Object> details() {
    return details;
  }
}
