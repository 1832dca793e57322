package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.in.RenderTextModuleUseCase;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
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
import io.ticketdesk.domain.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posting a message into a ticket's chat, as one pipeline: check the request, render its text
 * module, let the return-option policy decide, only then make a label, and store everything in one
 * transaction. At most once per idempotency key.
 */
public final class PostMessageService implements PostMessageUseCase {
  private static final String WARNINGS_WITH_NOTICES = "n:";

  /** The label id a message's offer names while the label it makes does not exist yet. */
  private static final long LABEL_TO_BE_MADE = Validation.MAX_EXACT_INTEGER;

  private final Tickets tickets;
  private final Messages messages;
  private final Transactions tx;
  private final Clock clock;
  private final ResponseDeadline deadline;
  private final TicketChanges changes;
  private final Idempotency idempotency;
  private final TextModuleService textModules;
  private final ReturnPolicyService returnPolicy;
  private final ReturnLabelService labels;

  PostMessageService(
      Tickets tickets,
      Messages messages,
      Transactions tx,
      Clock clock,
      ResponseDeadline deadline,
      TicketChanges changes,
      Idempotency idempotency,
      TextModuleService textModules,
      ReturnPolicyService returnPolicy,
      ReturnLabelService labels) {
    this.tickets = requireNonNull(tickets, "tickets is null");
    this.messages = requireNonNull(messages, "messages is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.deadline = requireNonNull(deadline, "deadline is null");
    this.changes = requireNonNull(changes, "changes is null");
    this.idempotency = requireNonNull(idempotency, "idempotency is null");
    this.textModules = requireNonNull(textModules, "textModules is null");
    this.returnPolicy = requireNonNull(returnPolicy, "returnPolicy is null");
    this.labels = requireNonNull(labels, "labels is null");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public Posted post(Actor actor, Command command) {
    // 1. Check what the request asks for: who may write what, before any data is read.
    AuthorRole author = check(actor, command);
    Idempotency.Request<Posted> request =
        idempotency.request(
            actor,
            command.idempotencyKey(),
            fingerprint(command),
            PostMessageService::remembered,
            (seller, stored) -> replay(seller, command.ticketNumber(), stored));
    Optional<Posted> earlier = earlier(actor, command, request);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    // 2. Render and 3. decide: a message from a text module is composed on the ticket as it is
    // now, so that every refusal (a stale If-Match, an invalid offer, the policy's guard, a ticket
    // that customer service leads) comes before the label its module makes.
    Plan plan =
        command.text() == null
            ? tx.inTransaction(() -> plan(actor, command, author))
            : Plan.PLAIN_TEXT;
    // 4. Side effects, only after every check: the carrier makes the label, outside any
    // transaction (it may take seconds).
    Carriers.MadeLabel made =
        plan.labelRequest() == null
            ? null
            : labels.make(plan.option().carrier(), plan.labelRequest());
    // 5. Store in one transaction, decided again on the ticket as it is then: the label, the
    // message, the ticket's next state and what the policy entails (refunds, outcome, sanction).
    return changes.change(
        actor,
        command.ticketNumber(),
        command.expectedVersion(),
        request,
        ticket -> {
          Instant at = now();
          ReturnLabel label = made == null ? null : labels.store(ticket, made, at);
          MessageText text =
              command.text() != null
                  ? command.text()
                  : MessageText.of(
                      textModules
                          .renderWith(actor, command.textModuleId(), ticket.number(), label)
                          .text());
          ReturnOffer offer = offer(command, plan.option(), label == null ? null : label.id());
          Decided decided = decide(ticket, author, command, offer, false, at);
          if (decided.next() != ticket) { // an internal note leaves the ticket as the buyer sees it
            tickets.update(decided.next());
          }
          Message message =
              messages.add(
                  ticket.sellerId(), ticket.number(), author, text, command.internal(), at, offer);
          List<Warning> warnings =
              returnPolicy.carryOut(decided.decision(), ticket, offer, command.channel(), at);
          return new Posted(message, decided.next(), warnings);
        });
  }

  /** What a message from a text module will offer, and the label it makes (if any). */
  private record Plan(TextModuleReturnOption option, Carriers.LabelRequest labelRequest) {
    static final Plan PLAIN_TEXT = new Plan(null, null);
  }

  /** The policy's decision on a message and the ticket's state after it. */
  private record Decided(ReturnPolicyService.Decision decision, Ticket next) {}

  /**
   * Composes a message from a text module on the ticket as it is now, refusing it as the store step
   * would; joins the caller's transaction.
   */
  private Plan plan(Actor actor, Command command, AuthorRole author) {
    Ticket ticket = changes.load(actor, command.ticketNumber());
    if (command.expectedVersion() != null && ticket.version() != command.expectedVersion()) {
      throw TicketChanges.stale(ticket);
    }
    RenderTextModuleUseCase.Rendered rendered =
        textModules.render(actor, command.textModuleId(), ticket.number());
    TextModuleReturnOption option = moduleOption(command, rendered);
    boolean makesLabel = option != null && option.makesLabel();
    ReturnOffer offer = offer(command, option, makesLabel ? LABEL_TO_BE_MADE : null);
    decide(ticket, author, command, offer, makesLabel, now());
    return new Plan(option, makesLabel ? labels.request(actor, ticket, List.of()) : null);
  }

  /**
   * The policy's decision on the message (refusing invalid offers and a guarded first response) and
   * the ticket's next state (refusing a message the ticket does not take); {@code labelToBeMade}
   * when the offered label is made only after this decision.
   */
  private Decided decide(
      Ticket ticket,
      AuthorRole author,
      Command command,
      ReturnOffer offer,
      boolean labelToBeMade,
      Instant at) {
    ReturnPolicyService.Decision decision =
        returnPolicy.decide(
            ticket,
            author,
            command.internal(),
            offer,
            command.overridePolicyGuard() || command.channel() != null,
            labelToBeMade,
            at);
    return new Decided(decision, ticket.onMessage(author, command.internal(), at, deadline));
  }

  /** The offer of the message: its module's option (with the label made for it) or its own. */
  private static ReturnOffer offer(Command command, TextModuleReturnOption option, Long labelId) {
    ReturnOffer explicit = command.offer();
    return option == null
        ? explicit
        : new ReturnOffer(List.of(option.toOption(labelId)), explicit.discountOffer());
  }

  /** Who may write this message, and as whom it is written. */
  private static AuthorRole check(Actor actor, Command command) {
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
    checkOfferAllowed(actor, command, command.offer());
    return channel != null ? AuthorRole.SELLER : actor.authorRole();
  }

  private static void checkOfferAllowed(Actor actor, Command command, ReturnOffer offer) {
    if (offer.isEmpty() && !command.overridePolicyGuard()) {
      return;
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

  /**
   * The return option of the module being sent, when it applies: the module has one, the message
   * goes to the buyer (not an internal note) and gives no returnOptions of its own (those win).
   */
  private static TextModuleReturnOption moduleOption(
      Command command, RenderTextModuleUseCase.Rendered rendered) {
    if (rendered.returnOption() == null
        || command.internal()
        || !command.offer().options().isEmpty()) {
      return null;
    }
    return rendered.returnOption();
  }

  /** A repeated request's first answer: before a text module is rendered or a label made. */
  private Optional<Posted> earlier(
      Actor actor, Command command, Idempotency.Request<Posted> request) {
    if (!request.keyed()) {
      return Optional.empty();
    }
    return tx.inTransaction(
        () -> request.earlier(changes.load(actor, command.ticketNumber()).sellerId()));
  }

  /** What a request to post a message asks for. */
  private static Fingerprint fingerprint(Command c) {
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
      if (o.address() != null) { // only then: the keys of requests without one stay as they were
        f.add("address").text(o.address().display());
      }
    }
    Money discount = c.offer().discountOffer();
    if (discount == null) {
      f.add((String) null);
    } else {
      f.add(discount.amount()).add(discount.currency());
    }
    return f.add(c.overridePolicyGuard()).add(c.channel());
  }

  /**
   * What a posted message's idempotency key remembers: the message id and the warnings (code,
   * English detail, and the notice to render per reader: its template and parameters).
   */
  private static String remembered(Posted posted) {
    List<String> parts = new ArrayList<>();
    parts.add(WARNINGS_WITH_NOTICES + posted.message().id());
    for (Warning w : posted.warnings()) {
      parts.add(w.code());
      parts.add(w.detail());
      parts.add(w.notice() == null ? "" : Notices.ref(w.notice()));
      parts.add(w.notice() == null ? "" : Notices.params(w.notice()));
    }
    return Idempotency.joined(parts.toArray(String[]::new));
  }

  /** The answer to a post again, from what its key remembers; the ticket as it is now. */
  private Posted replay(SellerId seller, TicketNumber number, String remembered) {
    List<String> parts = Idempotency.split(remembered);
    // Keys remembered before warnings carried notices hold code and detail only.
    boolean withNotices = parts.get(0).startsWith(WARNINGS_WITH_NOTICES);
    long id =
        Long.parseLong(parts.get(0).substring(withNotices ? WARNINGS_WITH_NOTICES.length() : 0));
    // Messages are listed by id: the first one of the ticket after id - 1 is the message itself.
    Message message =
        messages.list(seller, number, true, id - 1, 1).stream()
            .filter(m -> m.id() == id)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("message " + id + " is missing"));
    List<Warning> warnings = new ArrayList<>();
    int step = withNotices ? 4 : 2;
    for (int i = 1; i + step - 1 < parts.size(); i += step) {
      warnings.add(
          new Warning(
              parts.get(i),
              parts.get(i + 1),
              withNotices ? Notices.of(parts.get(i + 2), parts.get(i + 3)) : null));
    }
    Ticket ticket =
        tickets
            .find(seller, number)
            .orElseThrow(
                () -> new IllegalStateException("ticket " + number.value() + " is missing"));
    return new Posted(message, ticket, warnings, true);
  }
}
