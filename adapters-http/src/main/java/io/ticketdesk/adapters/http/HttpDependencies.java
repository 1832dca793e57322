package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.AssessReturnPolicyUseCase;
import io.ticketdesk.application.port.in.AuthenticateUseCase;
import io.ticketdesk.application.port.in.CancelOrderUnitUseCase;
import io.ticketdesk.application.port.in.CloseTicketUseCase;
import io.ticketdesk.application.port.in.CreateReturnLabelUseCase;
import io.ticketdesk.application.port.in.DownloadReturnLabelUseCase;
import io.ticketdesk.application.port.in.EscalateTicketUseCase;
import io.ticketdesk.application.port.in.ExchangeRatesUseCase;
import io.ticketdesk.application.port.in.FeedOrderUseCase;
import io.ticketdesk.application.port.in.FindTicketUseCase;
import io.ticketdesk.application.port.in.HandBackTicketUseCase;
import io.ticketdesk.application.port.in.IssueTokenUseCase;
import io.ticketdesk.application.port.in.ListCarriersUseCase;
import io.ticketdesk.application.port.in.ListMessagesUseCase;
import io.ticketdesk.application.port.in.ManageTextModulesUseCase;
import io.ticketdesk.application.port.in.MarkReturnRequestUseCase;
import io.ticketdesk.application.port.in.MeasureResponseTimeUseCase;
import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.in.RefundUseCase;
import io.ticketdesk.application.port.in.RegisterSellerUseCase;
import io.ticketdesk.application.port.in.RenderTextModuleUseCase;
import io.ticketdesk.application.port.in.SearchTicketsUseCase;
import io.ticketdesk.application.port.in.ShowOrderDetailsUseCase;
import io.ticketdesk.application.port.in.UpdateOrderUnitUseCase;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DailyRate;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.PolicyPhase;
import io.ticketdesk.domain.RateUsed;
import io.ticketdesk.domain.ReturnLabel;
import io.ticketdesk.domain.Ticket;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The use cases (and the readiness probe and clock) the HTTP adapter drives. */
public record HttpDependencies(
    RegisterSellerUseCase registerSeller,
    IssueTokenUseCase issueToken,
    AuthenticateUseCase authenticate,
    FeedOrderUseCase feedOrder,
    UpdateOrderUnitUseCase updateOrderUnit,
    OpenTicketUseCase openTicket,
    FindTicketUseCase findTicket,
    SearchTicketsUseCase searchTickets,
    ListMessagesUseCase listMessages,
    PostMessageUseCase postMessage,
    CloseTicketUseCase closeTicket,
    MeasureResponseTimeUseCase measureResponseTime,
    ManageTextModulesUseCase manageTextModules,
    RenderTextModuleUseCase renderTextModule,
    BooleanSupplier ready,
    Clock clock,
    ShowOrderDetailsUseCase showOrderDetails,
    RefundUseCase refund,
    CancelOrderUnitUseCase cancelOrderUnit,
    EscalateTicketUseCase escalateTicket,
    HandBackTicketUseCase handBackTicket,
    AssessReturnPolicyUseCase assessReturnPolicy,
    ListCarriersUseCase listCarriers,
    CreateReturnLabelUseCase createReturnLabel,
    DownloadReturnLabelUseCase downloadReturnLabel,
    ExchangeRatesUseCase exchangeRates,
    MarkReturnRequestUseCase markReturnRequest,
    Transactions requests) {
  public HttpDependencies {
    requireNonNull(registerSeller, "registerSeller is null");
    requireNonNull(issueToken, "issueToken is null");
    requireNonNull(authenticate, "authenticate is null");
    requireNonNull(feedOrder, "feedOrder is null");
    requireNonNull(updateOrderUnit, "updateOrderUnit is null");
    requireNonNull(openTicket, "openTicket is null");
    requireNonNull(findTicket, "findTicket is null");
    requireNonNull(searchTickets, "searchTickets is null");
    requireNonNull(listMessages, "listMessages is null");
    requireNonNull(postMessage, "postMessage is null");
    requireNonNull(closeTicket, "closeTicket is null");
    requireNonNull(measureResponseTime, "measureResponseTime is null");
    requireNonNull(manageTextModules, "manageTextModules is null");
    requireNonNull(renderTextModule, "renderTextModule is null");
    requireNonNull(ready, "ready is null");
    requireNonNull(clock, "clock is null");
    requireNonNull(showOrderDetails, "showOrderDetails is null");
    requireNonNull(refund, "refund is null");
    requireNonNull(cancelOrderUnit, "cancelOrderUnit is null");
    requireNonNull(escalateTicket, "escalateTicket is null");
    requireNonNull(handBackTicket, "handBackTicket is null");
    requireNonNull(assessReturnPolicy, "assessReturnPolicy is null");
    requireNonNull(listCarriers, "listCarriers is null");
    requireNonNull(createReturnLabel, "createReturnLabel is null");
    requireNonNull(downloadReturnLabel, "downloadReturnLabel is null");
    requireNonNull(exchangeRates, "exchangeRates is null");
    requireNonNull(markReturnRequest, "markReturnRequest is null");
    requireNonNull(requests, "requests is null");
  }

  /**
   * Runs each write request (its use cases and the making of its answer) as one unit of work of the
   * store, so that a request answered 5xx commits nothing: the store's own transactions.
   */
  public Transactions requests() {
    return requests;
  }

  /**
   * Without the return-option policy and return labels: tickets show a policy that does not apply,
   * no carriers are loaded and labels cannot be made.
   */
  public HttpDependencies(
      RegisterSellerUseCase registerSeller,
      IssueTokenUseCase issueToken,
      AuthenticateUseCase authenticate,
      FeedOrderUseCase feedOrder,
      UpdateOrderUnitUseCase updateOrderUnit,
      OpenTicketUseCase openTicket,
      FindTicketUseCase findTicket,
      SearchTicketsUseCase searchTickets,
      ListMessagesUseCase listMessages,
      PostMessageUseCase postMessage,
      CloseTicketUseCase closeTicket,
      MeasureResponseTimeUseCase measureResponseTime,
      ManageTextModulesUseCase manageTextModules,
      RenderTextModuleUseCase renderTextModule,
      BooleanSupplier ready,
      Clock clock,
      ShowOrderDetailsUseCase showOrderDetails,
      RefundUseCase refund,
      CancelOrderUnitUseCase cancelOrderUnit,
      EscalateTicketUseCase escalateTicket,
      HandBackTicketUseCase handBackTicket) {
    this(
        registerSeller,
        issueToken,
        authenticate,
        feedOrder,
        updateOrderUnit,
        openTicket,
        findTicket,
        searchTickets,
        listMessages,
        postMessage,
        closeTicket,
        measureResponseTime,
        manageTextModules,
        renderTextModule,
        ready,
        clock,
        showOrderDetails,
        refund,
        cancelOrderUnit,
        escalateTicket,
        handBackTicket,
        new AssessReturnPolicyUseCase() {
          @Override
          public ReturnPolicyState state(Actor actor, Ticket ticket) {
            return new ReturnPolicyState(
                false, PolicyPhase.NONE, true, List.of(), null, null, null, null);
          }

          @Override
          public List<ReturnPolicyState> states(Actor actor, List<Ticket> tickets) {
            return tickets.stream().map(t -> state(actor, t)).toList();
          }
        },
        actor -> List.of(),
        new CreateReturnLabelUseCase() {
          @Override
          public ReturnLabel create(Actor actor, Command command) {
            throw unavailable();
          }

          @Override
          public ReturnLabel upload(Actor actor, Upload upload) {
            throw unavailable();
          }
        },
        (actor, labelId) -> {
          throw new DomainException(ErrorCode.NOT_FOUND, "return label " + labelId + " not found");
        },
        new ExchangeRatesUseCase() {
          @Override
          public DailyRate set(Actor actor, DailyRate rate) {
            throw new DomainException(ErrorCode.VALIDATION, "exchange rates are not kept here");
          }

          @Override
          public int importRates(Actor actor, List<DailyRate> rates) {
            throw new DomainException(ErrorCode.VALIDATION, "exchange rates are not kept here");
          }

          @Override
          public RateUsed rateFor(Actor actor, String currency, java.time.LocalDate day) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no exchange rate is kept here");
          }
        },
        (actor, command) -> {
          throw new DomainException(ErrorCode.VALIDATION, "return requests are not marked here");
        },
        new Transactions() {
          @Override
          public <T> T inTransaction(java.util.function.Supplier<T> work) {
            return work.get(); // each use case keeps its own transaction
          }
        });
  }

  private static DomainException unavailable() {
    return new DomainException(ErrorCode.VALIDATION, "return labels are not available here");
  }
}
