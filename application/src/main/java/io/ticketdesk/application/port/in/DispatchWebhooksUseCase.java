package io.ticketdesk.application.port.in;

/**
 * Use case: the background work of webhooks, run by every instance in a loop; instances share it
 * safely (claims and leases in the store, never a lock held during an HTTP call).
 */
public interface DispatchWebhooksUseCase {
  /**
   * Fans committed events out to the endpoints that take them. With {@code handOff}, deliveries to
   * active endpoints are stored leased to this instance and its next {@link #deliverDue} calls take
   * them without a claim: only for an instance that runs delivery workers (otherwise they would
   * wait for their lease to run out before another instance claims them).
   */
  Step fanOut(boolean handOff);

  /**
   * {@link #fanOut(boolean)}, handing the new deliveries to this instance's next delivery steps.
   */
  default Step fanOut() {
    return fanOut(true);
  }

  /**
   * One attempt of each delivery of a batch: one the fan-out handed to this instance, or else the
   * due deliveries claimed now.
   */
  Step deliverDue();

  /**
   * What one step did: how many deliveries it made (fan-out) or attempted (delivery), and whether
   * it took a full batch. After a full batch more work may be waiting, so a loop goes on at once;
   * otherwise the queue was drained and it waits for the next poll, so that under load each step
   * carries a batch instead of one event's worth of statements.
   */
  record Step(int count, boolean full) {
    public static final Step NONE = new Step(0, false);

    public Step {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
    }
  }
}
