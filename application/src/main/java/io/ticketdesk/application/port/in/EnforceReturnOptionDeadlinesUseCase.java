package io.ticketdesk.application.port.in;

/**
 * Use case: the automatic consequence of a return request whose option-carrying answer (the first
 * response, or the seller's next answer after a mark as return request) did not come by its
 * deadline, made by a scheduler that every instance runs: recorded once per missed answer however
 * many instances race, and taken over from an instance that died while it held the work.
 */
public interface EnforceReturnOptionDeadlinesUseCase {
  /** Records the consequences that are due now, unless another instance holds the work. */
  int enforceDue();
}
