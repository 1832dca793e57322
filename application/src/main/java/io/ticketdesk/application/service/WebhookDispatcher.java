package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.DispatchWebhooksUseCase;
import io.ticketdesk.application.port.out.Outbox;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.application.port.out.WebhookDeliveries;
import io.ticketdesk.application.port.out.WebhookEndpoints;
import io.ticketdesk.application.port.out.WebhookSender;
import io.ticketdesk.domain.AttemptResult;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.EventBody;
import io.ticketdesk.domain.WebhookDelivery;
import io.ticketdesk.domain.WebhookEndpoint;
import io.ticketdesk.domain.WebhookSignature;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Delivers events to webhook endpoints, at least once. The fan-out turns committed events (in feed
 * order) into one delivery per endpoint that takes them, under the fan-out cursor (one instance at
 * a time). Workers lease due deliveries in a short transaction, call the receivers with no
 * transaction or connection held, and store each result in another short transaction, if their
 * lease still holds. Every delivery is retried on its own schedule, so a failing event never holds
 * back the ones after it; receivers order by the ticket's {@code sequence}.
 */
public final class WebhookDispatcher implements DispatchWebhooksUseCase {
  static final int FAN_OUT_BATCH = 500;
  static final int SEQUENCE_BATCH = 1_000;

  private final Outbox outbox;
  private final WebhookEndpoints endpoints;
  private final WebhookDeliveries deliveries;
  private final Transactions tx;
  private final WebhookSender sender;
  private final WebhookSettings settings;
  private final Clock clock;

  WebhookDispatcher(
      Outbox outbox,
      WebhookEndpoints endpoints,
      WebhookDeliveries deliveries,
      Transactions tx,
      WebhookSender sender,
      WebhookSettings settings,
      Clock clock) {
    this.outbox = requireNonNull(outbox, "outbox is null");
    this.endpoints = requireNonNull(endpoints, "endpoints is null");
    this.deliveries = requireNonNull(deliveries, "deliveries is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.sender = requireNonNull(sender, "sender is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public int fanOut() {
    outbox.sequence(SEQUENCE_BATCH);
    return tx.inTransaction(
        () -> {
          OptionalLong cursor = deliveries.lockFanOut();
          if (cursor.isEmpty()) {
            return 0;
          }
          List<DomainEvent> events =
              outbox.feed(Optional.empty(), cursor.getAsLong(), FAN_OUT_BATCH);
          if (events.isEmpty()) {
            return 0;
          }
          List<WebhookEndpoint> all = endpoints.all();
          Instant at = now();
          List<WebhookDelivery> drafts = new ArrayList<>();
          for (DomainEvent e : events) {
            for (WebhookEndpoint endpoint : all) {
              if (endpoint.receives(e) && !e.occurredAt().isBefore(endpoint.createdAt())) {
                drafts.add(WebhookDelivery.of(endpoint.id(), e, at));
              }
            }
          }
          if (!drafts.isEmpty()) {
            deliveries.add(drafts);
          }
          deliveries.advanceFanOut(events.get(events.size() - 1).position());
          return drafts.size();
        });
  }

  @Override
  public int deliverDue() {
    Instant start = now();
    String token = UUID.randomUUID().toString();
    List<WebhookDelivery> claimed =
        deliveries.claim(start, start.plus(settings.lease()), token, settings.batch());
    for (WebhookDelivery d : claimed) {
      attempt(d, token);
    }
    return claimed.size();
  }

  private void attempt(WebhookDelivery d, String token) {
    Optional<WebhookEndpoint> endpoint = endpoints.find(d.endpointId());
    if (endpoint.isEmpty()) {
      return; // deleted meanwhile, with its deliveries
    }
    Optional<DomainEvent> event = outbox.find(d.eventId());
    long began = System.nanoTime();
    AttemptResult result;
    if (event.isEmpty()) {
      result = AttemptResult.failed("the event is no longer kept", 0);
    } else {
      result = send(endpoint.get(), event.get(), began);
    }
    Instant at = now();
    WebhookDelivery after =
        event.isEmpty()
            ? d.abandoned(result, at)
            : d.after(result, settings.retries(), ThreadLocalRandom.current().nextDouble(), at);
    tx.inTransaction(
        () -> {
          if (deliveries.complete(after, token)) {
            endpoints
                .find(d.endpointId())
                .ifPresent(
                    e -> {
                      WebhookEndpoint next = e.afterAttempt(result, settings.disableAfter(), at);
                      if (next != e) {
                        endpoints.update(next);
                      }
                    });
          }
          return null;
        });
  }

  /** One HTTP attempt: no transaction is open here. */
  private AttemptResult send(WebhookEndpoint endpoint, DomainEvent event, long began) {
    URI target = URI.create(endpoint.url());
    Optional<String> refusal = sender.refusal(target);
    if (refusal.isPresent()) {
      return AttemptResult.failed("refused target: " + refusal.get(), 0);
    }
    String body = EventBody.json(event);
    long timestamp = clock.instant().getEpochSecond();
    String signatures =
        endpoint.signingKeys(clock.instant()).stream()
            .map(k -> WebhookSignature.v1(k, event.id(), timestamp, body))
            .collect(Collectors.joining(" "));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", event.id());
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", signatures);
    headers.put("content-type", "application/json");
    AttemptResult r = sender.post(target, headers, body);
    return r.durationMillis() > 0
        ? r
        : new AttemptResult(r.statusCode(), r.error(), (System.nanoTime() - began) / 1_000_000);
  }
}
