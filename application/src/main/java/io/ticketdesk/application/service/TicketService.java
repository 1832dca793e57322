package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.CloseTicketUseCase;
import io.ticketdesk.application.port.in.CreateReturnLabelUseCase;
import io.ticketdesk.application.port.in.FindTicketUseCase;
import io.ticketdesk.application.port.in.ListMessagesUseCase;
import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.in.RenderTextModuleUseCase;
import io.ticketdesk.application.port.in.SearchTicketsUseCase;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.TicketQuery;
import io.ticketdesk.application.port.out.TicketSort;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.ClosingReason;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.ReturnLabel;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.ReturnOption;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TextModuleReturnOption;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tickets as a chat: open, read, search, write, close — always within the actor's scope. */
public final class TicketService
    implements OpenTicketUseCase,
        FindTicketUseCase,
        SearchTicketsUseCase,
        ListMessagesUseCase,
        PostMessageUseCase,
        CloseTicketUseCase {
  private static final int MAX_ATTEMPTS = 8;
  private static final RenderTextModuleUseCase NO_TEXT_MODULES =
      (actor, id, ticket) -> {
        throw new DomainException(
            ErrorCode.VALIDATION,
            "text modules are not available here; send text",
            Map.of("field", "textModuleId"));
      };

  private final Tickets tickets;
  private final TicketChanges changes;
  private final Messages messages;
  private final Orders orders;
  private final Transactions tx;
  private final Clock clock;
  private final ResponseDeadline deadline;
  private final RenderTextModuleUseCase textModules;
  private final ReturnPolicyService returnPolicy;
  private final ReturnLabelService labels;
  private final Idempotency idempotency;

  public TicketService(
      Tickets tickets,
      Messages messages,
      Orders orders,
      Transactions tx,
      Clock clock,
      ResponseDeadline deadline) {
    this(tickets, messages, orders, tx, clock, deadline, NO_TEXT_MODULES);
  }

  /** With text modules, so that a message can be written from one. */
  public TicketService(
      Tickets tickets,
      Messages messages,
      Orders orders,
      Transactions tx,
      Clock clock,
      ResponseDeadline deadline,
      RenderTextModuleUseCase textModules) {
    this(tickets, messages, orders, tx, clock, deadline, textModules, null);
  }

  /**
   * With text modules and the return-option policy, so that messages may offer return options and a
   * seller's first response to a return request is guarded ({@code returnPolicy} may be null: then
   * messages cannot offer return options).
   */
  public TicketService(
      Tickets tickets,
      Messages messages,
      Orders orders,
      Transactions tx,
      Clock clock,
      ResponseDeadline deadline,
      RenderTextModuleUseCase textModules,
      ReturnPolicyService returnPolicy) {
    this(tickets, messages, orders, tx, clock, deadline, textModules, returnPolicy, null, null);
  }

  /**
   * With return labels and idempotency keys too: sending a text module that offers a {@code
   * prepaid_label} makes the label with the carrier and attaches it ({@code labels} may be null:
   * then such a module cannot be sent), and opening a ticket or posting a message can be retried
   * under an idempotency key ({@code keys} may be null: then a request with a key is refused).
   */
  public TicketService(
      Tickets tickets,
      Messages messages,
      Orders orders,
      Transactions tx,
      Clock clock,
      ResponseDeadline deadline,
      RenderTextModuleUseCase textModules,
      ReturnPolicyService returnPolicy,
      ReturnLabelService labels,
      IdempotencyKeys keys) {
    this.labels = labels;
    this.returnPolicy = returnPolicy;
    this.textModules = requireNonNull(textModules, "textModules is null");
    this.tickets = requireNonNull(tickets, "tickets is null");
    this.changes = new TicketChanges(tickets, tx, MAX_ATTEMPTS, false);
    this.messages = requireNonNull(messages, "messages is null");
    this.orders = requireNonNull(orders, "orders is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.deadline = requireNonNull(deadline, "deadline is null");
    this.idempotency = new Idempotency(keys, clock);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public Opened open(Actor actor, OpenTicketUseCase.Command command) {
    Access.require(actor, "open tickets", Role.BUYER, Role.SELLER);
    OrderUnitId first = command.orderUnitIds().get(0);
    Idempotency.Request<Opened> request =
        idempotency.request(
            actor,
            command.idempotencyKey(),
            fingerprint(command),
            opened -> opened.ticket().number().value(),
            (seller, number) -> {
              Ticket ticket =
                  tickets
                      .find(seller, TicketNumber.of(number))
                      .orElseThrow(
                          () -> new IllegalStateException("ticket " + number + " is missing"));
              Message message = messages.list(seller, ticket.number(), true, 0, 1).get(0);
              return new Opened(ticket, message, true);
            });
    return changes.create(
        "order unit " + first.value(),
        () ->
            tx.inTransaction(
                () -> {
                  Order order =
                      orders
                          .findByUnit(first)
                          .filter(o -> actor.canSee(o.sellerId(), o.buyer().id()))
                          .orElseThrow(() -> Access.notFound("order unit " + first.value()));
                  if (command.orderNumber() != null
                      && !command.orderNumber().equals(order.number())) {
                    throw new DomainException(
                        ErrorCode.VALIDATION,
                        "order unit "
                            + first.value()
                            + " is not part of order "
                            + command.orderNumber().value(),
                        Map.of("field", "orderNumber"));
                  }
                  return request.once(order.sellerId(), () -> open(actor, command, order));
                }));
  }

  /** Stores the new ticket and its first message (in the caller's transaction). */
  private Opened open(Actor actor, OpenTicketUseCase.Command command, Order order) {
    Ticket.Opening opening =
        new Ticket.Opening(
            order,
            command.orderUnitIds(),
            command.reason(),
            command.topic(),
            command.returnIntent());
    Instant at = now();
    TicketNumber number = tickets.nextNumber();
    Ticket ticket =
        actor.is(Role.BUYER)
            ? Ticket.openedByBuyer(number, opening, at, deadline)
            : Ticket.openedBySeller(number, opening, at);
    tickets.add(ticket);
    Message message =
        messages.add(ticket.sellerId(), number, actor.authorRole(), command.message(), false, at);
    return new Opened(ticket, message);
  }

  /** What a request to open a ticket asks for. */
  private static Fingerprint fingerprint(OpenTicketUseCase.Command c) {
    Fingerprint f = Fingerprint.of("ticket").add(c.orderUnitIds().size());
    c.orderUnitIds().forEach(id -> f.add(id.value()));
    return f.add(c.orderNumber() == null ? null : c.orderNumber().value())
        .add(c.reason())
        .add(c.topic())
        .add(c.returnIntent())
        .text(c.message().value());
  }

  @Override
  public Ticket find(Actor actor, TicketNumber number) {
    Validation.required(number, "ticketNumber");
    return changes.load(actor, number);
  }

  @Override
  public TicketPage search(Actor actor, Query q) {
    if (actor == null) {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, "authentication required");
    }
    TicketSort sort = q.sort() == null ? TicketSort.CREATED_DESC : q.sort();
    int limit = q.limit() == null ? SearchTicketsUseCase.DEFAULT_LIMIT : q.limit();
    if (limit < 1 || limit > SearchTicketsUseCase.MAX_LIMIT) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "limit must be between 1 and " + SearchTicketsUseCase.MAX_LIMIT,
          Map.of("field", "limit"));
    }
    if (q.createdFrom() != null
        && q.createdTo() != null
        && !q.createdFrom().isBefore(q.createdTo())) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "createdFrom must be before createdTo",
          Map.of("field", "createdFrom"));
    }
    TicketStatus status = q.status();
    if (sort == TicketSort.DUE) {
      if (status != null && status != TicketStatus.OPEN) {
        throw new DomainException(
            ErrorCode.VALIDATION,
            "sort=due lists open tickets only; drop status or use status=open",
            Map.of("field", "sort"));
      }
      status = TicketStatus.OPEN;
    }
    TicketNumber ticketNumber = null;
    OrderNumber orderNumber = null;
    if (q.q() != null && !q.q().isBlank()) {
      String text = q.q().strip();
      if (TicketNumber.looksLike(text)) {
        ticketNumber = TicketNumber.of(text);
      } else if (OrderNumber.looksLike(text.toUpperCase(java.util.Locale.ROOT))) {
        orderNumber = OrderNumber.of(text.toUpperCase(java.util.Locale.ROOT));
      } else {
        throw new DomainException(
            ErrorCode.VALIDATION,
            "q must be an 11-digit ticket number (001…) or an order number (letters and digits)",
            Map.of("field", "q"));
      }
    }
    TicketQuery.Keyset after =
        q.cursor() == null ? null : PageCursor.parseTickets(q.cursor(), sort);
    TicketQuery query =
        new TicketQuery(
            actor.is(Role.SELLER) ? actor.sellerId().orElseThrow() : null,
            actor.is(Role.BUYER) ? actor.buyerId().orElseThrow() : null,
            status,
            q.waitingOn(),
            q.reason(),
            q.topic(),
            q.storefront(),
            q.createdFrom(),
            q.createdTo(),
            ticketNumber,
            orderNumber,
            q.overdue(),
            now(),
            sort,
            after,
            limit + 1);
    List<Ticket> rows = tickets.search(query);
    if (rows.size() <= limit) {
      return new TicketPage(rows, null);
    }
    List<Ticket> page = rows.subList(0, limit);
    Ticket last = page.get(limit - 1);
    return new TicketPage(List.copyOf(page), PageCursor.tickets(sort, keyset(sort, last)));
  }

  static TicketQuery.Keyset keyset(TicketSort sort, Ticket t) {
    Instant key =
        switch (sort) {
          case CREATED_DESC -> t.createdAt();
          case UPDATED_DESC -> t.updatedAt();
          case DUE -> t.responseDueAt();
        };
    return new TicketQuery.Keyset(key, t.number());
  }

  @Override
  public ListMessagesUseCase.MessagePage list(
      Actor actor, TicketNumber number, Integer limit, String cursor) {
    int size = limit == null ? ListMessagesUseCase.DEFAULT_MESSAGES_PER_PAGE : limit;
    if (size < 1 || size > ListMessagesUseCase.MAX_MESSAGES_PER_PAGE) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "limit must be between 1 and " + ListMessagesUseCase.MAX_MESSAGES_PER_PAGE,
          Map.of("field", "limit"));
    }
    long afterId = cursor == null ? 0 : PageCursor.parseMessages(cursor);
    return tx.inTransaction(
        () -> {
          Ticket ticket = changes.load(actor, number);
          List<Message> rows =
              messages.list(
                  ticket.sellerId(), ticket.number(), !actor.is(Role.BUYER), afterId, size + 1);
          if (rows.size() <= size) {
            return new ListMessagesUseCase.MessagePage(rows, null);
          }
          List<Message> page = List.copyOf(rows.subList(0, size));
          return new ListMessagesUseCase.MessagePage(
              page, PageCursor.messages(page.get(size - 1).id()));
        });
  }

  @Override
  public Posted post(Actor actor, PostMessageUseCase.Command command) {
    String channel = command.channel();
    if (channel != null) {
      Access.require(actor, "record messages from other channels", Role.MARKETPLACE);
      if (command.internal() || command.textModuleId() != null) {
        throw new DomainException(
            ErrorCode.VALIDATION,
            "a message from another channel is the seller's text as sent: no internal note, no"
                + " text module",
            Map.of("field", "channel"));
      }
    } else {
      Access.require(actor, "write messages", Role.BUYER, Role.SELLER, Role.CUSTOMER_SERVICE);
    }
    if (command.internal() && actor.is(Role.BUYER)) {
      throw new DomainException(
          ErrorCode.VALIDATION, "buyers cannot write internal notes", Map.of("field", "internal"));
    }
    ReturnOffer explicit = command.offer();
    checkOfferAllowed(actor, command, explicit);
    Idempotency.Request<Posted> request =
        idempotency.request(
            actor,
            command.idempotencyKey(),
            fingerprint(command),
            TicketService::remembered,
            (seller, stored) -> replay(seller, command.ticketNumber(), stored));
    if (request.keyed()) {
      // A repeated request answers before a text module is rendered or a label made for nothing.
      Optional<Posted> earlier =
          tx.inTransaction(
              () -> request.earlier(changes.load(actor, command.ticketNumber()).sellerId()));
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    AuthorRole author = channel != null ? AuthorRole.SELLER : actor.authorRole();
    RenderTextModuleUseCase.Rendered fromModule =
        command.text() != null || command.textModuleId() == null
            ? null
            : textModules.render(actor, command.textModuleId(), command.ticketNumber());
    TextModuleReturnOption moduleOption = moduleOption(command, fromModule);
    Carriers.MadeLabel made = moduleOption == null ? null : makeLabel(actor, command, moduleOption);
    return changes.change(
        actor,
        command.ticketNumber(),
        command.expectedVersion(),
        request,
        (ticket) -> {
          Instant at = now();
          // A label made for this message is stored in the message's transaction: if the message
          // is refused, no label of it remains.
          ReturnLabel label = made == null ? null : labels.store(ticket, made, at);
          MessageText text =
              command.text() != null
                  ? command.text()
                  : MessageText.of(
                      textModules
                          .renderWith(actor, command.textModuleId(), ticket.number(), label)
                          .text());
          ReturnOffer offer =
              moduleOption == null
                  ? explicit
                  : new ReturnOffer(
                      List.of(moduleOption.toOption(label == null ? null : label.id())),
                      explicit.discountOffer());
          ReturnPolicyService.Decision decision =
              returnPolicy == null
                  ? null
                  : returnPolicy.decide(
                      ticket,
                      author,
                      command.internal(),
                      offer,
                      command.overridePolicyGuard() || channel != null,
                      at);
          Ticket next = ticket.onMessage(author, command.internal(), at, deadline);
          if (next != ticket) { // an internal note leaves the ticket as the buyer sees it
            tickets.update(next);
          }
          Message message =
              messages.add(
                  ticket.sellerId(), ticket.number(), author, text, command.internal(), at, offer);
          List<PostMessageUseCase.Warning> warnings =
              decision == null
                  ? List.of()
                  : returnPolicy.carryOut(decision, ticket, offer, channel, at);
          return new Posted(message, next, warnings);
        });
  }

  /** What a request to post a message asks for. */
  private static Fingerprint fingerprint(PostMessageUseCase.Command c) {
    Fingerprint f =
        Fingerprint.of("message")
            .add(c.ticketNumber().value())
            .text(c.text() == null ? null : c.text().value())
            .add(c.textModuleId() == null ? null : c.textModuleId().value())
            .add(c.internal())
            .add(c.offer().options().size());
    for (ReturnOption o : c.offer().options()) {
      f.add(o.type())
          .add(o.labelId())
          .text(o.url())
          .add(o.orderUnitId() == null ? null : o.orderUnitId().value());
    }
    Money discount = c.offer().discountOffer();
    if (discount == null) {
      f.add((String) null);
    } else {
      f.add(discount.amount()).add(discount.currency());
    }
    return f.add(c.overridePolicyGuard()).add(c.channel());
  }

  /** What a posted message's idempotency key remembers: the message id and the warnings. */
  private static String remembered(Posted posted) {
    List<String> parts = new ArrayList<>();
    parts.add(Long.toString(posted.message().id()));
    for (PostMessageUseCase.Warning w : posted.warnings()) {
      parts.add(w.code());
      parts.add(w.detail());
    }
    return Idempotency.joined(parts.toArray(String[]::new));
  }

  /** The answer to a post again, from what its key remembers; the ticket as it is now. */
  private Posted replay(SellerId seller, TicketNumber number, String remembered) {
    List<String> parts = Idempotency.split(remembered);
    long id = Long.parseLong(parts.get(0));
    // Messages are listed by id: the first one of the ticket after id - 1 is the message itself.
    Message message =
        messages.list(seller, number, true, id - 1, 1).stream()
            .filter(m -> m.id() == id)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("message " + id + " is missing"));
    List<PostMessageUseCase.Warning> warnings = new ArrayList<>();
    for (int i = 1; i + 1 < parts.size(); i += 2) {
      warnings.add(new PostMessageUseCase.Warning(parts.get(i), parts.get(i + 1)));
    }
    Ticket ticket =
        tickets
            .find(seller, number)
            .orElseThrow(
                () -> new IllegalStateException("ticket " + number.value() + " is missing"));
    return new Posted(message, ticket, warnings, true);
  }

  /**
   * The return option of the module being sent, when it applies: the module has one, the message
   * goes to the buyer (not an internal note) and gives no returnOptions of its own (those win). An
   * explicit text wins over the whole module, its option included.
   */
  private TextModuleReturnOption moduleOption(
      PostMessageUseCase.Command command, RenderTextModuleUseCase.Rendered fromModule) {
    if (fromModule == null
        || fromModule.returnOption() == null
        || command.internal()
        || !command.offer().options().isEmpty()) {
      return null;
    }
    TextModuleReturnOption option = fromModule.returnOption();
    if (returnPolicy == null || (option.makesLabel() && labels == null)) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "text module "
              + command.textModuleId().value()
              + " offers "
              + option.type().wire()
              + ", but return options are not available here",
          Map.of("field", "textModuleId"));
    }
    return option;
  }

  /**
   * Has the module's carrier make the label before the message's transaction (a carrier may take
   * seconds); a stale If-Match is refused first so that no label is made for nothing.
   */
  private Carriers.MadeLabel makeLabel(
      Actor actor, PostMessageUseCase.Command command, TextModuleReturnOption option) {
    if (!option.makesLabel()) {
      return null;
    }
    if (command.expectedVersion() != null) {
      Ticket current = find(actor, command.ticketNumber());
      if (current.version() != command.expectedVersion()) {
        throw TicketChanges.stale(current);
      }
    }
    return labels.make(
        actor,
        new CreateReturnLabelUseCase.Command(command.ticketNumber(), option.carrier(), List.of()));
  }

  private void checkOfferAllowed(
      Actor actor, PostMessageUseCase.Command command, ReturnOffer offer) {
    if (offer.isEmpty() && !command.overridePolicyGuard()) {
      return;
    }
    if (returnPolicy == null) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "return options are not available here",
          Map.of("field", "returnOptions"));
    }
    if (!actor.is(Role.SELLER) && command.channel() == null) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "only the seller offers return options and overrides the policy guard",
          Map.of("field", offer.isEmpty() ? "overridePolicyGuard" : "returnOptions"));
    }
    if (command.internal() && !offer.isEmpty()) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "an internal note offers the buyer nothing; send return options in a message",
          Map.of("field", "returnOptions"));
    }
    if (command.channel() != null && offer.offers(ReturnOptionType.REFUND_WITHOUT_RETURN)) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "a message from another channel cannot execute refund_without_return; refund through"
              + " the ticket's refunds",
          Map.of("field", "returnOptions"));
    }
  }

  @Override
  public Ticket close(
      Actor actor, TicketNumber number, ClosingReason reason, Long expectedVersion) {
    Access.require(actor, "close tickets", Role.SELLER, Role.CUSTOMER_SERVICE);
    Validation.required(number, "ticketNumber");
    return changes.change(
        actor,
        number,
        expectedVersion,
        ticket -> {
          Instant at = now();
          Ticket next = ticket.close(actor.authorRole(), reason, at);
          tickets.update(next);
          String who = actor.is(Role.SELLER) ? "the seller" : "customer service";
          messages.add(
              ticket.sellerId(),
              ticket.number(),
              AuthorRole.SYSTEM,
              MessageText.of(
                  "Ticket closed by "
                      + who
                      + (next.closedFinally() ? " (final: a buyer reply will not reopen it)." : ".")
                      + (reason == null ? "" : " Reason: " + reason.value())),
              false,
              at);
          return next;
        });
  }
}
