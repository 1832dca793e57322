package io.ticketdesk.application.port.in;

/**
 * Use case: the event feed's retention: events older than the retention are deleted in batches
 * (each ticket's latest event stays, so that its sequence numbers are never given again).
 */
public interface PurgeEventsUseCase {
  /** Deletes one batch of expired events; how many. */
  int purgeExpired();
}
