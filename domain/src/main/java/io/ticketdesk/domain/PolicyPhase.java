package io.ticketdesk.domain;

/** Which phase of the return-option policy holds at an instant. */
public enum PolicyPhase implements WireEnum {
  /** Before the GTCs take effect: no obligation. */
  NONE,
  /** The transitional period: a missing return option is a warning only. */
  TRANSITIONAL,
  /** Enforced: a first response without a valid return option is a breach. */
  ENFORCED
}
