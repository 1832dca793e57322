package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The HTTP attempts of a batch of deliveries for {@link WebhookDispatcher}: signed by the Standard
 * Webhooks convention, sent concurrently, one ticket's to one endpoint in sequence order, with no
 * transaction open; each delivery comes back as it is after its attempt.
 */
final class DeliveryAttempts {
  private final WebhookSender sender;
  private final WebhookSettings settings;
  private final Clock clock;

  /** A delivery after an attempt, with the attempt's result. */
  record Attempted(WebhookDelivery after, AttemptResult result) {}

  DeliveryAttempts(WebhookSender sender, WebhookSettings settings, Clock clock) {
    this.sender = requireNonNull(sender, "sender is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Sends the deliveries concurrently (the sender bounds how many are in flight; one ticket's in
   * sequence order) and returns each as it is after its attempt, with the result; those whose
   * endpoint was deleted meanwhile are left out.
   */
  List<Attempted> make(
      List<WebhookDelivery> claimed,
      Instant leasedAt,
      Map<Long, Optional<WebhookEndpoint>> targets,
      Map<String, DomainEvent> events) {
    // Attempts not begun by half the lease are not made (a slow receiver's chain of one ticket's
    // events): the lease must hold until the results are stored, or another worker sends them too.
    Instant stopBy = leasedAt.plus(settings.lease().dividedBy(2));
    Map<Long, Optional<String>> refusals = new HashMap<>();
    List<WebhookDelivery> attempted = new ArrayList<>();
    List<CompletableFuture<AttemptResult>> results = new ArrayList<>();
    Map<String, CompletableFuture<AttemptResult>> lastOfTicket = new HashMap<>();
    for (WebhookDelivery d : claimed) {
      Optional<WebhookEndpoint> endpoint = targets.getOrDefault(d.endpointId(), Optional.empty());
      if (endpoint.isEmpty()) {
        continue; // deleted meanwhile, with its deliveries
      }
      DomainEvent event = events.get(d.eventId());
      attempted.add(d);
      if (event == null) {
        results.add(
            CompletableFuture.completedFuture(
                AttemptResult.failed("the event is no longer kept", 0)));
        continue;
      }
      Optional<String> refusal =
          refusals.computeIfAbsent(
              d.endpointId(), id -> sender.refusal(URI.create(endpoint.get().url())));
      if (refusal.isPresent()) {
        results.add(
            CompletableFuture.completedFuture(
                AttemptResult.failed("refused target: " + refusal.get(), 0)));
        continue;
      }
      // One ticket's events go to one endpoint one after the other (whatever the previous one's
      // result), so they arrive in sequence order; different tickets' go at once.
      String ticket = d.endpointId() + "/" + d.sellerId().value() + "/" + d.ticketNumber().value();
      CompletableFuture<AttemptResult> previous = lastOfTicket.get(ticket);
      CompletableFuture<AttemptResult> sent =
          previous == null
              ? send(endpoint.get(), event, stopBy)
              : previous.thenCompose(r -> send(endpoint.get(), event, stopBy));
      lastOfTicket.put(ticket, sent);
      results.add(sent);
    }
    List<Attempted> done = new ArrayList<>(attempted.size());
    for (int i = 0; i < attempted.size(); i++) {
      WebhookDelivery d = attempted.get(i);
      AttemptResult result;
      try {
        result = results.get(i).join();
      } catch (CompletionException e) {
        result = AttemptResult.failed("not sent: " + e.getCause().getClass().getSimpleName(), 0);
      }
      Instant at = now();
      done.add(
          new Attempted(
              events.containsKey(d.eventId())
                  ? d.after(
                      result, settings.retries(), ThreadLocalRandom.current().nextDouble(), at)
                  : d.abandoned(result, at),
              result));
    }
    return done;
  }

  /** One HTTP attempt, signed now: no transaction is open here. */
  private CompletableFuture<AttemptResult> send(
      WebhookEndpoint endpoint, DomainEvent event, Instant stopBy) {
    if (clock.instant().isAfter(stopBy)) {
      return CompletableFuture.completedFuture(
          AttemptResult.failed("not sent: the worker's batch ran past half its lease", 0));
    }
    long began = System.nanoTime();
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
    return sender
        .postAsync(URI.create(endpoint.url()), headers, body)
        .thenApply(
            r ->
                r.durationMillis() > 0
                    ? r
                    : new AttemptResult(
                        r.statusCode(), r.error(), (System.nanoTime() - began) / 1_000_000));
  }
}
