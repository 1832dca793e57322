package io.ticketdesk.application.port.in;

import static java.util.Objects.requireNonNull;

/**
 * Use case: deadlines are derived data; when the holiday calendar changes, recompute the deadlines
 * of all open tickets — once for the whole cluster, however many nodes start with the new calendar.
 */
public interface RecomputeDeadlinesUseCase {
  /**
   * At a node's start: recomputes when the calendar's fingerprint differs from the one the stored
   * deadlines were computed with, unless another node is at it already. Each open ticket is
   * recomputed once for a fingerprint, also when a node dies halfway (the next one continues).
   */
  Recomputation recomputeIfCalendarChanged(String calendarFingerprint);

  /**
   * Periodically on every node: continues a recomputation for this fingerprint that a node began
   * and did not finish (it died or stalled past its lease); nothing otherwise.
   */
  Recomputation resumeUnfinished(String calendarFingerprint);

  /** What a call did and how many tickets' deadlines it changed. */
  record Recomputation(Outcome outcome, int changed) {
    public Recomputation {
      requireNonNull(outcome, "outcome is null");
      if (changed < 0) {
        throw new IllegalArgumentException("changed must not be negative");
      }
    }

    public static Recomputation nothingToDo() {
      return new Recomputation(Outcome.UP_TO_DATE, 0);
    }
  }

  enum Outcome {
    /** The deadlines follow this calendar already, or there is nothing unfinished. */
    UP_TO_DATE,
    /** This node recomputed (the rest of) the open tickets and recorded the calendar. */
    RECOMPUTED,
    /** Another node holds the work; it (or a node after it) finishes it. */
    ANOTHER_NODE,
    /** This node lost the work halfway (it stalled past its lease); another node continues. */
    LOST
  }
}
