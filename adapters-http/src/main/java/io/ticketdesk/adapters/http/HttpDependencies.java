package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.AssessReturnPolicyUseCase;
import io.ticketdesk.application.port.in.AuthenticateUseCase;
import io.ticketdesk.application.port.in.BrowserSessionUseCase;
import io.ticketdesk.application.port.in.BuyerNamesUseCase;
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
import io.ticketdesk.application.port.in.ManageWebhooksUseCase;
import io.ticketdesk.application.port.in.MarkReturnRequestUseCase;
import io.ticketdesk.application.port.in.MeasureResponseTimeUseCase;
import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.in.ReadEventsUseCase;
import io.ticketdesk.application.port.in.RefundUseCase;
import io.ticketdesk.application.port.in.RegisterSellerUseCase;
import io.ticketdesk.application.port.in.RenderTextModuleUseCase;
import io.ticketdesk.application.port.in.SearchTicketsUseCase;
import io.ticketdesk.application.port.in.ShowOrderDetailsUseCase;
import io.ticketdesk.application.port.in.StreamEventsUseCase;
import io.ticketdesk.application.port.in.UnitOfWork;
import io.ticketdesk.application.port.in.UpdateOrderUnitUseCase;
import io.ticketdesk.application.port.in.WorkingTimeLeftUseCase;
import io.ticketdesk.application.service.TicketdeskCore;
import java.time.Clock;
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
    UnitOfWork requests,
    ReadEventsUseCase readEvents,
    BrowserSessionUseCase browserSessions,
    WorkingTimeLeftUseCase workingTimeLeft,
    BuyerNamesUseCase buyerNames,
    ManageWebhooksUseCase manageWebhooks,
    StreamEventsUseCase streamEvents) {
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
    requireNonNull(readEvents, "readEvents is null");
    requireNonNull(browserSessions, "browserSessions is null");
    requireNonNull(workingTimeLeft, "workingTimeLeft is null");
    requireNonNull(buyerNames, "buyerNames is null");
    requireNonNull(manageWebhooks, "manageWebhooks is null");
    requireNonNull(streamEvents, "streamEvents is null");
  }

  /**
   * Every use case of the core, with the readiness probe ({@code ready}: the store answers); no
   * webhooks are sent (registering an endpoint is refused).
   */
  public static HttpDependencies of(TicketdeskCore core, BooleanSupplier ready) {
    return of(core, ready, core.webhooks().manage());
  }

  /** Every use case of the core, with the readiness probe and the webhooks' management. */
  public static HttpDependencies of(
      TicketdeskCore core, BooleanSupplier ready, ManageWebhooksUseCase manageWebhooks) {
    return new HttpDependencies(
        core.registerSeller(),
        core.issueToken(),
        core.authenticate(),
        core.feedOrder(),
        core.updateOrderUnit(),
        core.openTicket(),
        core.findTicket(),
        core.searchTickets(),
        core.listMessages(),
        core.postMessage(),
        core.closeTicket(),
        core.measureResponseTime(),
        core.manageTextModules(),
        core.renderTextModule(),
        ready,
        core.clock(),
        core.showOrderDetails(),
        core.refund(),
        core.cancelOrderUnit(),
        core.escalateTicket(),
        core.handBackTicket(),
        core.assessReturnPolicy(),
        core.listCarriers(),
        core.createReturnLabel(),
        core.downloadReturnLabel(),
        core.exchangeRates(),
        core.markReturnRequest(),
        core.requests(),
        core.readEvents(),
        core.browserSessions(),
        core.workingTimeLeft(),
        core.buyerNames(),
        manageWebhooks,
        core.streamEvents());
  }
}
