package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.ticketdesk.application.port.in.AssessReturnPolicyUseCase;
import io.ticketdesk.application.port.in.BuyerNamesUseCase;
import io.ticketdesk.application.port.in.CloseTicketUseCase;
import io.ticketdesk.application.port.in.FindTicketUseCase;
import io.ticketdesk.application.port.in.IdempotencyKey;
import io.ticketdesk.application.port.in.ListMessagesUseCase;
import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.in.SearchTicketsUseCase;
import io.ticketdesk.application.port.in.WorkingTimeLeftUseCase;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.ClosingReason;
import io.ticketdesk.domain.Language;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.ReturnOption;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TextModuleId;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.TicketTopic;
import io.ticketdesk.domain.TopicFilter;
import io.ticketdesk.domain.WaitingOn;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Tickets as a chat: open, list and search, read, write, close. */
final class TicketRoutes {
  private static final Set<String> LIST_PARAMS =
      Set.of(
          "status",
          "waitingOn",
          "reason",
          "topic",
          "storefront",
          "createdFrom",
          "createdTo",
          "overdue",
          "q",
          "sort",
          "limit",
          "cursor");
  private static final Set<String> COUNT_PARAMS =
      Set.of(
          "waitingOn", "reason", "topic", "storefront", "createdFrom", "createdTo", "overdue", "q");
  private static final Set<String> MESSAGE_PARAMS = Set.of("limit", "cursor");

  private final OpenTicketUseCase openTicket;
  private final FindTicketUseCase findTicket;
  private final SearchTicketsUseCase searchTickets;
  private final ListMessagesUseCase listMessages;
  private final PostMessageUseCase postMessage;
  private final CloseTicketUseCase closeTicket;
  private final AssessReturnPolicyUseCase assessReturnPolicy;
  private final Clock clock;
  private final WorkingTimeLeftUseCase workingTimeLeft;
  private final BuyerNamesUseCase buyerNames;

  TicketRoutes(HttpDependencies deps) {
    this.assessReturnPolicy =
        requireNonNull(deps.assessReturnPolicy(), "assessReturnPolicy is null");
    this.openTicket = requireNonNull(deps.openTicket(), "openTicket is null");
    this.findTicket = requireNonNull(deps.findTicket(), "findTicket is null");
    this.searchTickets = requireNonNull(deps.searchTickets(), "searchTickets is null");
    this.listMessages = requireNonNull(deps.listMessages(), "listMessages is null");
    this.postMessage = requireNonNull(deps.postMessage(), "postMessage is null");
    this.closeTicket = requireNonNull(deps.closeTicket(), "closeTicket is null");
    this.clock = requireNonNull(deps.clock(), "clock is null");
    this.workingTimeLeft = requireNonNull(deps.workingTimeLeft(), "workingTimeLeft is null");
    this.buyerNames = requireNonNull(deps.buyerNames(), "buyerNames is null");
  }

