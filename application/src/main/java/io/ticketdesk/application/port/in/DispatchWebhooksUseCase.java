package io.ticketdesk.application.port.in;

/**
 * Use case: the background work of webhooks, run by every instance in a loop; instances share it
 * safely (claims and leases in the store, never a lock held during an HTTP call).
 */
public interface DispatchWebhooksUseCase {
  /** Fans committed events out to the endpoints that take them; how many deliveries it made. */
  int fanOut();

  /** One attempt of each due delivery (a batch); how many attempts it made. */
  int deliverDue();
}
