package io.ticketdesk.application.port.in;

/**
 * Use case: the time-driven events {@code ticket.deadline_approaching} and {@code ticket.overdue},
 * made by a scheduler that every instance runs: each exactly once per ticket and deadline, however
 * many instances race (the outbox takes one event per key).
 */
public interface RaiseDeadlineAlertsUseCase {
  /** Records the alerts that are due now; how many it recorded. */
  int raiseDue();
}
