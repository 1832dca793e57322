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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
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

  /**
   * At most this many batches leased at fan-out wait for this instance's workers; beyond that the
   * fan-out leaves deliveries to the claims (e.g. while a slow receiver keeps the workers busy).
   */
  static final int HANDOFF_LIMIT = 8;

  private final Outbox outbox;
  private final WebhookEndpoints endpoints;
  private final WebhookDeliveries deliveries;
  private final Transactions tx;
  private final WebhookSender sender;
  private final WebhookSettings settings;
  private final Clock clock;
  private final Queue<Handoff> handoff = new ConcurrentLinkedQueue<>();

  /** Deliveries leased to this instance as they were stored, with what their attempts need. */
  private record Handoff(
      String token,
      Instant leasedAt,
      List<WebhookDelivery> deliveries,
      List<DomainEvent> events,
      List<WebhookEndpoint> endpoints) {}

  private record FanOut(Step step, List<Handoff> leased) {
    static final FanOut NONE = new FanOut(Step.NONE, List.of());
  }

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

  /**
   * Full when the sequencer or the fan-out took a full batch: more events may be waiting. With
   * {@code handOff} the new deliveries to active endpoints are stored already leased to this
   * instance, in batches, while its queue of such batches has room, and its workers take them from
   * there ({@link #deliverDue}): no claim and no second read of their events. The rest wait for a
   * claim.
   */
  @Override
  public Step fanOut(boolean handOff) {
    boolean placedFull = outbox.sequence(SEQUENCE_BATCH) == SEQUENCE_BATCH;
    FanOut result =
        tx.inTransaction(
            () -> {
              OptionalLong cursor = deliveries.lockFanOut();
              if (cursor.isEmpty()) {
                return FanOut.NONE; // another instance is fanning out
              }
              List<DomainEvent> events =
                  outbox.feed(Optional.empty(), cursor.getAsLong(), FAN_OUT_BATCH);
              if (events.isEmpty()) {
                return new FanOut(new Step(0, placedFull), List.of());
              }
              List<WebhookEndpoint> all = endpoints.all();
              Instant at = now();
              List<WebhookDelivery> toActive = new ArrayList<>();
              List<WebhookDelivery> others = new ArrayList<>();
              for (DomainEvent e : events) {
                for (WebhookEndpoint endpoint : all) {
                  if (endpoint.receives(e) && !e.occurredAt().isBefore(endpoint.createdAt())) {
                    WebhookDelivery draft = WebhookDelivery.of(endpoint.id(), e, at);
                    (endpoint.status() == WebhookEndpoint.Status.ACTIVE ? toActive : others)
                        .add(draft);
                  }
                }
              }
              int made = toActive.size() + others.size();
              List<Handoff> leased = new ArrayList<>();
              int room = handOff ? HANDOFF_LIMIT - handoff.size() : 0;
              for (int from = 0; from < toActive.size(); from += settings.batch()) {
                List<WebhookDelivery> chunk =
                    toActive.subList(from, Math.min(toActive.size(), from + settings.batch()));
                if (leased.size() < room) {
                  String token = UUID.randomUUID().toString();
                  leased.add(
                      new Handoff(
                          token,
                          at,
                          deliveries.addLeased(chunk, token, at.plus(settings.lease())),
                          events,
                          all));
                } else {
                  others.addAll(chunk);
                }
              }
              if (!others.isEmpty()) {
                deliveries.add(others);
              }
              deliveries.advanceFanOut(events.get(events.size() - 1).position());
              return new FanOut(
                  new Step(made, placedFull || events.size() == FAN_OUT_BATCH), leased);
            });
    handoff.addAll(result.leased()); // committed: this instance's workers may attempt them now
    return result.step();
  }

  /**
   * One batch: a batch this instance's fan-out leased to it, or else one leased now in one
   * statement with its endpoints and events read once. Then the attempts are sent concurrently (the
   * sender bounds how many are in flight; one ticket's in sequence order), and all results stored
   * in one transaction. Full while more leased batches wait, or when the claim was full.
   */
  @Override
  public Step deliverDue() {
    Handoff mine = handoff.poll();
    if (mine != null) {
      Map<Long, Optional<WebhookEndpoint>> targets = new HashMap<>();
      mine.endpoints().forEach(e -> targets.put(e.id(), Optional.of(e)));
      Map<String, DomainEvent> events = new HashMap<>();
      mine.events().forEach(e -> events.put(e.id(), e));
      attempt(mine.deliveries(), mine.token(), mine.leasedAt(), targets, events);
      return new Step(mine.deliveries().size(), !handoff.isEmpty());
    }
    Instant start = now();
    String token = UUID.randomUUID().toString();
    List<WebhookDelivery> claimed =
        deliveries.claim(start, start.plus(settings.lease()), token, settings.batch());
    if (claimed.isEmpty()) {
      return Step.NONE;
    }
    Map<Long, Optional<WebhookEndpoint>> targets = new HashMap<>();
    for (WebhookDelivery d : claimed) {
      targets.computeIfAbsent(d.endpointId(), endpoints::find);
    }
    Map<String, DomainEvent> events =
        outbox.findAll(claimed.stream().map(WebhookDelivery::eventId).toList());
    attempt(claimed, token, start, targets, events);
    return new Step(claimed.size(), claimed.size() == settings.batch());
  }

  private void attempt(
      List<WebhookDelivery> claimed,
      String token,
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
    List<WebhookDelivery> after = new ArrayList<>(attempted.size());
    Map<Long, AttemptResult> resultOf = new HashMap<>();
    for (int i = 0; i < attempted.size(); i++) {
      WebhookDelivery d = attempted.get(i);
      AttemptResult result;
      try {
        result = results.get(i).join();
      } catch (CompletionException e) {
        result = AttemptResult.failed("not sent: " + e.getCause().getClass().getSimpleName(), 0);
      }
      resultOf.put(d.id(), result);
      Instant at = now();
      after.add(
          events.containsKey(d.eventId())
              ? d.after(result, settings.retries(), ThreadLocalRandom.current().nextDouble(), at)
              : d.abandoned(result, at));
    }
    tx.inTransaction(
        () -> {
          Map<Long, List<WebhookDelivery>> byEndpoint = new LinkedHashMap<>();
          for (WebhookDelivery d : deliveries.completeAll(after, token)) {
            byEndpoint.computeIfAbsent(d.endpointId(), id -> new ArrayList<>()).add(d);
          }
          byEndpoint.forEach((id, stored) -> recordOutcomes(id, stored, resultOf));
          return null;
        });
  }

  /** The endpoint's state after these attempts, in order (e.g. disabled after a 410). */
  private void recordOutcomes(
      long endpointId, List<WebhookDelivery> stored, Map<Long, AttemptResult> resultOf) {
    endpoints
        .find(endpointId)
        .ifPresent(
            e -> {
              WebhookEndpoint next = e;
              for (WebhookDelivery d : stored) {
                next =
                    next.afterAttempt(
                        resultOf.get(d.id()), settings.disableAfter(), d.lastAttemptAt());
              }
              if (next != e) {
                endpoints.update(next);
              }
            });
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
