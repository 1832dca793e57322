package io.ticketdesk.adapters.memory;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.WebhookDeliveries;
import io.ticketdesk.application.port.out.WebhookEndpoints;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.WebhookAttempt;
import io.ticketdesk.domain.WebhookDelivery;
import io.ticketdesk.domain.WebhookEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Webhook endpoints and deliveries in memory, under the store's lock, rolled back with it. */
final class InMemoryWebhooks {
  private final Object lock;
  private final Map<Long, WebhookEndpoint> endpointsById = new LinkedHashMap<>();
  private final Map<Long, WebhookDelivery> deliveries = new LinkedHashMap<>();

  /** Every attempt recorded, oldest first; removed with their endpoint. */
  private final List<WebhookAttempt> attempts = new ArrayList<>();

  private final Map<Long, Lease> leases = new LinkedHashMap<>();

  /** Leased ranges of the feed not stored as deliveries yet, by token. */
  private final Map<String, RangeLease> ranges = new LinkedHashMap<>();

  private long fanOutPosition;
  private long endpointSeq;
  private long deliverySeq;

  private record Lease(String token, Instant until) {}

  private record RangeLease(long after, long upTo, Instant until) {}

  InMemoryWebhooks(Object lock) {
    this.lock = requireNonNull(lock, "lock is null");
  }

  final WebhookEndpoints endpointPort =
      new WebhookEndpoints() {
        @Override
        public WebhookEndpoint add(WebhookEndpoint d) {
          synchronized (lock) {
            WebhookEndpoint e =
                new WebhookEndpoint(
                    ++endpointSeq,
                    d.owner(),
                    d.seller(),
                    d.url(),
                    d.types(),
                    d.status(),
                    d.disabledReason(),
                    d.key(),
                    d.previousKey(),
                    d.previousKeyUntil(),
                    d.failingSince(),
                    d.createdAt(),
                    d.updatedAt());
            endpointsById.put(e.id(), e);
            return e;
          }
        }

        @Override
        public Optional<WebhookEndpoint> find(long id) {
          synchronized (lock) {
            return Optional.ofNullable(endpointsById.get(id));
          }
        }

        @Override
        public List<WebhookEndpoint> owned(Optional<SellerId> owner) {
          synchronized (lock) {
            return endpointsById.values().stream()
                .filter(e -> Objects.equals(e.owner(), owner.orElse(null)))
                .toList();
          }
        }

        @Override
        public List<WebhookEndpoint> all() {
          synchronized (lock) {
            return List.copyOf(endpointsById.values());
          }
        }

        @Override
        public boolean update(WebhookEndpoint e) {
          synchronized (lock) {
            return endpointsById.replace(e.id(), e) != null;
          }
        }

        @Override
        public boolean delete(long id) {
          synchronized (lock) {
            deliveries.values().removeIf(d -> d.endpointId() == id);
            attempts.removeIf(a -> a.endpointId() == id);
            return endpointsById.remove(id) != null;
          }
        }
      };

