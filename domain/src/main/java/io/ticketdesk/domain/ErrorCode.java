package io.ticketdesk.domain;

/** The stable codes of expected refusals; each maps to one problem type in the HTTP adapter. */
public enum ErrorCode {
  VALIDATION("validation"),
  UNAUTHENTICATED("unauthenticated"),
  FORBIDDEN("forbidden"),
  NOT_FOUND("not-found"),
  CONFLICT("conflict"),
  PRECONDITION_FAILED("precondition-failed"),
  TICKET_CLOSED("ticket-closed"),
  INVALID_TRANSITION("invalid-transition"),
  PLACEHOLDER_UNFILLED("placeholder-unfilled"),
  REFUND_EXCEEDS_REMAINING("refund-exceeds-remaining"),
  IDEMPOTENCY_KEY_REUSED("idempotency-key-reused"),
  RETURN_OPTION_REQUIRED("return-option-required"),
  RETURN_OPTION_INVALID("return-option-invalid"),
  CARRIER_FAILED("carrier-failed"),
  CARRIER_BUSY("carrier-busy"),
  CARRIER_TIMED_OUT("carrier-timed-out");

  private final String slug;

  ErrorCode(String slug) {
    this.slug = slug;
  }

  /** The kebab-case slug used as the problem type. */
  public String slug() {
    return slug;
  }
}
