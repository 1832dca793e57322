package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.DispatchWebhooksUseCase;
import io.ticketdesk.application.port.out.Outbox;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.application.port.out.WebhookDeliveries;
import io.ticketdesk.application.port.out.WebhookEndpoints;
import io.ticketdesk.application.port.out.WebhookSender;
import io.ticketdesk.application.service.DeliveryAttempts.Attempted;
import io.ticketdesk.domain.AttemptResult;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.WebhookDelivery;
import io.ticketdesk.domain.WebhookEndpoint;
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
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Delivers events to webhook endpoints, at least once. The fan-out turns committed events (in feed
 * order) into one delivery per endpoint that takes them, under the fan-out cursor (one instance at
 * a time). The instance that fans events out leases their range of the feed and attempts their
 * deliveries before storing them: a delivery's row is written once, with its first attempt; if the
 * instance dies first, another takes the range over when the lease runs out and fans it out again
 * (a receiver may then get an event twice, as with any retry). Workers lease due deliveries (the
 * retries) in a short transaction, call the receivers with no transaction or connection held, and
 * store each result in another short transaction, if their lease still holds. Every delivery is
 * retried on its own schedule, so a failing event never holds back the ones after it; receivers
 * order by the ticket's {@code sequence}.
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
  private final DeliveryAttempts attempts;
  private final Queue<Handoff> handoff = new ConcurrentLinkedQueue<>();
  private volatile Instant nextRangeCheck = Instant.EPOCH;

  /**
   * A leased range of the feed whose deliveries ({@code drafts}, not stored yet) this instance's
   * workers attempt, with what their attempts need.
   */
  private record Handoff(
      String token,
      Instant leasedAt,
      List<WebhookDelivery> drafts,
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
    this.attempts = new DeliveryAttempts(sender, settings, clock);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Full when the sequencer or the fan-out took a full batch: more events may be waiting. With
   * {@code handOff} the events are leased to this instance in ranges of at most a batch of
   * deliveries to active endpoints, while its queue of such ranges has room, and its workers take
   * them from there ({@link #deliverDue}): no row is stored for those deliveries until their first
   * attempt was made, no claim and no second read of their events. The rest (and deliveries to
   * paused endpoints) are stored pending and wait for a claim.
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
              List<WebhookDelivery> others = new ArrayList<>();
              List<Handoff> leased = new ArrayList<>();
              int room = handOff ? HANDOFF_LIMIT - handoff.size() : 0;
              int made = 0;
              // The events cut into ranges of at most a batch of deliveries to active endpoints:
              // a range leased to this instance while its queue has room, the rest stored pending.
              long rangeAfter = cursor.getAsLong();
              List<WebhookDelivery> range = new ArrayList<>();
              for (int i = 0; i < events.size(); i++) {
                DomainEvent e = events.get(i);
                for (WebhookEndpoint endpoint : all) {
                  if (takes(endpoint, e)) {
                    made++;
                    WebhookDelivery draft = WebhookDelivery.of(endpoint.id(), e, at);
                    (endpoint.status() == WebhookEndpoint.Status.ACTIVE ? range : others)
                        .add(draft);
                  }
                }
                boolean last = i == events.size() - 1;
                if (last || range.size() + all.size() > settings.batch()) {
                  long upTo = e.position();
                  if (leased.size() < room && !range.isEmpty()) {
                    String token = UUID.randomUUID().toString();
                    deliveries.leaseFanOut(token, rangeAfter, upTo, at.plus(settings.lease()));
                    leased.add(new Handoff(token, at, List.copyOf(range), events, all));
                  } else {
                    others.addAll(range);
                  }
                  range.clear();
                  rangeAfter = upTo;
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
   * One batch: a range this instance's fan-out leased to it, or else due deliveries leased now in
   * one statement with their endpoints and events read once, or else a range whose lease ran out.
   * Then the attempts are sent concurrently (the sender bounds how many are in flight; one ticket's
   * in sequence order), and all results stored in one transaction. Full while more leased ranges
   * wait, or when the claim was full.
   */
  @Override
  public Step deliverDue() {
    Handoff mine = handoff.poll();
    if (mine != null) {
      attempt(mine);
      return new Step(mine.drafts().size(), !handoff.isEmpty());
    }
    Instant start = now();
    String token = UUID.randomUUID().toString();
    List<WebhookDelivery> claimed =
        deliveries.claim(start, start.plus(settings.lease()), token, settings.batch());
    if (claimed.isEmpty()) {
      return takeOverRange(start);
    }
    Map<Long, Optional<WebhookEndpoint>> targets = new HashMap<>();
    for (WebhookDelivery d : claimed) {
      targets.computeIfAbsent(d.endpointId(), endpoints::find);
    }
    Map<String, DomainEvent> events =
        outbox.findAll(claimed.stream().map(WebhookDelivery::eventId).toList());
    List<Attempted> done = attempts.make(claimed, start, targets, events);
    tx.inTransaction(
        () -> {
          Map<Long, AttemptResult> resultOf = new HashMap<>();
          done.forEach(a -> resultOf.put(a.after().id(), a.result()));
          List<Attempted> stored = new ArrayList<>();
          for (WebhookDelivery d : deliveries.completeAll(after(done), token)) {
            stored.add(new Attempted(d, resultOf.get(d.id())));
          }
          recordOutcomes(stored);
          return null;
        });
    return new Step(claimed.size(), claimed.size() == settings.batch());
  }

  /**
   * A range of the feed another instance leased and did not store (it died, or ran past its lease):
   * fanned out again to the active endpoints that take its events, and attempted. At most once a
   * second per instance, when there is nothing else to do.
   */
  private Step takeOverRange(Instant now) {
    if (now.isBefore(nextRangeCheck)) {
      return Step.NONE;
    }
    nextRangeCheck = now.plusSeconds(1);
    String token = UUID.randomUUID().toString();
    Optional<WebhookDeliveries.FanOutLease> range =
        deliveries.claimFanOutLease(now, now.plus(settings.lease()), token);
    if (range.isEmpty()) {
      return Step.NONE;
    }
    long after = range.get().after();
    List<DomainEvent> events = new ArrayList<>();
    while (true) {
      List<DomainEvent> page = outbox.feed(Optional.empty(), after, FAN_OUT_BATCH);
      for (DomainEvent e : page) {
        if (e.position() <= range.get().upTo()) {
          events.add(e);
        }
      }
      if (page.size() < FAN_OUT_BATCH
          || page.get(page.size() - 1).position() >= range.get().upTo()) {
        break;
      }
      after = page.get(page.size() - 1).position();
    }
    List<WebhookEndpoint> all =
        endpoints.all().stream().filter(e -> e.status() == WebhookEndpoint.Status.ACTIVE).toList();
    List<WebhookDelivery> drafts = new ArrayList<>();
    for (DomainEvent e : events) {
      for (WebhookEndpoint endpoint : all) {
        if (takes(endpoint, e)) {
          drafts.add(WebhookDelivery.of(endpoint.id(), e, now));
        }
      }
    }
    Handoff taken = new Handoff(token, now, drafts, events, all);
    attempt(taken);
    return new Step(drafts.size(), true);
  }

  private static boolean takes(WebhookEndpoint endpoint, DomainEvent e) {
    return endpoint.receives(e) && !e.occurredAt().isBefore(endpoint.createdAt());
  }

  /** A leased range's deliveries attempted, then stored with their attempts, the lease ended. */
  private void attempt(Handoff range) {
    Map<Long, Optional<WebhookEndpoint>> targets = new HashMap<>();
    range.endpoints().forEach(e -> targets.put(e.id(), Optional.of(e)));
    Map<String, DomainEvent> events = new HashMap<>();
    range.events().forEach(e -> events.put(e.id(), e));
    List<Attempted> done = attempts.make(range.drafts(), range.leasedAt(), targets, events);
    tx.inTransaction(
        () -> {
          // One delivery per endpoint and event in a range.
          Map<String, AttemptResult> resultOf = new HashMap<>();
          done.forEach(
              a -> resultOf.put(a.after().endpointId() + "/" + a.after().eventId(), a.result()));
          List<Attempted> stored = new ArrayList<>();
          for (WebhookDelivery d : deliveries.addAttempted(after(done), range.token())) {
            stored.add(new Attempted(d, resultOf.get(d.endpointId() + "/" + d.eventId())));
          }
          recordOutcomes(stored);
          return null;
        });
  }

  private static List<WebhookDelivery> after(List<Attempted> done) {
    return done.stream().map(Attempted::after).toList();
  }

  /** Each endpoint's state after these stored attempts, in order (e.g. disabled after a 410). */
  private void recordOutcomes(List<Attempted> stored) {
    Map<Long, List<Attempted>> byEndpoint = new LinkedHashMap<>();
    for (Attempted a : stored) {
      byEndpoint.computeIfAbsent(a.after().endpointId(), id -> new ArrayList<>()).add(a);
    }
    byEndpoint.forEach(this::recordOutcomes);
  }

  private void recordOutcomes(long endpointId, List<Attempted> stored) {
    endpoints
        .find(endpointId)
        .ifPresent(
            e -> {
              WebhookEndpoint next = e;
              for (Attempted a : stored) {
                next =
                    next.afterAttempt(
                        a.result(), settings.disableAfter(), a.after().lastAttemptAt());
              }
              if (next != e) {
                endpoints.update(next);
              }
            });
  }
}