  final WebhookDeliveries deliveryPort =
      new WebhookDeliveries() {
        @Override
        public OptionalLong lockFanOut() {
          synchronized (lock) {
            return OptionalLong.of(fanOutPosition);
          }
        }

        @Override
        public void advanceFanOut(long position) {
          synchronized (lock) {
            fanOutPosition = position;
          }
        }

        @Override
        public List<WebhookDelivery> add(List<WebhookDelivery> drafts) {
          return store(drafts, null);
        }

        @Override
        public void leaseFanOut(String token, long after, long upTo, Instant until) {
          requireNonNull(token, "token is null");
          requireNonNull(until, "until is null");
          synchronized (lock) {
            ranges.put(token, new RangeLease(after, upTo, until));
          }
        }

        @Override
        public Optional<FanOutLease> claimFanOutLease(Instant now, Instant until, String token) {
          synchronized (lock) {
            Optional<Map.Entry<String, RangeLease>> out =
                ranges.entrySet().stream()
                    .filter(r -> r.getValue().until().isBefore(now))
                    .min(Comparator.comparingLong(r -> r.getValue().after()));
            out.ifPresent(
                r -> {
                  ranges.remove(r.getKey());
                  ranges.put(
                      token, new RangeLease(r.getValue().after(), r.getValue().upTo(), until));
                });
            return out.map(r -> new FanOutLease(r.getValue().after(), r.getValue().upTo()));
          }
        }

        @Override
        public List<WebhookDelivery> addAttempted(List<WebhookDelivery> attempted, String token) {
          requireNonNull(attempted, "attempted is null");
          synchronized (lock) {
            if (ranges.remove(token) == null) {
              return List.of();
            }
            List<WebhookDelivery> added =
                store(
                    attempted.stream()
                        .filter(d -> endpointsById.containsKey(d.endpointId()))
                        .toList(),
                    null);
            added.forEach(d -> attempts.add(WebhookAttempt.of(d)));
            return added;
          }
        }

        private List<WebhookDelivery> store(List<WebhookDelivery> drafts, Lease lease) {
          synchronized (lock) {
            List<WebhookDelivery> added = new ArrayList<>();
            for (WebhookDelivery d : drafts) {
              WebhookDelivery stored = withId(d, ++deliverySeq);
              deliveries.put(stored.id(), stored);
              if (lease != null) {
                leases.put(stored.id(), lease);
              }
              added.add(stored);
            }
            return added;
          }
        }

        @Override
        public List<WebhookDelivery> claim(Instant now, Instant until, String token, int limit) {
          synchronized (lock) {
            List<WebhookDelivery> due =
                deliveries.values().stream()
                    .filter(d -> d.status() == WebhookDelivery.Status.PENDING)
                    .filter(d -> !d.nextAttemptAt().isAfter(now))
                    .filter(
                        d -> {
                          WebhookEndpoint e = endpointsById.get(d.endpointId());
                          return e != null && e.status() == WebhookEndpoint.Status.ACTIVE;
                        })
                    .filter(
                        d -> {
                          Lease l = leases.get(d.id());
                          return l == null || l.until().isBefore(now);
                        })
                    .sorted(
                        Comparator.comparing(WebhookDelivery::nextAttemptAt)
                            .thenComparingLong(WebhookDelivery::id))
                    .limit(limit)
                    .toList();
            due.forEach(d -> leases.put(d.id(), new Lease(token, until)));
            return due;
          }
        }

        @Override
        public List<WebhookDelivery> completeAll(List<WebhookDelivery> after, String token) {
          synchronized (lock) {
            List<WebhookDelivery> stored = new ArrayList<>();
            for (WebhookDelivery d : after) {
              Lease l = leases.get(d.id());
              if (l == null || !l.token().equals(token) || !deliveries.containsKey(d.id())) {
                continue;
              }
              leases.remove(d.id());
              deliveries.put(d.id(), d);
              attempts.add(WebhookAttempt.of(d));
              stored.add(d);
            }
            return stored;
          }
        }

        @Override
        public List<WebhookDelivery> recent(long endpointId, int limit) {
          synchronized (lock) {
            return deliveries.values().stream()
                .filter(d -> d.endpointId() == endpointId)
                .sorted(Comparator.comparingLong(WebhookDelivery::id).reversed())
                .limit(limit)
                .toList();
          }
        }

        @Override
        public List<WebhookAttempt> attempts(long endpointId, int limit) {
          synchronized (lock) {
            return attempts.stream()
                .filter(a -> a.endpointId() == endpointId)
                .sorted(
                    Comparator.comparing(WebhookAttempt::attemptedAt)
                        .thenComparingLong(WebhookAttempt::deliveryId)
                        .thenComparingInt(WebhookAttempt::attempt)
                        .reversed())
                .limit(limit)
                .toList();
          }
        }

        @Override
        public Optional<WebhookDelivery> find(long deliveryId) {
          synchronized (lock) {
            return Optional.ofNullable(deliveries.get(deliveryId));
          }
        }
      };

  static WebhookDelivery withId(WebhookDelivery d, long id) {
    return new WebhookDelivery(
        id,
        d.endpointId(),
        d.eventId(),
        d.sellerId(),
        d.ticketNumber(),
        d.sequence(),
        d.status(),
        d.attempts(),
        d.nextAttemptAt(),
        d.lastAttemptAt(),
        d.lastStatusCode(),
        d.lastError(),
        d.lastDurationMillis(),
        d.createdAt());
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return endpointsById.values()
          + " "
          + deliveries.values()
          + " "
          + attempts
          + " "
          + fanOutPosition;
    }
  }

  /** The state to restore when a transaction rolls back (not the id counters). */
  Runnable snapshot() {
    Map<Long, WebhookEndpoint> e = new LinkedHashMap<>(endpointsById);
    Map<Long, WebhookDelivery> d = new LinkedHashMap<>(deliveries);
    Map<Long, Lease> l = new LinkedHashMap<>(leases);
    Map<String, RangeLease> r = new LinkedHashMap<>(ranges);
    List<WebhookAttempt> a = new ArrayList<>(attempts);
    long position = fanOutPosition;
    return () -> {
      attempts.clear();
      attempts.addAll(a);
      endpointsById.clear();
      endpointsById.putAll(e);
      deliveries.clear();
      deliveries.putAll(d);
      leases.clear();
      leases.putAll(l);
      ranges.clear();
      ranges.putAll(r);
      fanOutPosition = position;
    };
  }
}
