package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.AttemptResult;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Sends signed event bodies to receivers over HTTP (the outgoing webhook client). */
public interface WebhookSender {
  /**
   * Why {@code target} may not receive webhooks (e.g. it resolves to a private or loopback address
   * and the operator does not allow that), or empty when it may. Checked when an endpoint is
   * registered and again before every attempt.
   */
  Optional<String> refusal(URI target);

  /** POSTs {@code body} as JSON with {@code headers}; the receiver's failures are results. */
  AttemptResult post(URI target, Map<String, String> headers, String body);

  /**
   * {@link #post} without waiting for the answer, so that a worker has a batch of deliveries in
   * flight at once (the sender bounds how many); the future completes with the result, never
   * exceptionally. By default the post is made at once, on the caller's thread.
   */
  default CompletableFuture<AttemptResult> postAsync(
      URI target, Map<String, String> headers, String body) {
    return CompletableFuture.completedFuture(post(target, headers, body));
  }

  /** No webhooks are sent: every target is refused. */
  static WebhookSender none() {
    return new WebhookSender() {
      @Override
      public Optional<String> refusal(URI target) {
        return Optional.of("this installation sends no webhooks (no webhook client configured)");
      }

      @Override
      public AttemptResult post(URI target, Map<String, String> headers, String body) {
        return AttemptResult.failed("this installation sends no webhooks", 0);
      }
    };
  }
}
