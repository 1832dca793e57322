package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.WebhookAttempt;
import io.ticketdesk.domain.WebhookDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Deliveries of events to webhook endpoints. Several instances share the work: the fan-out cursor
 * is taken by one transaction at a time ({@code SKIP LOCKED}: the others skip), and a delivery, or
 * a range of the feed not yet stored as deliveries, is leased to one worker at a time (a lease that
 * runs out, e.g. of a killed instance, frees it).
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
   * A range of the feed, {@code (after, upTo]}, whose deliveries to active endpoints this
   * instance's workers attempt before any row is stored for them ({@link #addAttempted}).
   */
  record FanOutLease(long after, long upTo) {}

  /**
   * Leases the feed's range {@code (after, upTo]} until {@code until} under {@code token}, in the
   * transaction that fans it out: the instance that fans the range out attempts its deliveries to
   * active endpoints first and stores them with their first attempt; if it dies first, the lease
   * runs out and {@link #claimFanOutLease} gives the range to another worker, which fans it out
   * again.
   */
  void leaseFanOut(String token, long after, long upTo, Instant until);

  /**
   * Takes over one leased range of the feed whose lease ran out at {@code now}, until {@code until}
   * under {@code token}; in a transaction of its own. A range is taken by one caller only; empty
   * when none ran out.
   */
  Optional<FanOutLease> claimFanOutLease(Instant now, Instant until, String token);

  /**
   * Stores the deliveries of the range leased under {@code token} as they are after their first
   * attempt (delivered, failed, or pending for a retry), under new ids (the drafts' are ignored),
   * with those attempts in the attempt log, and ends the lease; in the current transaction. Returns
   * those stored, in order: not those whose endpoint was deleted meanwhile, and none (an empty
   * list) when the lease is no longer {@code token}'s.
   */
  List<WebhookDelivery> addAttempted(List<WebhookDelivery> attempted, String token);

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
