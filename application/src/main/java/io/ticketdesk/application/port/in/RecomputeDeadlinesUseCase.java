package io.ticketdesk.application.port.in;

/**
 * Use case: deadlines are derived data; when the holiday calendar changes, recompute the deadlines
 * of all open tickets.
 */
public interface RecomputeDeadlinesUseCase {
  /**
   * Recomputes when the calendar's fingerprint differs from the one the stored deadlines were
   * computed with (or always, when {@code force}); returns the number of tickets changed.
   */
  int recomputeIfCalendarChanged(String calendarFingerprint, boolean force);
}
