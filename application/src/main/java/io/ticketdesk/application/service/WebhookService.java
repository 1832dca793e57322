package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.ManageWebhooksUseCase;
import io.ticketdesk.application.port.out.Outbox;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.application.port.out.WebhookDeliveries;
import io.ticketdesk.application.port.out.WebhookEndpoints;
import io.ticketdesk.application.port.out.WebhookSender;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Validation;
import io.ticketdesk.domain.WebhookAttempt;
import io.ticketdesk.domain.WebhookDelivery;
import io.ticketdesk.domain.WebhookEndpoint;
import io.ticketdesk.domain.WebhookSignature;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook endpoints of their owners: a seller's receive its own events, the marketplace's every
 * seller's or one seller's. Another owner's endpoint is not found.
 */
public final class WebhookService implements ManageWebhooksUseCase {
  private final WebhookEndpoints endpoints;
  private final WebhookDeliveries deliveries;
  private final Outbox outbox;
  private final Sellers sellers;
  private final Transactions tx;
  private final WebhookSender sender;
  private final WebhookSettings settings;
  private final Clock clock;

  WebhookService(
      WebhookEndpoints endpoints,
      WebhookDeliveries deliveries,
      Outbox outbox,
      Sellers sellers,
      Transactions tx,
      WebhookSender sender,
      WebhookSettings settings,
      Clock clock) {
    this.endpoints = requireNonNull(endpoints, "endpoints is null");
    this.deliveries = requireNonNull(deliveries, "deliveries is null");
    this.outbox = requireNonNull(outbox, "outbox is null");
    this.sellers = requireNonNull(sellers, "sellers is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.sender = requireNonNull(sender, "sender is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static void allowed(Actor actor) {
    Access.require(actor, "manage webhook endpoints", Role.SELLER, Role.MARKETPLACE);
  }

  private String checkedUrl(String url) {
    WebhookEndpoint.checkUrl(url, settings.allowInsecure());
    Optional<String> refusal = sender.refusal(URI.create(url));
    if (refusal.isPresent()) {
      throw new DomainException(
          ErrorCode.VALIDATION, "url is refused: " + refusal.get(), Map.of("field", "url"));
    }
    return url;
  }

  @Override
  public WithSecret register(Actor actor, Registration r) {
    allowed(actor);
    requireNonNull(r, "registration is null");
    Validation.required(r.events(), "events");
    SellerId owner = actor.is(Role.SELLER) ? actor.sellerId().orElseThrow() : null;
    SellerId scope = owner != null ? owner : r.seller();
    if (owner != null && r.seller() != null && !r.seller().equals(owner)) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "sellerId is for the marketplace; a seller's endpoint receives its own events",
          Map.of("field", "sellerId"));
    }
    String url = checkedUrl(r.url());
    byte[] key = WebhookSignature.newKey();
    return tx.inTransaction(
        () -> {
          if (scope != null && owner == null && sellers.find(scope).isEmpty()) {
            throw Access.notFound("seller " + scope.value());
          }
          if (endpoints.owned(Optional.ofNullable(owner)).size() >= MAX_ENDPOINTS_PER_OWNER) {
            throw new DomainException(
                ErrorCode.CONFLICT,
                "at most " + MAX_ENDPOINTS_PER_OWNER + " webhook endpoints; delete one first");
          }
          Instant at = now();
          WebhookEndpoint added =
              endpoints.add(
                  new WebhookEndpoint(
                      0,
                      owner,
                      scope,
                      url,
                      r.events(),
                      WebhookEndpoint.Status.ACTIVE,
                      null,
                      key,
                      null,
                      null,
                      null,
                      at,
                      at));
          return new WithSecret(added, WebhookSignature.secret(key), null);
        });
  }

  @Override
  public List<WebhookEndpoint> list(Actor actor) {
    allowed(actor);
    return endpoints.owned(actor.is(Role.SELLER) ? actor.sellerId() : Optional.empty());
  }

  @Override
  public WebhookEndpoint find(Actor actor, long endpointId) {
    allowed(actor);
    return endpoints
        .find(endpointId)
        .filter(e -> e.ownedBy(actor))
        .orElseThrow(() -> Access.notFound("webhook endpoint " + endpointId));
  }

  @Override
  public WebhookEndpoint change(Actor actor, long endpointId, Change c) {
    requireNonNull(c, "change is null");
    if (c.status() == WebhookEndpoint.Status.DISABLED) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "status is active or paused; the server disables an endpoint itself",
          Map.of("field", "status"));
    }
    String url = c.url() == null ? null : checkedUrl(c.url());
    return tx.inTransaction(
        () -> {
          WebhookEndpoint e = find(actor, endpointId);
          Instant at = now();
          WebhookEndpoint next = e;
          if (url != null || c.events() != null) {
            next =
                next.withTarget(
                    url == null ? e.url() : url, c.events() == null ? e.types() : c.events(), at);
          }
          if (c.status() != null && c.status() != e.status()) {
            next = next.withStatus(c.status(), null, at);
          }
          if (next != e) {
            endpoints.update(next);
          }
          return next;
        });
  }

  @Override
  public WithSecret rotateSecret(Actor actor, long endpointId) {
    byte[] key = WebhookSignature.newKey();
    return tx.inTransaction(
        () -> {
          WebhookEndpoint rotated =
              find(actor, endpointId).rotated(key, settings.secretGrace(), now());
          endpoints.update(rotated);
          return new WithSecret(rotated, WebhookSignature.secret(key), rotated.previousKeyUntil());
        });
  }

  @Override
  public void delete(Actor actor, long endpointId) {
    tx.inTransaction(
        () -> {
          endpoints.delete(find(actor, endpointId).id());
          return null;
        });
  }

  @Override
  public List<WebhookDelivery> deliveries(Actor actor, long endpointId, Integer limit) {
    return deliveries.recent(find(actor, endpointId).id(), pageSize(limit));
  }

  @Override
  public List<WebhookAttempt> attempts(Actor actor, long endpointId, Integer limit) {
    return deliveries.attempts(find(actor, endpointId).id(), pageSize(limit));
  }

  private static int pageSize(Integer limit) {
    int size = limit == null ? DEFAULT_DELIVERIES_PER_PAGE : limit;
    if (size < 1 || size > MAX_DELIVERIES_PER_PAGE) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "limit must be between 1 and " + MAX_DELIVERIES_PER_PAGE,
          Map.of("field", "limit"));
    }
    return size;
  }

  @Override
  public WebhookDelivery redeliver(Actor actor, long endpointId, String eventId) {
    Validation.required(eventId, "eventId");
    return tx.inTransaction(
        () -> {
          WebhookEndpoint e = find(actor, endpointId);
          DomainEvent event =
              outbox
                  .find(eventId)
                  .filter(ev -> e.seller() == null || e.seller().equals(ev.sellerId()))
                  .filter(ev -> ev.visibleTo(actor))
                  .orElseThrow(() -> Access.notFound("event " + eventId));
          return deliveries.add(List.of(WebhookDelivery.of(e.id(), event, now()))).get(0);
        });
  }
}
