package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.AccessTokens;
import io.ticketdesk.application.port.out.ExchangeRates;
import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.application.port.out.Leases;
import io.ticketdesk.application.port.out.Ledger;
import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.Outbox;
import io.ticketdesk.application.port.out.ResponseTimes;
import io.ticketdesk.application.port.out.ReturnLabels;
import io.ticketdesk.application.port.out.ReturnPolicyOutcomes;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.application.port.out.Sessions;
import io.ticketdesk.application.port.out.Store;
import io.ticketdesk.application.port.out.SystemState;
import io.ticketdesk.application.port.out.TextModules;
import io.ticketdesk.application.port.out.TicketQuery;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.application.port.out.WebhookDeliveries;
import io.ticketdesk.application.port.out.WebhookEndpoints;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.ReturnLabel;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.ReturnPolicyOutcome;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.SystemEvent;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketEvents;
import io.ticketdesk.domain.TicketNumber;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The store as every use case of the core sees it: each write of a ticket, a message, a ledger
 * entry, a return label or a policy outcome appends its events ({@link TicketEvents}) to the outbox
 * in the same transaction as the write (opening one when the caller has none). The core is built
 * only on this store, so no use case, adapter or embedder can change a ticket without its events.
 */
final class EventRecordingStore implements Store {
  private static final int CACHED_TICKETS = 16;

  private final Store store;
  private final Outbox outbox;
  private final Transactions tx;
  private final Tickets tickets;
  private final Messages messages;
  private final Ledger ledger;
  private final ReturnLabels labels;
  private final ReturnPolicyOutcomes outcomes;

