package io.ticketdesk.adapters.http;

import io.ticketdesk.application.port.in.ManageWebhooksUseCase;
import io.ticketdesk.domain.EventType;
import io.ticketdesk.domain.WebhookAttempt;
import io.ticketdesk.domain.WebhookDelivery;
import io.ticketdesk.domain.WebhookEndpoint;
import java.time.Instant;
import java.util.List;

/** Webhook endpoints and deliveries as JSON; the signing secret only where it is shown once. */
final class WebhookJson {
  private WebhookJson() {}

  /** {@code POST /webhook-endpoints}. */
  record Registration(String url, List<String> events, Long sellerId) {}

  /** {@code PATCH /webhook-endpoints/{id}}: what is given changes. */
  record Change(String url, List<String> events, String status) {}

  /** {@code POST /webhook-endpoints/{id}/deliveries}. */
  record Redelivery(String eventId) {}

  record Endpoint(
      long endpointId,
      String url,
      List<String> events,
      Long sellerId,
      String status,
      String disabledReason,
      Instant createdAt,
      Instant updatedAt) {
    static Endpoint of(WebhookEndpoint e) {
      return new Endpoint(
          e.id(),
          e.url(),
          types(e),
          e.seller() == null ? null : e.seller().value(),
          e.status().wire(),
          e.disabledReason(),
          e.createdAt(),
          e.updatedAt());
    }
  }

  record EndpointWithSecret(
      long endpointId,
      String url,
      List<String> events,
      Long sellerId,
      String status,
      String disabledReason,
      Instant createdAt,
      Instant updatedAt,
      String secret,
      Instant previousSecretValidUntil) {
    static EndpointWithSecret of(ManageWebhooksUseCase.WithSecret w) {
      WebhookEndpoint e = w.endpoint();
      return new EndpointWithSecret(
          e.id(),
          e.url(),
          types(e),
          e.seller() == null ? null : e.seller().value(),
          e.status().wire(),
          e.disabledReason(),
          e.createdAt(),
          e.updatedAt(),
          w.secret(),
          w.previousSecretValidUntil());
    }
  }

  record Delivery(
      long deliveryId,
      String eventId,
      String ticketNumber,
      long sequence,
      String status,
      int attempts,
      Instant nextAttemptAt,
      Instant lastAttemptAt,
      Integer lastStatusCode,
      String lastError,
      Long lastDurationMs,
      Instant createdAt) {
    static Delivery of(WebhookDelivery d) {
      return new Delivery(
          d.id(),
          d.eventId(),
          d.ticketNumber().value(),
          d.sequence(),
          d.status().wire(),
          d.attempts(),
          d.nextAttemptAt(),
          d.lastAttemptAt(),
          d.lastStatusCode(),
          d.lastError(),
          d.lastDurationMillis(),
          d.createdAt());
    }
  }

  /** One attempt of a delivery. */
  record Attempt(
      long deliveryId,
      String eventId,
      int attempt,
      Instant attemptedAt,
      Integer statusCode,
      String error,
      long durationMs,
      String outcome) {
    static Attempt of(WebhookAttempt a) {
      return new Attempt(
          a.deliveryId(),
          a.eventId(),
          a.attempt(),
          a.attemptedAt(),
          a.statusCode(),
          a.error(),
          a.durationMillis(),
          a.outcome().wire());
    }
  }

  private static List<String> types(WebhookEndpoint e) {
    return e.types().stream().map(EventType::wire).sorted().toList();
  }
}
