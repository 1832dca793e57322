package io.ticketdesk.adapters.memory;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.AccessTokens;
import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.ExchangeRates;
import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.application.port.out.Leases;
import io.ticketdesk.application.port.out.Ledger;
import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.ResponseTimes;
import io.ticketdesk.application.port.out.ReturnLabels;
import io.ticketdesk.application.port.out.ReturnPolicyOutcomes;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.application.port.out.Sessions;
import io.ticketdesk.application.port.out.Store;
import io.ticketdesk.application.port.out.SystemState;
import io.ticketdesk.application.port.out.TextModules;
import io.ticketdesk.application.port.out.TicketQuery;
import io.ticketdesk.application.port.out.TicketSort;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.DailyRate;
import io.ticketdesk.domain.FirstResponse;
import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.ReturnLabel;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.ReturnPolicyOutcome;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.SystemEvent;
import io.ticketdesk.domain.TextModule;
import io.ticketdesk.domain.TextModuleBody;
import io.ticketdesk.domain.TextModuleId;
import io.ticketdesk.domain.TextModuleReturnOption;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.UnitState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * In-memory adapters of every outgoing port, for tests and for embedding without a database. One
 * lock serialises all work, so {@link #transactions()} is trivially atomic.
 */
public final class InMemoryStore implements Store {
  private final Object lock = new Object();
  private final Map<Long, Seller> sellers = new LinkedHashMap<>();
  private final Map<String, Actor> tokens = new LinkedHashMap<>();
  private final Set<String> revokedTokens = new java.util.HashSet<>();
  private final Map<String, Order> orders = new LinkedHashMap<>();
  private final Map<String, Ticket> tickets = new LinkedHashMap<>();
  private final List<Message> messages = new ArrayList<>();
  private final Map<String, String> state = new LinkedHashMap<>();
  private final Map<Long, TextModule> textModules = new LinkedHashMap<>();
  private long textModuleSeq;
  private final List<LedgerEntry> ledger = new ArrayList<>();
  private final Map<IdempotencyKeys.Key, IdempotencyKeys.Use> keys = new LinkedHashMap<>();
  private final Map<Long, ReturnLabel> labels = new LinkedHashMap<>();
  private final Map<String, ReturnPolicyOutcome> outcomes = new LinkedHashMap<>();
  private final Map<String, Sessions.Session> sessions = new LinkedHashMap<>();
  private final Map<String, java.util.TreeMap<java.time.LocalDate, DailyRate>> rates =
      new LinkedHashMap<>();
  private final InMemoryOutbox outbox = new InMemoryOutbox(lock);
  private final Map<String, Leases.Lease> leases = new LinkedHashMap<>();
  private final InMemoryWebhooks webhooks = new InMemoryWebhooks(lock);
  private long labelSeq;
  private long sellerSeq;
  private long ticketSeq;
  private long messageSeq;
  private long entrySeq;

  private int transactionDepth;

  /** The outbox of events, rolled back with the transactions. */
  public io.ticketdesk.application.port.out.Outbox outbox() {
    return outbox;
  }

  /** The webhook endpoints, rolled back with the transactions. */
  public io.ticketdesk.application.port.out.WebhookEndpoints webhookEndpoints() {
    return webhooks.endpointPort;
  }

  /** The webhook deliveries, rolled back with the transactions. */
  public io.ticketdesk.application.port.out.WebhookDeliveries webhookDeliveries() {
    return webhooks.deliveryPort;
  }

  /** All-or-nothing work: on any exception the outermost transaction restores the data. */
  public Transactions transactions() {
    return new Transactions() {
      @Override
      public boolean inProgress() {
        // Only the thread in a transaction holds the lock.
        return Thread.holdsLock(lock) && transactionDepth > 0;
      }

      @Override
      public <T> T inTransaction(Supplier<T> work) {
        synchronized (lock) {
          if (transactionDepth > 0) {
            return work.get();
          }
          Snapshot before = new Snapshot();
          transactionDepth++;
          try {
            return work.get();
          } catch (RuntimeException | Error e) {
            before.restore();
            throw e;
          } finally {
            transactionDepth--;
          }
        }
      }
    };
  }

  /** A copy of the data (not of the sequences: like a database's, they never roll back). */
  private final class Snapshot {
    private final Map<Long, Seller> sellersCopy = new LinkedHashMap<>(sellers);
    private final Map<String, Actor> tokensCopy = new LinkedHashMap<>(tokens);
    private final Set<String> revokedCopy = new java.util.HashSet<>(revokedTokens);
    private final Map<String, Order> ordersCopy = new LinkedHashMap<>(orders);
    private final Map<String, Ticket> ticketsCopy = new LinkedHashMap<>(tickets);
    private final List<Message> messagesCopy = new ArrayList<>(messages);
    private final Map<String, String> stateCopy = new LinkedHashMap<>(state);
    private final Map<Long, TextModule> textModulesCopy = new LinkedHashMap<>(textModules);
    private final List<LedgerEntry> ledgerCopy = new ArrayList<>(ledger);
    private final Map<IdempotencyKeys.Key, IdempotencyKeys.Use> keysCopy =
        new LinkedHashMap<>(keys);
    private final Map<Long, ReturnLabel> labelsCopy = new LinkedHashMap<>(labels);
    private final Map<String, ReturnPolicyOutcome> outcomesCopy = new LinkedHashMap<>(outcomes);
    private final Map<String, Sessions.Session> sessionsCopy = new LinkedHashMap<>(sessions);
    private final Map<String, java.util.TreeMap<java.time.LocalDate, DailyRate>> ratesCopy =
        copyRates();
    private final Runnable outboxRestore = outbox.snapshot();
    private final Map<String, Leases.Lease> leasesCopy = new LinkedHashMap<>(leases);
    private final Runnable webhooksRestore = webhooks.snapshot();

    void restore() {
      outboxRestore.run();
      webhooksRestore.run();
      sellers.clear();
      sellers.putAll(sellersCopy);
      tokens.clear();
      tokens.putAll(tokensCopy);
      revokedTokens.clear();
      revokedTokens.addAll(revokedCopy);
      orders.clear();
      orders.putAll(ordersCopy);
      tickets.clear();
      tickets.putAll(ticketsCopy);
      messages.clear();
      messages.addAll(messagesCopy);
      state.clear();
      state.putAll(stateCopy);
      textModules.clear();
      textModules.putAll(textModulesCopy);
      ledger.clear();
      ledger.addAll(ledgerCopy);
      keys.clear();
      keys.putAll(keysCopy);
      labels.clear();
      labels.putAll(labelsCopy);
      outcomes.clear();
      outcomes.putAll(outcomesCopy);
      sessions.clear();
      sessions.putAll(sessionsCopy);
      rates.clear();
      rates.putAll(ratesCopy);
      leases.clear();
      leases.putAll(leasesCopy);
    }
  }

  private Map<String, java.util.TreeMap<java.time.LocalDate, DailyRate>> copyRates() {
    Map<String, java.util.TreeMap<java.time.LocalDate, DailyRate>> copy = new LinkedHashMap<>();
    rates.forEach((c, m) -> copy.put(c, new java.util.TreeMap<>(m)));
    return copy;
  }

  public ExchangeRates exchangeRates() {
    return new ExchangeRates() {
      @Override
      public void put(DailyRate rate) {
        synchronized (lock) {
          rates
              .computeIfAbsent(rate.currency(), c -> new java.util.TreeMap<>())
              .put(rate.day(), rate);
        }
      }

      @Override
      public Optional<DailyRate> latestOnOrBefore(String currency, java.time.LocalDate day) {
        synchronized (lock) {
          var byDay = rates.get(currency);
          return byDay == null
              ? Optional.empty()
              : Optional.ofNullable(byDay.floorEntry(day)).map(Map.Entry::getValue);
        }
      }
    };
  }

  public Sellers sellers() {
    return new Sellers() {
      @Override
      public Seller register(
          String name, Set<Storefront> storefronts, ReturnAddress returnAddress, Instant at) {
        synchronized (lock) {
          Seller s = new Seller(SellerId.of(++sellerSeq), name, storefronts, returnAddress);
          sellers.put(s.id().value(), s);
          return s;
        }
      }

      @Override
      public Optional<Seller> find(SellerId id) {
        synchronized (lock) {
          return Optional.ofNullable(sellers.get(id.value()));
        }
      }
    };
  }

  public AccessTokens accessTokens() {
    return new AccessTokens() {
      @Override
      public void add(String tokenHash, Actor actor, String label, Instant createdAt) {
        synchronized (lock) {
          if (tokens.putIfAbsent(tokenHash, actor) != null) {
            throw new DuplicateKeyException("token exists");
          }
        }
      }

      @Override
      public Optional<Actor> findByHash(String tokenHash) {
        synchronized (lock) {
          return revokedTokens.contains(tokenHash)
              ? Optional.empty()
              : Optional.ofNullable(tokens.get(tokenHash));
        }
      }

      @Override
      public boolean revoke(String tokenHash, Instant at) {
        requireNonNull(at, "at is null");
        synchronized (lock) {
          if (!tokens.containsKey(tokenHash)) {
            return false;
          }
          revokedTokens.add(tokenHash);
          return true;
        }
      }
    };
  }

  public Sessions sessions() {
    return new Sessions() {
      @Override
      public void add(Session session) {
        synchronized (lock) {
          if (sessions.putIfAbsent(session.sessionHash(), session) != null) {
            throw new DuplicateKeyException("session exists");
          }
        }
      }

      @Override
      public Optional<Session> find(String sessionHash) {
        synchronized (lock) {
          return Optional.ofNullable(sessions.get(sessionHash));
        }
      }

      @Override
      public void remove(String sessionHash) {
        synchronized (lock) {
          sessions.remove(sessionHash);
        }
      }

      @Override
      public int removeExpired(Instant now) {
        synchronized (lock) {
          int before = sessions.size();
          sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
          return before - sessions.size();
        }
      }
    };
  }

  public Orders orders() {
    return new Orders() {
      @Override
      public void add(Order order) {
        synchronized (lock) {
          if (orders.containsKey(order.number().value())) {
            throw new DuplicateKeyException("order " + order.number().value() + " exists");
          }
          for (OrderUnit u : order.units()) {
            if (findByUnit(u.id()).isPresent()) {
              throw new DuplicateKeyException("order unit " + u.id().value() + " exists");
            }
          }
          orders.put(order.number().value(), order);
        }
      }

      @Override
      public Optional<Order> find(OrderNumber number) {
        synchronized (lock) {
          return Optional.ofNullable(orders.get(number.value()));
        }
      }

      @Override
      public Optional<Order> find(SellerId seller, OrderNumber number) {
        return find(number).filter(o -> o.sellerId().equals(seller));
      }

      @Override
      public Map<OrderNumber, Order> findAll(SellerId seller, Collection<OrderNumber> numbers) {
        Map<OrderNumber, Order> found = new HashMap<>();
        for (OrderNumber n : numbers) {
          find(seller, n).ifPresent(o -> found.put(n, o));
        }
        return found;
      }

      @Override
      public Map<OrderNumber, String> buyerNames(SellerId seller, Collection<OrderNumber> numbers) {
        Map<OrderNumber, String> names = new HashMap<>();
        findAll(seller, numbers).forEach((n, o) -> names.put(n, o.buyer().name()));
        return names;
      }

      @Override
      public Optional<Order> findByUnit(OrderUnitId unit) {
        synchronized (lock) {
          return orders.values().stream().filter(o -> o.unit(unit).isPresent()).findFirst();
        }
      }

      @Override
      public void updateUnit(SellerId seller, OrderNumber number, OrderUnit unit) {
        synchronized (lock) {
          Order o = find(seller, number).orElseThrow();
          orders.put(number.value(), o.withUnit(unit));
        }
      }
    };
  }

  public Tickets tickets() {
    return new Tickets() {
      @Override
      public TicketNumber nextNumber() {
        synchronized (lock) {
          return TicketNumber.fromSequence(++ticketSeq);
        }
      }

      @Override
      public void add(Ticket ticket) {
        synchronized (lock) {
          if (tickets.putIfAbsent(ticket.number().value(), ticket) != null) {
            throw new DuplicateKeyException("ticket " + ticket.number().value() + " exists");
          }
        }
      }

      @Override
      public Optional<Ticket> find(TicketNumber number) {
        synchronized (lock) {
          return Optional.ofNullable(tickets.get(number.value()));
        }
      }

      @Override
      public Optional<Ticket> find(SellerId seller, TicketNumber number) {
        return find(number).filter(t -> t.sellerId().equals(seller));
      }

      @Override
      public void update(Ticket next) {
        synchronized (lock) {
          Ticket stored = tickets.get(next.number().value());
          if (stored == null || stored.version() != next.version() - 1) {
            throw new ConcurrentUpdateException("ticket " + next.number().value() + " changed");
          }
          tickets.put(next.number().value(), next);
        }
      }

      @Override
      public List<Ticket> openTickets(TicketNumber after, int limit) {
        synchronized (lock) {
          return tickets.values().stream()
              .filter(Ticket::isOpen)
              .filter(t -> after == null || t.number().value().compareTo(after.value()) > 0)
              .sorted(Comparator.comparing(t -> t.number().value()))
              .limit(limit)
              .toList();
        }
      }

      @Override
      public List<Ticket> openTicketsDue(
          Instant dueFrom, Instant dueBefore, Tickets.DueKey after, int limit) {
        return due(t -> true, dueFrom, dueBefore, after, limit);
      }

      @Override
      public List<Ticket> openReturnRequestsDue(
          Instant dueBefore, Tickets.DueKey after, int limit) {
        return due(
            io.ticketdesk.domain.ReturnOptionPolicy::mayOweOptionAnswer,
            Instant.EPOCH,
            dueBefore,
            after,
            limit);
      }

      private List<Ticket> due(
          java.util.function.Predicate<Ticket> which,
          Instant dueFrom,
          Instant dueBefore,
          Tickets.DueKey after,
          int limit) {
        Comparator<Ticket> order =
            Comparator.comparing(Ticket::responseDueAt).thenComparing(t -> t.number().value());
        synchronized (lock) {
          return tickets.values().stream()
              .filter(Ticket::isOpen)
              .filter(which)
              .filter(t -> !t.responseDueAt().isBefore(dueFrom))
              .filter(t -> t.responseDueAt().isBefore(dueBefore))
              .filter(
                  t ->
                      after == null
                          || t.responseDueAt().isAfter(after.due())
                          || (t.responseDueAt().equals(after.due())
                              && t.number().value().compareTo(after.number().value()) > 0))
              .sorted(order)
              .limit(limit)
              .toList();
        }
      }

      @Override
      public List<Ticket> search(TicketQuery q) {
        synchronized (lock) {
          Comparator<Ticket> order = comparator(q.sort());
          return matching(q)
              .filter(t -> q.status() == null || t.status() == q.status())
              .filter(t -> q.sort() != TicketSort.DUE || t.isOpen())
              .filter(t -> q.after() == null || isAfter(t, q))
              .sorted(order)
              .limit(q.limit())
              .toList();
        }
      }

      @Override
      public Map<TicketStatus, Long> countByStatus(TicketQuery q) {
        synchronized (lock) {
          return matching(q)
              .collect(
                  java.util.stream.Collectors.groupingBy(
                      Ticket::status,
                      () -> new java.util.EnumMap<>(TicketStatus.class),
                      java.util.stream.Collectors.counting()));
        }
      }

      /** The tickets in the query's scope that pass its filters (but status and keyset). */
      private java.util.stream.Stream<Ticket> matching(TicketQuery q) {
        return tickets.values().stream()
            .filter(t -> q.seller() == null || t.sellerId().equals(q.seller()))
            .filter(t -> q.buyer() == null || t.buyerId().equals(q.buyer()))
            .filter(t -> q.waitingOn() == null || t.waitingOn() == q.waitingOn())
            .filter(t -> q.reason() == null || t.reason() == q.reason())
            .filter(t -> q.topic() == null || q.topic().matches(t.topic()))
            .filter(t -> q.storefront() == null || t.storefront() == q.storefront())
            .filter(t -> q.createdFrom() == null || !t.createdAt().isBefore(q.createdFrom()))
            .filter(t -> q.createdTo() == null || t.createdAt().isBefore(q.createdTo()))
            .filter(t -> q.ticketNumber() == null || t.number().equals(q.ticketNumber()))
            .filter(t -> q.orderNumber() == null || t.orderNumber().equals(q.orderNumber()))
            .filter(t -> q.overdue() == null || t.overdueAt(q.now()) == q.overdue());
      }

      private boolean isAfter(Ticket t, TicketQuery q) {
        Instant key =
            switch (q.sort()) {
              case CREATED_DESC -> t.createdAt();
              case UPDATED_DESC -> t.updatedAt();
              case DUE -> t.responseDueAt();
            };
        int byKey = key.compareTo(q.after().key());
        int cmp =
            byKey != 0 ? byKey : t.number().value().compareTo(q.after().ticketNumber().value());
        return q.sort() == TicketSort.DUE ? cmp > 0 : cmp < 0;
      }
    };
  }

  private static Comparator<Ticket> comparator(TicketSort sort) {
    return switch (sort) {
      case CREATED_DESC ->
          Comparator.comparing(Ticket::createdAt).thenComparing(t -> t.number().value()).reversed();
      case UPDATED_DESC ->
          Comparator.comparing(Ticket::updatedAt).thenComparing(t -> t.number().value()).reversed();
      case DUE ->
          Comparator.comparing(Ticket::responseDueAt).thenComparing(t -> t.number().value());
    };
  }

  public TextModules textModules() {
    return new TextModules() {
      @Override
      public TextModule add(
          SellerId owner,
          Storefront storefront,
          String locale,
          String name,
          TextModuleBody body,
          TextModuleReturnOption returnOption,
          Instant at) {
        synchronized (lock) {
          requireFreeName(owner, storefront, name, 0);
          TextModule m =
              new TextModule(
                  TextModuleId.of(++textModuleSeq),
                  owner,
                  null,
                  storefront,
                  locale,
                  name,
                  body,
                  returnOption,
                  at,
                  at,
                  1);
          textModules.put(m.id().value(), m);
          return m;
        }
      }

      private void requireFreeName(SellerId owner, Storefront sf, String name, long except) {
        boolean taken =
            textModules.values().stream()
                .anyMatch(
                    m ->
                        java.util.Objects.equals(m.owner(), owner)
                            && m.storefront() == sf
                            && m.name().equals(name)
                            && m.id().value() != except);
        if (taken) {
          throw new DuplicateKeyException("text module name taken: " + name);
        }
      }

      @Override
      public Optional<TextModule> find(SellerId owner, TextModuleId id) {
        synchronized (lock) {
          return Optional.ofNullable(textModules.get(id.value()))
              .filter(m -> owner.equals(m.owner()));
        }
      }

      @Override
      public Optional<TextModule> findDefault(TextModuleId id) {
        synchronized (lock) {
          return Optional.ofNullable(textModules.get(id.value())).filter(TextModule::isDefault);
        }
      }

      @Override
      public List<TextModule> list(
          SellerId owner, Set<Storefront> defaultsFor, Storefront only, long afterId, int limit) {
        synchronized (lock) {
          return textModules.values().stream()
              .filter(
                  m ->
                      owner.equals(m.owner())
                          || (m.isDefault() && defaultsFor.contains(m.storefront())))
              .filter(m -> only == null || m.storefront() == only)
              .filter(m -> m.id().value() > afterId)
              .sorted(Comparator.comparing(m -> m.id().value()))
              .limit(limit)
              .toList();
        }
      }

      @Override
      public void update(TextModule next) {
        synchronized (lock) {
          TextModule stored = textModules.get(next.id().value());
          if (stored == null
              || stored.isDefault()
              || !stored.owner().equals(next.owner())
              || stored.version() != next.version() - 1) {
            throw new ConcurrentUpdateException("text module " + next.id().value() + " changed");
          }
          requireFreeName(next.owner(), next.storefront(), next.name(), next.id().value());
          textModules.put(next.id().value(), next);
        }
      }

      @Override
      public boolean delete(SellerId owner, TextModuleId id) {
        synchronized (lock) {
          return find(owner, id).map(m -> textModules.remove(id.value()) != null).orElse(false);
        }
      }

      @Override
      public TextModule putDefault(
          String sourceKey,
          Storefront storefront,
          String locale,
          String name,
          TextModuleBody body,
          TextModuleReturnOption returnOption,
          Instant at) {
        synchronized (lock) {
          Optional<TextModule> existing =
              textModules.values().stream()
                  .filter(m -> sourceKey.equals(m.sourceKey()))
                  .findFirst();
          TextModule m =
              existing
                  .map(
                      e ->
                          e.storefront() == storefront
                                  && e.locale().equals(locale)
                                  && e.name().equals(name)
                                  && e.body().equals(body)
                                  && java.util.Objects.equals(e.returnOption(), returnOption)
                              ? e
                              : new TextModule(
                                  e.id(),
                                  null,
                                  sourceKey,
                                  storefront,
                                  locale,
                                  name,
                                  body,
                                  returnOption,
                                  e.createdAt(),
                                  at,
                                  e.version() + 1))
                  .orElseGet(
                      () ->
                          new TextModule(
                              TextModuleId.of(++textModuleSeq),
                              null,
                              sourceKey,
                              storefront,
                              locale,
                              name,
                              body,
                              returnOption,
                              at,
                              at,
                              1));
          textModules.put(m.id().value(), m);
          return m;
        }
      }
    };
  }

  public Leases leases() {
    return new Leases() {
      @Override
      public Optional<Lease> acquire(String name, String holder, Instant now, Instant until) {
        requireNonNull(now, "now is null");
        synchronized (lock) {
          Lease held = leases.get(name);
          if (held != null && held.until().isAfter(now)) {
            return Optional.empty();
          }
          Lease taken =
              held == null
                  ? new Lease(name, holder, 1, until, "")
                  : new Lease(name, holder, held.token() + 1, until, held.progress());
          leases.put(name, taken);
          return Optional.of(taken);
        }
      }

      @Override
      public boolean extend(Lease lease, Instant until, String progress) {
        requireNonNull(lease, "lease is null");
        synchronized (lock) {
          Lease held = leases.get(lease.name());
          if (held == null || held.token() != lease.token()) {
            return false;
          }
          leases.put(
              lease.name(), new Lease(held.name(), held.holder(), held.token(), until, progress));
          return true;
        }
      }

      @Override
      public Optional<Lease> find(String name) {
        synchronized (lock) {
          return Optional.ofNullable(leases.get(name));
        }
      }
    };
  }

  public SystemState systemState() {
    return new SystemState() {
      @Override
      public Optional<String> get(String key) {
        synchronized (lock) {
          return Optional.ofNullable(state.get(key));
        }
      }

      @Override
      public void put(String key, String value) {
        synchronized (lock) {
          state.put(key, value);
        }
      }
    };
  }

  public ResponseTimes responseTimes() {
    return new ResponseTimes() {
      @Override
      public List<FirstResponse> firstResponsesDue(
          SellerId seller, Storefront storefront, Instant from, Instant to) {
        synchronized (lock) {
          return tickets.values().stream()
              .filter(t -> seller == null || t.sellerId().equals(seller))
              .filter(t -> t.storefront() == storefront)
              .flatMap(t -> t.firstResponse().stream())
              .filter(r -> !r.dueAt().isBefore(from) && r.dueAt().isBefore(to))
              .toList();
        }
      }

      @Override
      public long openOverdue(SellerId seller, Storefront storefront, Instant now) {
        synchronized (lock) {
          return tickets.values().stream()
              .filter(t -> seller == null || t.sellerId().equals(seller))
              .filter(t -> t.storefront() == storefront)
              .filter(t -> t.overdueAt(now))
              .count();
        }
      }
    };
  }

  public Messages messages() {
    return new Messages() {
      @Override
      public Message add(
          SellerId seller,
          TicketNumber ticket,
          AuthorRole author,
          MessageText text,
          boolean internal,
          Instant at) {
        return add(seller, ticket, author, text, internal, at, ReturnOffer.NONE);
      }

      @Override
      public Message add(
          SellerId seller,
          TicketNumber ticket,
          AuthorRole author,
          MessageText text,
          boolean internal,
          Instant at,
          ReturnOffer offer) {
        synchronized (lock) {
          Message m = new Message(++messageSeq, ticket, seller, author, text, internal, at, offer);
          messages.add(m);
          return m;
        }
      }

      @Override
      public Message addEvent(
          SellerId seller,
          TicketNumber ticket,
          SystemEvent event,
          MessageText text,
          boolean internal,
          Instant at) {
        java.util.Objects.requireNonNull(event, "event is null");
        synchronized (lock) {
          Message m =
              new Message(
                  ++messageSeq,
                  ticket,
                  seller,
                  AuthorRole.SYSTEM,
                  text,
                  internal,
                  at,
                  ReturnOffer.NONE,
                  event);
          messages.add(m);
          return m;
        }
      }

      @Override
      public List<Message> list(
          SellerId seller, TicketNumber ticket, boolean includeInternal, long afterId, int limit) {
        synchronized (lock) {
          return messages.stream()
              .filter(m -> m.sellerId().equals(seller) && m.ticketNumber().equals(ticket))
              .filter(m -> includeInternal || !m.internal())
              .filter(m -> m.id() > afterId)
              .limit(limit)
              .toList();
        }
      }
    };
  }

  public ReturnLabels returnLabels() {
    return new ReturnLabels() {
      @Override
      public ReturnLabel add(ReturnLabel draft) {
        synchronized (lock) {
          String key = draft.sellerId().value() + "/" + draft.ticketNumber().value();
          if (!tickets.containsKey(draft.ticketNumber().value())
              || !tickets.get(draft.ticketNumber().value()).sellerId().equals(draft.sellerId())) {
            throw new IllegalStateException("no ticket " + key);
          }
          ReturnLabel label = draft.withId(++labelSeq);
          labels.put(label.id(), label);
          return label;
        }
      }

      @Override
      public Optional<ReturnLabel> find(SellerId seller, long labelId) {
        synchronized (lock) {
          return Optional.ofNullable(labels.get(labelId)).filter(l -> l.sellerId().equals(seller));
        }
      }

      @Override
      public Optional<ReturnLabel> find(long labelId) {
        synchronized (lock) {
          return Optional.ofNullable(labels.get(labelId));
        }
      }

      @Override
      public Optional<ReturnLabel> latest(SellerId seller, TicketNumber ticket) {
        synchronized (lock) {
          return labels.values().stream()
              .filter(l -> l.sellerId().equals(seller) && l.ticketNumber().equals(ticket))
              .reduce((a, b) -> b);
        }
      }
    };
  }

  public ReturnPolicyOutcomes returnPolicyOutcomes() {
    return new ReturnPolicyOutcomes() {
      @Override
      public void record(ReturnPolicyOutcome outcome) {
        synchronized (lock) {
          String key = outcome.sellerId().value() + "/" + outcome.ticketNumber().value();
          if (outcomes.putIfAbsent(key, outcome) != null) {
            throw new DuplicateKeyException("ticket " + key + " has a policy outcome");
          }
        }
      }

      @Override
      public boolean replace(ReturnPolicyOutcome outcome) {
        synchronized (lock) {
          String key = outcome.sellerId().value() + "/" + outcome.ticketNumber().value();
          ReturnPolicyOutcome stored = outcomes.get(key);
          if (stored == null || stored.breached()) {
            return false;
          }
          outcomes.put(key, outcome);
          return true;
        }
      }

      @Override
      public Optional<ReturnPolicyOutcome> find(SellerId seller, TicketNumber ticket) {
        synchronized (lock) {
          return Optional.ofNullable(outcomes.get(seller.value() + "/" + ticket.value()));
        }
      }

      @Override
      public Map<TicketNumber, ReturnPolicyOutcome> findAll(
          SellerId seller, Collection<TicketNumber> tickets) {
        Map<TicketNumber, ReturnPolicyOutcome> found = new HashMap<>();
        for (TicketNumber t : tickets) {
          find(seller, t).ifPresent(o -> found.put(t, o));
        }
        return found;
      }
    };
  }

  public Ledger ledger() {
    return new Ledger() {
      @Override
      public Optional<LedgerEntry> appendRefund(LedgerEntry.Draft refund) {
        synchronized (lock) {
          Optional<OrderUnit> unit = unit(refund);
          if (unit.isEmpty()
              || refund.amount().amount() > unit.get().price().amount() - refunded(refund)) {
            return Optional.empty();
          }
          return Optional.of(append(refund));
        }
      }

      @Override
      public Optional<LedgerEntry> appendCancellation(
          LedgerEntry.Draft cancellation, Money refundedBefore) {
        synchronized (lock) {
          Optional<OrderUnit> unit = unit(cancellation);
          if (unit.isEmpty()
              || unit.get().state() == UnitState.CANCELLED
              || refunded(cancellation) != refundedBefore.amount()
              || cancellation.amount().amount()
                  != unit.get().price().amount() - refundedBefore.amount()) {
            return Optional.empty();
          }
          Order order = orders.get(cancellation.orderNumber().value());
          orders.put(
              order.number().value(),
              order.withUnit(unit.get().withState(UnitState.CANCELLED, unit.get().deliveredAt())));
          return Optional.of(append(cancellation));
        }
      }

      private Optional<OrderUnit> unit(LedgerEntry.Draft d) {
        return Optional.ofNullable(orders.get(d.orderNumber().value()))
            .filter(o -> o.sellerId().equals(d.sellerId()))
            .flatMap(o -> o.unit(d.orderUnitId()));
      }

      private long refunded(LedgerEntry.Draft d) {
        return ledger.stream()
            .filter(e -> e.sellerId().equals(d.sellerId()))
            .filter(e -> e.orderUnitId().equals(d.orderUnitId()))
            .mapToLong(e -> e.amount().amount())
            .reduce(0, Math::addExact);
      }

      private LedgerEntry append(LedgerEntry.Draft d) {
        LedgerEntry entry = d.withId(++entrySeq);
        ledger.add(entry);
        return entry;
      }

      @Override
      public List<LedgerEntry> entries(SellerId seller, OrderNumber order) {
        synchronized (lock) {
          return ledger.stream()
              .filter(e -> e.sellerId().equals(seller) && e.orderNumber().equals(order))
              .toList();
        }
      }

      @Override
      public Map<OrderNumber, List<LedgerEntry>> entriesOf(
          SellerId seller, Collection<OrderNumber> orders) {
        Set<OrderNumber> wanted = Set.copyOf(orders);
        synchronized (lock) {
          Map<OrderNumber, List<LedgerEntry>> byOrder = new HashMap<>();
          for (LedgerEntry e : ledger) {
            if (e.sellerId().equals(seller) && wanted.contains(e.orderNumber())) {
              byOrder.computeIfAbsent(e.orderNumber(), o -> new ArrayList<>()).add(e);
            }
          }
          byOrder.replaceAll((o, entries) -> List.copyOf(entries));
          return byOrder;
        }
      }

      @Override
      public Optional<LedgerEntry> find(SellerId seller, long entryId) {
        synchronized (lock) {
          return ledger.stream()
              .filter(e -> e.sellerId().equals(seller) && e.id() == entryId)
              .findFirst();
        }
      }
    };
  }

  public IdempotencyKeys idempotencyKeys() {
    return new IdempotencyKeys() {
      @Override
      public void add(Key key, Use use) {
        synchronized (lock) {
          if (keys.putIfAbsent(key, use) != null) {
            throw new DuplicateKeyException("idempotency key exists");
          }
        }
      }

      @Override
      public Optional<Use> find(Key key) {
        synchronized (lock) {
          return Optional.ofNullable(keys.get(key));
        }
      }

      @Override
      public int purgeBefore(Instant cutoff, int limit) {
        synchronized (lock) {
          List<Key> expired =
              keys.entrySet().stream()
                  .filter(e -> e.getValue().createdAt().isBefore(cutoff))
                  .sorted(Map.Entry.comparingByValue(Comparator.comparing(Use::createdAt)))
                  .limit(limit)
                  .map(Map.Entry::getKey)
                  .toList();
          expired.forEach(keys::remove);
          return expired.size();
        }
      }
    };
  }
}