  /**
   * Tickets this thread read or wrote last, by seller and number: the state before an update
   * (checked by version) and a ticket's order number for the events of its messages and units.
   */
  private final ThreadLocal<Map<String, Ticket>> seen =
      ThreadLocal.withInitial(
          () ->
              new LinkedHashMap<>(32, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Ticket> eldest) {
                  return size() > CACHED_TICKETS;
                }
              });

  EventRecordingStore(Store store) {
    this.store = requireNonNull(store, "store is null");
    this.outbox = requireNonNull(store.outbox(), "outbox is null");
    this.tx = requireNonNull(store.transactions(), "transactions is null");
    this.tickets = new RecordingTickets(requireNonNull(store.tickets(), "tickets is null"));
    this.messages = new RecordingMessages(requireNonNull(store.messages(), "messages is null"));
    this.ledger = new RecordingLedger(requireNonNull(store.ledger(), "ledger is null"));
    this.labels = new RecordingLabels(requireNonNull(store.returnLabels(), "labels is null"));
    this.outcomes =
        new RecordingOutcomes(requireNonNull(store.returnPolicyOutcomes(), "outcomes is null"));
  }

  /** The write and its events atomically: in the caller's transaction, or in one of their own. */
  private <T> T atomically(Supplier<T> work) {
    return tx.inProgress() ? work.get() : tx.inTransaction(work);
  }

  private static String key(SellerId seller, TicketNumber number) {
    return seller.value() + "/" + number.value();
  }

  private Ticket remember(Ticket t) {
    seen.get().put(key(t.sellerId(), t.number()), t);
    return t;
  }

  /** The ticket (any version: for its seller, number and order number). */
  private Ticket ticket(SellerId seller, TicketNumber number) {
    Ticket known = seen.get().get(key(seller, number));
    if (known != null) {
      return known;
    }
    return store
        .tickets()
        .find(seller, number)
        .map(this::remember)
        .orElseThrow(
            () -> new IllegalStateException("ticket " + number.value() + " is not stored"));
  }

  private void record(DomainEvent.Draft draft) {
    outbox.append(draft);
  }

  private void record(List<DomainEvent.Draft> drafts) {
    drafts.forEach(outbox::append);
  }

  private final class RecordingTickets implements Tickets {
    private final Tickets delegate;

    RecordingTickets(Tickets delegate) {
      this.delegate = delegate;
    }

    @Override
    public TicketNumber nextNumber() {
      return delegate.nextNumber();
    }

    @Override
    public void add(Ticket ticket) {
      atomically(
          () -> {
            delegate.add(ticket);
            remember(ticket);
            record(TicketEvents.opened(ticket));
            return null;
          });
    }

    @Override
    public Optional<Ticket> find(TicketNumber number) {
      return delegate.find(number).map(EventRecordingStore.this::remember);
    }

    @Override
    public Optional<Ticket> find(SellerId seller, TicketNumber number) {
      return delegate.find(seller, number).map(EventRecordingStore.this::remember);
    }

    @Override
    public void update(Ticket next) {
      atomically(
          () -> {
            Ticket known = seen.get().get(key(next.sellerId(), next.number()));
            Ticket before =
                known != null && known.version() == next.version() - 1
                    ? known
                    : delegate.find(next.sellerId(), next.number()).orElse(null);
            delegate.update(next);
            remember(next);
            if (before != null) {
              record(TicketEvents.changed(before, next));
            }
            return null;
          });
    }

    @Override
    public List<Ticket> openTickets(TicketNumber after, int limit) {
      return delegate.openTickets(after, limit);
    }

    @Override
    public List<Ticket> openTicketsDue(
        java.time.Instant dueFrom, java.time.Instant dueBefore, DueKey after, int limit) {
      return delegate.openTicketsDue(dueFrom, dueBefore, after, limit);
    }

    @Override
    public List<Ticket> openReturnRequestsDue(
        java.time.Instant dueBefore, DueKey after, int limit) {
      return delegate.openReturnRequestsDue(dueBefore, after, limit);
    }

    @Override
    public List<Ticket> search(TicketQuery query) {
      return delegate.search(query);
    }

    @Override
    public java.util.Map<io.ticketdesk.domain.TicketStatus, Long> countByStatus(TicketQuery query) {
      return delegate.countByStatus(query);
    }
  }

  private final class RecordingMessages implements Messages {
    private final Messages delegate;

    RecordingMessages(Messages delegate) {
      this.delegate = delegate;
    }

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
      return atomically(
          () -> {
            Message m = delegate.add(seller, ticket, author, text, internal, at, offer);
            record(TicketEvents.messageCreated(ticket(seller, ticket), m));
            return m;
          });
    }

    @Override
    public Message addEvent(
        SellerId seller,
        TicketNumber ticket,
        SystemEvent event,
        MessageText text,
        boolean internal,
        Instant at) {
      return atomically(
          () -> {
            Message m = delegate.addEvent(seller, ticket, event, text, internal, at);
            record(TicketEvents.messageCreated(ticket(seller, ticket), m));
            return m;
          });
    }

    @Override
    public List<Message> list(
        SellerId seller, TicketNumber ticket, boolean includeInternal, long afterId, int limit) {
      return delegate.list(seller, ticket, includeInternal, afterId, limit);
    }
  }

  private final class RecordingLedger implements Ledger {
    private final Ledger delegate;

    RecordingLedger(Ledger delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<LedgerEntry> appendRefund(LedgerEntry.Draft refund) {
      return atomically(() -> recorded(delegate.appendRefund(refund)));
    }

    @Override
    public Optional<LedgerEntry> appendCancellation(
        LedgerEntry.Draft cancellation, Money refundedBefore) {
      return atomically(() -> recorded(delegate.appendCancellation(cancellation, refundedBefore)));
    }

    private Optional<LedgerEntry> recorded(Optional<LedgerEntry> entry) {
      entry.ifPresent(e -> record(TicketEvents.ledger(ticket(e.sellerId(), e.ticketNumber()), e)));
      return entry;
    }

    @Override
    public List<LedgerEntry> entries(SellerId seller, OrderNumber order) {
      return delegate.entries(seller, order);
    }

    @Override
    public Map<OrderNumber, List<LedgerEntry>> entriesOf(
        SellerId seller, Collection<OrderNumber> orders) {
      return delegate.entriesOf(seller, orders);
    }

    @Override
    public Optional<LedgerEntry> find(SellerId seller, long entryId) {
      return delegate.find(seller, entryId);
    }
  }

  private final class RecordingLabels implements ReturnLabels {
    private final ReturnLabels delegate;

    RecordingLabels(ReturnLabels delegate) {
      this.delegate = delegate;
    }

    @Override
    public ReturnLabel add(ReturnLabel draft) {
      return atomically(
          () -> {
            ReturnLabel label = delegate.add(draft);
            record(
                TicketEvents.labelCreated(ticket(label.sellerId(), label.ticketNumber()), label));
            return label;
          });
    }

    @Override
    public Optional<ReturnLabel> find(SellerId seller, long labelId) {
      return delegate.find(seller, labelId);
    }

    @Override
    public Optional<ReturnLabel> find(long labelId) {
      return delegate.find(labelId);
    }

    @Override
    public Optional<ReturnLabel> latest(SellerId seller, TicketNumber ticket) {
      return delegate.latest(seller, ticket);
    }
  }

  private final class RecordingOutcomes implements ReturnPolicyOutcomes {
    private final ReturnPolicyOutcomes delegate;

    RecordingOutcomes(ReturnPolicyOutcomes delegate) {
      this.delegate = delegate;
    }

    @Override
    public void record(ReturnPolicyOutcome outcome) {
      atomically(
          () -> {
            delegate.record(outcome);
            EventRecordingStore.this.record(
                TicketEvents.outcome(ticket(outcome.sellerId(), outcome.ticketNumber()), outcome));
            return null;
          });
    }

    @Override
    public boolean replace(ReturnPolicyOutcome outcome) {
      return atomically(
          () -> {
            boolean replaced = delegate.replace(outcome);
            if (replaced) {
              EventRecordingStore.this.record(
                  TicketEvents.outcome(
                      ticket(outcome.sellerId(), outcome.ticketNumber()), outcome));
            }
            return replaced;
          });
    }

    @Override
    public Optional<ReturnPolicyOutcome> find(SellerId seller, TicketNumber ticket) {
      return delegate.find(seller, ticket);
    }

    @Override
    public Map<TicketNumber, ReturnPolicyOutcome> findAll(
        SellerId seller, Collection<TicketNumber> tickets) {
      return delegate.findAll(seller, tickets);
    }
  }

  @Override
  public Tickets tickets() {
    return tickets;
  }

  @Override
  public Messages messages() {
    return messages;
  }

  @Override
  public Ledger ledger() {
    return ledger;
  }

  @Override
  public ReturnLabels returnLabels() {
    return labels;
  }

  @Override
  public ReturnPolicyOutcomes returnPolicyOutcomes() {
    return outcomes;
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  @Override
  public WebhookEndpoints webhookEndpoints() {
    return store.webhookEndpoints();
  }

  @Override
  public WebhookDeliveries webhookDeliveries() {
    return store.webhookDeliveries();
  }

  @Override
  public Sellers sellers() {
    return store.sellers();
  }

  @Override
  public AccessTokens accessTokens() {
    return store.accessTokens();
  }

  @Override
  public Orders orders() {
    return store.orders();
  }

  @Override
  public Transactions transactions() {
    return tx;
  }

  @Override
  public SystemState systemState() {
    return store.systemState();
  }

  @Override
  public ResponseTimes responseTimes() {
    return store.responseTimes();
  }

  @Override
  public TextModules textModules() {
    return store.textModules();
  }

  @Override
  public IdempotencyKeys idempotencyKeys() {
    return store.idempotencyKeys();
  }

  @Override
  public ExchangeRates exchangeRates() {
    return store.exchangeRates();
  }

  @Override
  public Leases leases() {
    return store.leases();
  }

  @Override
  public Sessions sessions() {
    return store.sessions();
  }
}