  void open(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    IdempotencyKey key = Requests.idempotencyKey(ctx);
    TicketJson.Opening body = Requests.body(ctx, TicketJson.Opening.class);
    List<Long> ids = Requests.requiredList(body.orderUnitIds(), "orderUnitIds");
    List<OrderUnitId> unitIds = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      long id = ids.get(i);
      unitIds.add(Requests.build("orderUnitIds[" + i + "]", () -> OrderUnitId.of(id)));
    }
    OrderNumber orderNumber = Requests.parse(body.orderNumber(), "orderNumber", OrderNumber::of);
    TicketReason reason =
        Requests.parse(Requests.required(body.reason(), "reason"), "reason", TicketReason::of);
    TicketTopic topic = Requests.parse(body.topic(), "topic", TicketTopic::of);
    ReturnIntent intent = Requests.parse(body.returnIntent(), "returnIntent", ReturnIntent::of);
    MessageText message =
        Requests.parse(Requests.required(body.message(), "message"), "message", MessageText::of);
    var command =
        Requests.build(
            "orderUnitIds",
            () ->
                new OpenTicketUseCase.Command(
                    unitIds, orderNumber, reason, topic, intent, message, key));
    OpenTicketUseCase.Opened opened = openTicket.open(actor, command);
    Ticket ticket = opened.ticket();
    ctx.header("Location", HttpServer.API + "/tickets/" + ticket.number().value());
    Responses.replayed(ctx, opened.replayed());
    // A replay answers as the first answer did: its time-derived fields (overdue, the working time
    // left) as of the opening, not of the retry.
    sendTicket(ctx, 201, ticket, opened.replayed() ? ticket.updatedAt() : clock.instant());
  }

  void list(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    QueryParams p = QueryParams.of(ctx, LIST_PARAMS);
    var query =
        new SearchTicketsUseCase.Query(
            p.parse("status", TicketStatus::of),
            p.parse("waitingOn", WaitingOn::of),
            p.parse("reason", TicketReason::of),
            p.parse("topic", TopicFilter::of),
            p.parse("storefront", Storefront::of),
            p.instant("createdFrom"),
            p.instant("createdTo"),
            p.bool("overdue"),
            p.text("q"),
            p.parse("sort", SearchTicketsUseCase.Sort::of),
            p.integer("limit"),
            p.text("cursor"));
    var page = searchTickets.search(actor, query);
    var now = clock.instant();
    var states = assessReturnPolicy.states(actor, page.items());
    var names = buyerNames.buyerNames(actor, page.items());
    List<TicketJson> items = new ArrayList<>(page.items().size());
    for (int i = 0; i < page.items().size(); i++) {
      Ticket ticket = page.items().get(i);
      items.add(
          TicketJson.of(
              ticket,
              now,
              ReturnPolicyJson.of(states.get(i)),
              workingTimeLeft.workingTimeLeft(ticket, now),
              names.get(ticket.number())));
    }
    Responses.json(ctx, 200, new PageJson<>(items, page.nextCursor()));
  }

  /** The inbox tabs: how many tickets match the list's filters, per status. */
  void counts(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    QueryParams p = QueryParams.of(ctx, COUNT_PARAMS);
    var query =
        new SearchTicketsUseCase.Query(
            null,
            p.parse("waitingOn", WaitingOn::of),
            p.parse("reason", TicketReason::of),
            p.parse("topic", TopicFilter::of),
            p.parse("storefront", Storefront::of),
            p.instant("createdFrom"),
            p.instant("createdTo"),
            p.bool("overdue"),
            p.text("q"),
            null,
            null,
            null);
    var counts = searchTickets.countByStatus(actor, query);
    var body =
        new TicketJson.Counts(
            counts.get(TicketStatus.OPEN),
            counts.get(TicketStatus.WAITING),
            counts.get(TicketStatus.CLOSED));
    String etag = "\"" + body.open() + "-" + body.waiting() + "-" + body.closed() + "\"";
    ctx.header("ETag", etag);
    if (Requests.holds(ctx, etag)) {
      ctx.status(304); // the counts the client holds are still the counts (a poll)
      return;
    }
    Responses.json(ctx, 200, body);
  }

  void get(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    TicketNumber number = Requests.ticketNumber(ctx);
    Ticket ticket = findTicket.find(actor, number);
    String etag = Requests.etag(ticket.version());
    if (Requests.holds(ctx, etag)) {
      ctx.header("ETag", etag);
      ctx.status(304); // not changed since the version the client holds (a poll)
      return;
    }
    sendTicket(ctx, 200, ticket);
  }

  void messages(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    TicketNumber number = Requests.ticketNumber(ctx);
    QueryParams p = QueryParams.of(ctx, MESSAGE_PARAMS);
    var page =
        listMessages.list(
            actor, number, p.integer("limit"), p.text("cursor"), Requests.language(ctx));
    ctx.header("Content-Language", page.language().tag());
    Responses.json(
        ctx,
        200,
        new PageJson<>(
            page.items().stream().map(m -> MessageJson.of(m, page.textOf(m))).toList(),
            page.nextCursor()));
  }

  void post(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    TicketNumber number = Requests.ticketNumber(ctx);
    Long expected = Requests.expectedVersion(ctx);
    IdempotencyKey key = Requests.idempotencyKey(ctx);
    MessageJson.Posting body = Requests.body(ctx, MessageJson.Posting.class);
    if (body.text() == null && body.textModuleId() == null) {
      throw Requests.invalid("text", "text is required (or give textModuleId)");
    }
    MessageText text = Requests.parse(body.text(), "text", MessageText::of);
    TextModuleId module =
        body.textModuleId() == null
            ? null
            : Requests.build("textModuleId", () -> TextModuleId.of(body.textModuleId()));
    boolean internal = body.internal() != null && body.internal();
    if (body.channel() != null || body.authorRole() != null) {
      if (!"seller".equals(body.authorRole()) || body.channel() == null) {
        throw Requests.invalid(
            "authorRole",
            "a message from another channel gives authorRole \"seller\" and the channel, e.g."
                + " email");
      }
    }
    ReturnOffer offer = offer(body);
    boolean override = body.overridePolicyGuard() != null && body.overridePolicyGuard();
    var command =
        Requests.build(
            "channel",
            () ->
                new PostMessageUseCase.Command(
                    number,
                    text,
                    module,
                    internal,
                    expected,
                    offer,
                    override,
                    body.channel(),
                    key));
    var posted = postMessage.post(actor, command);
    if (posted.replayed()) {
      // The ticket's version right after the first answer is not kept: no ETag rather than a
      // newer one the client has not seen.
      Responses.replayed(ctx, true);
    } else {
      ctx.header("ETag", Requests.etag(posted.ticket().version()));
    }
    Language language =
        Language.forReader(actor.role(), posted.ticket().storefront(), Requests.language(ctx));
    ctx.header("Content-Language", language.tag());
    Responses.json(
        ctx,
        201,
        MessageJson.posted(
            posted.message(), posted.warnings(), language, posted.ticket().storefront()));
  }

  private static ReturnOffer offer(MessageJson.Posting body) {
    List<ReturnOption> options = new ArrayList<>();
    if (body.returnOptions() != null) {
      List<ReturnPolicyJson.OptionJson> given =
          Requests.requiredList(body.returnOptions(), "returnOptions");
      for (int i = 0; i < given.size(); i++) {
        ReturnPolicyJson.OptionJson o = given.get(i);
        String field = "returnOptions[" + i + "]";
        ReturnOptionType type =
            Requests.parse(
                Requests.required(o.type(), field + ".type"),
                field + ".type",
                ReturnOptionType::of);
        OrderUnitId unit =
            o.orderUnitId() == null
                ? null
                : Requests.build(field + ".orderUnitId", () -> OrderUnitId.of(o.orderUnitId()));
        ReturnAddress address =
            o.address() == null ? null : o.address().toDomain(field + ".address");
        options.add(
            Requests.build(
                field, () -> new ReturnOption(type, o.labelId(), o.url(), unit, address)));
      }
    }
    Money discount = null;
    if (body.discountOffer() != null) {
      long amount = Requests.required(body.discountOffer().amount(), "discountOffer.amount");
      String currency =
          Requests.required(body.discountOffer().currency(), "discountOffer.currency");
      discount = Requests.money("discountOffer", amount, currency);
    }
    Money d = discount;
    return Requests.build("returnOptions", () -> new ReturnOffer(options, d));
  }

  void close(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    TicketNumber number = Requests.ticketNumber(ctx);
    Long expected = Requests.expectedVersion(ctx);
    CloseBody body = Requests.optionalBody(ctx, CloseBody.class);
    ClosingReason reason =
        body == null || body.reason() == null
            ? null
            : Requests.build("reason", () -> ClosingReason.of(body.reason()));
    sendTicket(ctx, 200, closeTicket.close(actor, number, reason, expected));
  }

  /** The optional body of a close: why (required when customer service closes unanswered). */
  record CloseBody(String reason) {}

  private void sendTicket(Context ctx, int status, Ticket ticket) {
    sendTicket(ctx, status, ticket, clock.instant());
  }

  /** The ticket with its time-derived fields as of {@code now}. */
  private void sendTicket(Context ctx, int status, Ticket ticket, Instant now) {
    ctx.header("ETag", Requests.etag(ticket.version()));
    Actor actor = Authentication.actor(ctx);
    Responses.json(
        ctx,
        status,
        TicketJson.of(
            ticket,
            now,
            ReturnPolicyJson.of(assessReturnPolicy.state(actor, ticket)),
            workingTimeLeft.workingTimeLeft(ticket, now),
            buyerNames.buyerNames(actor, List.of(ticket)).get(ticket.number())));
  }
}
