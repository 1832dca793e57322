package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.EventType;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.WebhookAttempt;
import io.ticketdesk.domain.WebhookDelivery;
import io.ticketdesk.domain.WebhookEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Use case: a seller's or the marketplace's webhook endpoints (register, list, pause and resume,
 * rotate the secret, delete), their recent deliveries and redelivery of an event.
 */
public interface ManageWebhooksUseCase {
  int MAX_ENDPOINTS_PER_OWNER = 20;
  int MAX_DELIVERIES_PER_PAGE = 100;
  int DEFAULT_DELIVERIES_PER_PAGE = 20;

  /** A new endpoint; {@code seller} narrows the marketplace's endpoint to one seller's events. */
  record Registration(String url, Set<EventType> events, SellerId seller) {}

  /** What a change sets (null: unchanged); {@code status} is active or paused. */
  record Change(String url, Set<EventType> events, WebhookEndpoint.Status status) {}

  /**
   * The endpoint with its signing secret ({@code whsec_…}), shown only when registered or rotated;
   * after a rotation the previous secret stays valid until {@code previousSecretValidUntil}.
   */
  record WithSecret(WebhookEndpoint endpoint, String secret, Instant previousSecretValidUntil) {}

  WithSecret register(Actor actor, Registration registration);

  List<WebhookEndpoint> list(Actor actor);

  WebhookEndpoint find(Actor actor, long endpointId);

  WebhookEndpoint change(Actor actor, long endpointId, Change change);

  WithSecret rotateSecret(Actor actor, long endpointId);

  void delete(Actor actor, long endpointId);

  /** The endpoint's most recent deliveries, newest first. */
  List<WebhookDelivery> deliveries(Actor actor, long endpointId, Integer limit);

  /**
   * The endpoint's most recent attempts, newest first: every attempt of every delivery with its
   * status code or error and duration, not only each delivery's last.
   */
  List<WebhookAttempt> attempts(Actor actor, long endpointId, Integer limit);

  /** Delivers the event to the endpoint once more (a new delivery, due now). */
  WebhookDelivery redeliver(Actor actor, long endpointId, String eventId);
}
