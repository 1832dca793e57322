package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.WebhookAttempt;
import io.ticketdesk.domain.WebhookDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Deliveries of events to webhook endpoints. Several instances share the work: the fan-out cursor
 * is taken by one transaction at a time ({@code SKIP LOCKED}: the others skip), and a delivery is
 * leased to one worker at a time (a lease that runs out, e.g. of a killed instance, frees it).
 */
public interface WebhookDeliveries {
  /**
   * The feed position up to which events were fanned out to deliveries, locked for the current
   * transaction; empty when another transaction holds it.
   */
  OptionalLong lockFanOut();

  /** Moves the fan-out cursor (in the transaction that locked it). */
  void advanceFanOut(long position);

  /** Stores new deliveries in order under new ids (the drafts' ids are ignored); returns them. */
  List<WebhookDelivery> add(List<WebhookDelivery> drafts);

  /**
   * {@link #add}, the new deliveries leased until {@code until} under {@code token} as they are
   * stored: the instance that fans them out attempts them without a claim, and if it dies they are
   * claimable once the lease runs out, like any other.
   */
  List<WebhookDelivery> addLeased(List<WebhookDelivery> drafts, String token, Instant until);

  /**
   * Leases up to {@code limit} pending deliveries due at {@code now} whose endpoint is active and
   * whose lease is free or ran out, oldest due first, until {@code until} under {@code token}; in a
   * transaction of its own. A delivery is leased by one caller only.
   */
  List<WebhookDelivery> claim(Instant now, Instant until, String token, int limit);

  /**
   * Stores the delivery's state after an attempt, records the attempt in the attempt log ({@link
   * WebhookAttempt#of}) and frees its lease, if the lease is still {@code token}'s; false (and
   * nothing stored) otherwise.
   */
  default boolean complete(WebhookDelivery after, String token) {
    return !completeAll(List.of(after), token).isEmpty();
  }

  /**
   * {@link #complete} for a batch of deliveries leased under {@code token}, in the current
   * transaction: returns those stored (whose lease was still {@code token}'s), in the given order;
   * the others are left as they are.
   */
  List<WebhookDelivery> completeAll(List<WebhookDelivery> after, String token);

  /** The endpoint's most recent deliveries, newest first. */
  List<WebhookDelivery> recent(long endpointId, int limit);

  /**
   * The endpoint's most recent attempts, newest first (by time, then delivery, then attempt): each
   * attempt of each delivery, not only the last. Deleted with their delivery.
   */
  List<WebhookAttempt> attempts(long endpointId, int limit);

  Optional<WebhookDelivery> find(long deliveryId);
}
