package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Use case: how much working time is left to a ticket's response deadline, by the working-time
 * calendar of its storefront (weekends and public holidays do not count).
 */
public interface WorkingTimeLeftUseCase {
  /**
   * The working time left at {@code now}; negative once the deadline has passed (the working time
   * overrun); empty when the ticket has no running deadline (it is not open).
   */
  Optional<Duration> workingTimeLeft(Ticket ticket, Instant now);
}
