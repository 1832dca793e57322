package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.WebhookEndpoint;
import java.util.List;
import java.util.Optional;

/** The registered webhook endpoints. */
public interface WebhookEndpoints {
  /** Stores a new endpoint under a new id (the draft's id is ignored) and returns it. */
  WebhookEndpoint add(WebhookEndpoint draft);

  Optional<WebhookEndpoint> find(long id);

  /** The endpoints of one owner (a seller; empty: the marketplace's own), oldest first. */
  List<WebhookEndpoint> owned(Optional<SellerId> owner);

  /** Every endpoint, oldest first (for the fan-out of events). */
  List<WebhookEndpoint> all();

  /** Stores the endpoint's new state; false when it no longer exists. */
  boolean update(WebhookEndpoint endpoint);

  /** Deletes the endpoint and its deliveries; false when it did not exist. */
  boolean delete(long id);
}
