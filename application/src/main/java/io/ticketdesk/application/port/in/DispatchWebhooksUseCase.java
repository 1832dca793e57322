package io.ticketdesk.application.port.in;

/**
 * Use case: the background work of webhooks, run by every instance in a loop; instances share it
 * safely (claims and leases in the store, never a lock held during an HTTP call).
 */
public interface DispatchWebhooksUseCase {
  /** Fans committed events out to the endpoints that take them. */
  Step fanOut();

  /** One attempt of each due delivery (a batch). */
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
