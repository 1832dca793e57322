package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.AssessReturnPolicyUseCase;
import io.ticketdesk.application.port.in.AuthenticateUseCase;
import io.ticketdesk.application.port.in.BrowserSessionUseCase;
import io.ticketdesk.application.port.in.BuyerNamesUseCase;
import io.ticketdesk.application.port.in.CancelOrderUnitUseCase;
import io.ticketdesk.application.port.in.CloseTicketUseCase;
import io.ticketdesk.application.port.in.CreateReturnLabelUseCase;
import io.ticketdesk.application.port.in.DispatchWebhooksUseCase;
import io.ticketdesk.application.port.in.DownloadReturnLabelUseCase;
import io.ticketdesk.application.port.in.EnforceReturnOptionDeadlinesUseCase;
import io.ticketdesk.application.port.in.EscalateTicketUseCase;
import io.ticketdesk.application.port.in.ExchangeRatesUseCase;
import io.ticketdesk.application.port.in.FeedOrderUseCase;
import io.ticketdesk.application.port.in.FindTicketUseCase;
import io.ticketdesk.application.port.in.HandBackTicketUseCase;
import io.ticketdesk.application.port.in.IssueTokenUseCase;
import io.ticketdesk.application.port.in.ListCarriersUseCase;
import io.ticketdesk.application.port.in.ListMessagesUseCase;
import io.ticketdesk.application.port.in.ManageTextModulesUseCase;
import io.ticketdesk.application.port.in.ManageWebhooksUseCase;
import io.ticketdesk.application.port.in.MarkReturnRequestUseCase;
import io.ticketdesk.application.port.in.MeasureResponseTimeUseCase;
import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.in.PurgeEventsUseCase;
import io.ticketdesk.application.port.in.PurgeIdempotencyKeysUseCase;
import io.ticketdesk.application.port.in.RaiseDeadlineAlertsUseCase;
import io.ticketdesk.application.port.in.ReadEventsUseCase;
import io.ticketdesk.application.port.in.RecomputeDeadlinesUseCase;
import io.ticketdesk.application.port.in.RefundUseCase;
import io.ticketdesk.application.port.in.RegisterSellerUseCase;
import io.ticketdesk.application.port.in.RenderTextModuleUseCase;
import io.ticketdesk.application.port.in.RevokeTokenUseCase;
import io.ticketdesk.application.port.in.SearchTicketsUseCase;
import io.ticketdesk.application.port.in.ShowOrderDetailsUseCase;
import io.ticketdesk.application.port.in.StoreDefaultTextModulesUseCase;
import io.ticketdesk.application.port.in.StreamEventsUseCase;
import io.ticketdesk.application.port.in.UnitOfWork;
import io.ticketdesk.application.port.in.UpdateOrderUnitUseCase;
import io.ticketdesk.application.port.in.WorkingTimeLeftUseCase;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.application.port.out.Store;
import io.ticketdesk.application.port.out.WebhookSender;
import io.ticketdesk.domain.PublicHolidays;
import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.ReturnOptionPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The whole core, built once from its outgoing ports: every use case with every rule wired (the
 * return-option policy, idempotency, text modules, labels). The server, the demo data, the tests
 * and every embedder build it here; what is genuinely absent is an explicit implementation such as
 * {@link Carriers#none()} or {@link DefaultTextModuleSource#none()}, never a null.
 */
public final class TicketdeskCore {
  /** How often a ticket change that lost a race to a concurrent write is tried in all. */
  private static final int TICKET_CHANGE_ATTEMPTS = 8;

  private final Store store;
  private final Carriers carriers;
  private final DefaultTextModuleSource defaultTextModuleSource;
  private final PublicHolidays holidays;
  private final CoreSettings settings;
  private final Clock clock;
  private final SellerService sellers;
  private final AccessService access;
  private final OrderFeedService orders;
  private final OpenTicketService openTicket;
  private final TicketReadService ticketRead;
  private final SearchTicketsService search;
  private final PostMessageService postMessage;
  private final CloseTicketService closeTicket;
  private final ServiceLevelService serviceLevel;
  private final TextModuleService textModules;
  private final TicketActionService actions;
  private final ReturnPolicyService returnPolicy;
  private final ReturnLabelService labels;
  private final DeadlineService deadlines;
  private final ReturnOptionDeadlineService returnOptionDeadlines;
  private final DefaultTextModuleService defaultTextModules;
  private final IdempotencyKeyPurgeService keyPurge;
  private final ExchangeRateService exchangeRates;
  private final EventFeedService events;
  private final EventStreamService streams;
  private final SessionService browserSessions;
  private final BuyerNameService buyerNames;

  /**
   * Builds the core on {@code store} (every persistence port), the loaded {@code carriers}, the
   * source of {@code defaultTextModules}, the public {@code holidays} of the storefronts' countries
   * (for response deadlines), the {@code clock} and the operator's {@code settings}.
   */
  public TicketdeskCore(
      Store store,
      Carriers carriers,
      DefaultTextModuleSource defaultTextModules,
      PublicHolidays holidays,
      Clock clock,
      CoreSettings settings) {
    this.store = requireNonNull(store, "store is null");
    this.carriers = requireNonNull(carriers, "carriers is null");
    this.defaultTextModuleSource = requireNonNull(defaultTextModules, "defaultTextModules is null");
    this.holidays = requireNonNull(holidays, "holidays is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.settings = requireNonNull(settings, "settings is null");
    // Every use case writes through the recording store: each change appends its events to the
    // outbox in its own transaction.
    Store recorded = new EventRecordingStore(store);
    var tx = recorded.transactions();
    ResponseDeadline deadline = new ResponseDeadline(holidays);
    ReturnOptionPolicy policy = new ReturnOptionPolicy(settings.policyRules());
    TicketChanges changes =
        new TicketChanges(recorded.tickets(), tx, TICKET_CHANGE_ATTEMPTS, false);
    Idempotency idempotency = new Idempotency(recorded.idempotencyKeys(), clock);

    this.sellers = new SellerService(recorded.sellers(), tx, clock);
    this.access =
        new AccessService(
            recorded.accessTokens(), recorded.sellers(), tx, clock, settings.adminToken());
    this.browserSessions =
        new SessionService(
            recorded.sessions(), recorded.accessTokens(), tx, clock, SessionService.LIFETIME);
    this.buyerNames = new BuyerNameService(recorded.orders());
    this.orders = new OrderFeedService(recorded.orders(), recorded.sellers(), tx);
    this.serviceLevel =
        new ServiceLevelService(recorded.responseTimes(), recorded.sellers(), tx, clock);
    this.textModules =
        new TextModuleService(
            recorded.textModules(),
            recorded.sellers(),
            recorded.tickets(),
            recorded.orders(),
            tx,
            clock,
            recorded.returnLabels(),
            carriers,
            settings.defaultCarrier());
    this.returnPolicy =
        new ReturnPolicyService(
            recorded.orders(),
            recorded.ledger(),
            recorded.returnLabels(),
            recorded.returnPolicyOutcomes(),
            recorded.messages(),
            clock,
            policy,
            recorded.sellers(),
            recorded.exchangeRates());
    this.exchangeRates =
        new ExchangeRateService(
            recorded.exchangeRates(), tx, policy, this.returnPolicy::ratesStored);
    this.labels =
        new ReturnLabelService(
            carriers,
            recorded.returnLabels(),
            recorded.tickets(),
            recorded.orders(),
            recorded.sellers(),
            recorded.messages(),
            tx,
            clock);
    this.openTicket =
        new OpenTicketService(
            recorded.tickets(),
            recorded.messages(),
            recorded.orders(),
            tx,
            clock,
            deadline,
            changes,
            idempotency);
    this.ticketRead = new TicketReadService(recorded.messages(), tx, changes);
    this.search = new SearchTicketsService(recorded.tickets(), clock);
    this.postMessage =
        new PostMessageService(
            recorded.tickets(),
            recorded.messages(),
            tx,
            clock,
            deadline,
            changes,
            idempotency,
            textModules,
            returnPolicy,
            labels);
    this.closeTicket =
        new CloseTicketService(recorded.tickets(), recorded.messages(), clock, changes);
    this.actions =
        new TicketActionService(
            recorded.tickets(),
            recorded.messages(),
            recorded.orders(),
            recorded.ledger(),
            recorded.idempotencyKeys(),
            tx,
            clock,
            deadline);
    this.deadlines =
        new DeadlineService(
            recorded.tickets(),
            recorded.systemState(),
            recorded.leases(),
            tx,
            deadline,
            clock,
            settings.node());
    this.returnOptionDeadlines =
        new ReturnOptionDeadlineService(
            recorded.tickets(), recorded.leases(), tx, returnPolicy, clock, settings.node());
    this.defaultTextModules =
        new DefaultTextModuleService(defaultTextModules, recorded.textModules(), tx, clock);
    this.events = new EventFeedService(recorded.outbox(), clock, settings.eventRetention());
    this.streams = new EventStreamService(recorded.outbox());
    this.keyPurge =
        new IdempotencyKeyPurgeService(
            recorded.idempotencyKeys(),
            clock,
            settings.idempotencyRetention(),
            IdempotencyKeyPurgeService.DEFAULT_BATCH_SIZE,
            recorded.leases(),
            settings.idempotencyPurgeInterval(),
            settings.node());
  }

  /** The same core on the same ports with another clock (e.g. demo data written in the past). */
  public TicketdeskCore withClock(Clock other) {
    return new TicketdeskCore(store, carriers, defaultTextModuleSource, holidays, other, settings);
  }

  /** The clock the core reads time from. */
  public Clock clock() {
    return clock;
  }

  public RegisterSellerUseCase registerSeller() {
    return sellers;
  }

  public RevokeTokenUseCase revokeToken() {
    return access;
  }

  public IssueTokenUseCase issueToken() {
    return access;
  }

  public AuthenticateUseCase authenticate() {
    return access;
  }

  /** Browser sessions: a token exchanged for a session cookie, ending with its token. */
  public BrowserSessionUseCase browserSessions() {
    return browserSessions;
  }

  /** The buyers' names of tickets, for the seller and customer service. */
  public BuyerNamesUseCase buyerNames() {
    return buyerNames;
  }

  public FeedOrderUseCase feedOrder() {
    return orders;
  }

  public UpdateOrderUnitUseCase updateOrderUnit() {
    return orders;
  }

  public OpenTicketUseCase openTicket() {
    return openTicket;
  }

  public FindTicketUseCase findTicket() {
    return ticketRead;
  }

  public SearchTicketsUseCase searchTickets() {
    return search;
  }

  public ListMessagesUseCase listMessages() {
    return ticketRead;
  }

  public PostMessageUseCase postMessage() {
    return postMessage;
  }

  public CloseTicketUseCase closeTicket() {
    return closeTicket;
  }

  public MeasureResponseTimeUseCase measureResponseTime() {
    return serviceLevel;
  }

  public ManageTextModulesUseCase manageTextModules() {
    return textModules;
  }

  public RenderTextModuleUseCase renderTextModule() {
    return textModules;
  }

  public ShowOrderDetailsUseCase showOrderDetails() {
    return actions;
  }

  public RefundUseCase refund() {
    return actions;
  }

  public CancelOrderUnitUseCase cancelOrderUnit() {
    return actions;
  }

  public EscalateTicketUseCase escalateTicket() {
    return actions;
  }

  public HandBackTicketUseCase handBackTicket() {
    return actions;
  }

  public AssessReturnPolicyUseCase assessReturnPolicy() {
    return returnPolicy;
  }

  public ListCarriersUseCase listCarriers() {
    return labels;
  }

  public CreateReturnLabelUseCase createReturnLabel() {
    return labels;
  }

  /** Exchange rates per day, set by the marketplace or imported (the 40 EUR limit in CZK, PLN). */
  public ExchangeRatesUseCase exchangeRates() {
    return exchangeRates;
  }

  /** Marking a ticket as a return request. */
  public MarkReturnRequestUseCase markReturnRequest() {
    return actions;
  }

  /** One unit of work of the store around the use cases of one request. */
  public UnitOfWork requests() {
    return new UnitOfWork() {
      @Override
      public <T> T inOne(Supplier<T> work) {
        return store.transactions().inTransaction(work);
      }

      @Override
      public <T> T reading(Supplier<T> work) {
        return store.transactions().reading(work);
      }
    };
  }

  public DownloadReturnLabelUseCase downloadReturnLabel() {
    return labels;
  }

  /** The working time left to a ticket's response deadline (the storefront's calendar). */
  public WorkingTimeLeftUseCase workingTimeLeft() {
    return deadlines;
  }

  public RecomputeDeadlinesUseCase recomputeDeadlines() {
    return deadlines;
  }

  public StoreDefaultTextModulesUseCase storeDefaultTextModules() {
    return defaultTextModules;
  }

  /** The event feed (the outbox's committed events in commit order, per caller's rights). */
  public ReadEventsUseCase readEvents() {
    return events;
  }

  /** Live event streams (the same events and scopes as the feed) of this instance. */
  public StreamEventsUseCase streamEvents() {
    return streams;
  }

  /**
   * Webhooks sent through {@code sender} (the outgoing HTTP client) with the operator's {@code
   * settings}: managing endpoints, and the dispatcher that every instance runs in the background.
   * Without it the events are still recorded and readable as the feed.
   */
  public Webhooks webhooks(WebhookSender sender, WebhookSettings webhookSettings) {
    requireNonNull(sender, "sender is null");
    requireNonNull(webhookSettings, "webhookSettings is null");
    var tx = store.transactions();
    return new Webhooks(
        new WebhookService(
            store.webhookEndpoints(),
            store.webhookDeliveries(),
            store.outbox(),
            store.sellers(),
            tx,
            sender,
            webhookSettings,
            clock),
        new WebhookDispatcher(
            store.outbox(),
            store.webhookEndpoints(),
            store.webhookDeliveries(),
            tx,
            sender,
            webhookSettings,
            clock));
  }

  /**
   * Webhooks without an HTTP client: endpoints cannot be registered (every target is refused) and
   * nothing is sent; the events are still recorded and readable as the feed.
   */
  public Webhooks webhooks() {
    return webhooks(WebhookSender.none(), WebhookSettings.defaults());
  }

  /** Managing webhook endpoints and dispatching deliveries. */
  public record Webhooks(ManageWebhooksUseCase manage, DispatchWebhooksUseCase dispatch) {}

  /**
   * The scheduler of deadline alerts: {@code ticket.deadline_approaching} when at most {@code
   * warning} of working time is left before a ticket's 48-hour deadline, {@code ticket.overdue}
   * after it.
   */
  public RaiseDeadlineAlertsUseCase deadlineAlerts(Duration warning) {
    return new DeadlineAlertService(
        store.tickets(),
        store.outbox(),
        store.transactions(),
        new ResponseDeadline(holidays),
        clock,
        warning,
        settings.eventRetention());
  }

  /**
   * The scheduler of the return-option policy's deadlines: the consequence of a return request
   * whose option-carrying answer did not come in time, once for the cluster.
   */
  public EnforceReturnOptionDeadlinesUseCase enforceReturnOptionDeadlines() {
    return returnOptionDeadlines;
  }

  /** The event feed's retention. */
  public PurgeEventsUseCase purgeEvents() {
    return events;
  }

  public PurgeIdempotencyKeysUseCase purgeIdempotencyKeys() {
    return keyPurge;
  }
}
