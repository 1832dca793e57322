package io.ticketdesk.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A buyer's query about an order, worked by the seller as a chat. Immutable: every transition
 * returns the next state with a higher {@code version}.
 */
public record Ticket(
    TicketNumber number,
    SellerId sellerId,
    BuyerId buyerId,
    Storefront storefront,
    OrderNumber orderNumber,
    List<OrderUnitId> orderUnitIds,
    TicketReason reason,
    TicketTopic topic,
    ReturnIntent returnIntent,
    TicketStatus status,
    WaitingOn waitingOn,
    boolean closedFinally,
    Instant createdAt,
    Instant updatedAt,
    Instant openSince,
    Instant responseDueAt,
    Instant firstResponseAt,
    Instant firstResponseDueAt,
    Duration firstResponseWorkingTime,
    Instant returnOptionDueAt,
    long version) {

  public static final int MAX_UNITS = 100;

  public Ticket {
    Validation.required(number, "ticketNumber");
    Validation.required(sellerId, "sellerId");
    Validation.required(buyerId, "buyerId");
    Validation.required(storefront, "storefront");
    Validation.required(orderNumber, "orderNumber");
    Validation.required(orderUnitIds, "orderUnitIds");
    Validation.required(reason, "reason");
    Validation.required(status, "status");
    Validation.required(createdAt, "createdAt");
    Validation.required(updatedAt, "updatedAt");
    if (orderUnitIds.isEmpty()) {
      throw Validation.invalid("orderUnitIds must name at least one unit of the order");
    }
    orderUnitIds = List.copyOf(orderUnitIds);
    if ((status == TicketStatus.WAITING) != (waitingOn != null)) {
      throw new IllegalArgumentException("waitingOn is set exactly when the ticket is waiting");
    }
    if (status == TicketStatus.OPEN && (openSince == null || responseDueAt == null)) {
      throw new IllegalArgumentException("an open ticket has a running response deadline");
    }
    if (status != TicketStatus.OPEN && responseDueAt != null) {
      throw new IllegalArgumentException("only an open ticket has a response deadline");
    }
    if ((firstResponseAt == null) != (firstResponseWorkingTime == null)
        || (firstResponseAt != null && firstResponseDueAt == null)) {
      throw new IllegalArgumentException(
          "a first response records its time, its deadline and its working time together");
    }
    if (status == TicketStatus.OPEN && firstResponseAt == null && firstResponseDueAt == null) {
      // Open for the seller and never answered: the running deadline is the first one.
      firstResponseDueAt = responseDueAt;
    }
  }

  /** What opening a ticket needs to know, checked against the order. */
  public record Opening(
      Order order,
      List<OrderUnitId> orderUnitIds,
      TicketReason reason,
      TicketTopic topic,
      ReturnIntent returnIntent) {
    public Opening {
      Validation.required(order, "order");
      Validation.required(orderUnitIds, "orderUnitIds");
      Validation.required(reason, "reason");
      if (orderUnitIds.isEmpty()) {
        throw Validation.invalid("orderUnitIds must name at least one unit of the order");
      }
      if (orderUnitIds.size() > MAX_UNITS) {
        throw Validation.invalid("a ticket names at most " + MAX_UNITS + " order units");
      }
      Set<OrderUnitId> seen = new HashSet<>();
      for (OrderUnitId id : orderUnitIds) {
        Validation.required(id, "orderUnitIds[]");
        if (!seen.add(id)) {
          throw Validation.invalid("orderUnitId " + id.value() + " is named twice");
        }
        if (order.unit(id).isEmpty()) {
          throw new DomainException(
              ErrorCode.VALIDATION,
              "order unit " + id.value() + " is not part of order " + order.number().value(),
              Map.of("field", "orderUnitIds"));
        }
      }
      orderUnitIds = List.copyOf(orderUnitIds);
      if (returnIntent != null && reason != TicketReason.PRODUCT_RETURN) {
        throw Validation.invalid("returnIntent is only given with reason product_return");
      }
    }
  }

  /** The buyer opens a ticket: the seller's answer is pending and the deadline starts. */
  public static Ticket openedByBuyer(
      TicketNumber number, Opening o, Instant at, ResponseDeadline deadline) {
    Storefront sf = o.order().storefront();
    Instant due = deadline.dueAt(sf, at);
    return new Ticket(
        number,
        o.order().sellerId(),
        o.order().buyer().id(),
        sf,
        o.order().number(),
        o.orderUnitIds(),
        o.reason(),
        o.topic(),
        o.returnIntent(),
        TicketStatus.OPEN,
        null,
        false,
        at,
        at,
        at,
        due,
        null,
        due,
        null,
        null,
        1);
  }

  /** The seller opens a ticket to ask the buyer something: it waits for the buyer. */
  public static Ticket openedBySeller(TicketNumber number, Opening o, Instant at) {
    return new Ticket(
        number,
        o.order().sellerId(),
        o.order().buyer().id(),
        o.order().storefront(),
        o.order().number(),
        o.orderUnitIds(),
        o.reason(),
        o.topic(),
        o.returnIntent(),
        TicketStatus.WAITING,
        WaitingOn.BUYER,
        false,
        at,
        at,
        null,
        null,
        null,
        null,
        null,
        null,
        1);
  }

  public boolean isOpen() {
    return status == TicketStatus.OPEN;
  }

  public boolean isClosed() {
    return status == TicketStatus.CLOSED;
  }

  public boolean customerServiceLeads() {
    return status == TicketStatus.WAITING && waitingOn == WaitingOn.CUSTOMER_SERVICE;
  }

  /** Whether the seller's first response came by the ticket's first deadline. */
  public boolean firstResponseOnTime() {
    return firstResponseAt != null && !firstResponseAt.isAfter(firstResponseDueAt);
  }

  /** The first response as the KPI judges it, once a first deadline was set. */
  public java.util.Optional<FirstResponse> firstResponse() {
    Instant due = firstDue();
    return due == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            new FirstResponse(storefront, due, firstResponseAt, firstResponseWorkingTime));
  }

  /** Overdue: open and the deadline has passed. */
  public boolean overdueAt(Instant now) {
    return isOpen() && now.isAfter(responseDueAt);
  }

  /**
   * A chat message arrives from {@code author}. Internal notes change nothing of the ticket (the
   * same instance is returned). A seller's answer stops the clock and waits for the buyer; a
   * buyer's message starts a new deadline and reopens a closed ticket unless customer service
   * closed it finally.
   */
  public Ticket onMessage(
      AuthorRole author, boolean internal, Instant at, ResponseDeadline deadline) {
    Validation.required(author, "authorRole");
    if (internal) {
      if (author == AuthorRole.BUYER) {
        throw Validation.invalid("buyers cannot write internal notes");
      }
      // What the buyer may not see must not change what the buyer sees: neither the version (the
      // ETag) nor updatedAt. The note is stored with the ticket as it is.
      return this;
    }
    return switch (author) {
      case SELLER -> {
        requireNotClosed("answer");
        if (customerServiceLeads()) {
          throw new DomainException(
              ErrorCode.CONFLICT,
              "customer service leads this ticket; write an internal note or wait for the handback",
              Map.of(),
              Notice.of(NoticeKind.CUSTOMER_SERVICE_LEADS_ANSWER));
        }
        if (firstResponseAt == null && status == TicketStatus.OPEN) {
          yield new Ticket(
              number,
              sellerId,
              buyerId,
              storefront,
              orderNumber,
              orderUnitIds,
              reason,
              topic,
              returnIntent,
              TicketStatus.WAITING,
              WaitingOn.BUYER,
              closedFinally,
              createdAt,
              later(at),
              null,
              null,
              at,
              firstDue(),
              deadline.workingTimeToAnswer(storefront, firstDue(), at),
              null,
              version + 1);
        }
        yield next(TicketStatus.WAITING, WaitingOn.BUYER, closedFinally, at, null, null)
            .withReturnOptionDue(null);
      }
      case BUYER -> {
        if (isClosed() && closedFinally) {
          throw new DomainException(
              ErrorCode.TICKET_CLOSED,
              "customer service closed this ticket finally; open a new ticket instead",
              Map.of(),
              Notice.of(NoticeKind.TICKET_CLOSED_FINALLY));
        }
        if (customerServiceLeads()) {
          yield touched(at);
        }
        if (isOpen()) {
          // The seller still owes an answer: the running deadline stays.
          yield touched(at);
        }
        yield next(TicketStatus.OPEN, null, false, at, at, deadline.dueAt(storefront, at));
      }
      case CUSTOMER_SERVICE -> {
        requireNotClosed("write on");
        yield touched(at);
      }
      case SYSTEM -> touched(at);
    };
  }

  /**
   * The seller or customer service closes the ticket; customer service closes it finally. A seller
   * may close only a ticket whose buyer it has answered (and, after a mark as return request, given
   * the answer owed since); customer service may close an unanswered one, but must say why.
   * Customer service closing before the first-response deadline passed withdraws it (the seller can
   * no longer answer); a passed one stays on record.
   */
  public Ticket close(AuthorRole by, ClosingReason reason, Instant at) {
    if (by != AuthorRole.SELLER && by != AuthorRole.CUSTOMER_SERVICE) {
      throw new DomainException(
          ErrorCode.FORBIDDEN, "only the seller or customer service can close a ticket");
    }
    requireNotClosed("close");
    if (by == AuthorRole.SELLER && customerServiceLeads()) {
      throw new DomainException(
          ErrorCode.CONFLICT,
          "customer service leads this ticket; it decides when to close it",
          Map.of(),
          Notice.of(NoticeKind.CUSTOMER_SERVICE_LEADS_CLOSE));
    }
    if (owesFirstResponse() || owesReturnOption()) {
      if (by == AuthorRole.SELLER) {
        throw new DomainException(
            ErrorCode.CONFLICT,
            "ticket "
                + number.value()
                + (owesFirstResponse()
                    ? " has not been answered yet"
                    : " owes the buyer an answer with a return option since it was marked as a"
                        + " return request")
                + ": answer the buyer first, then close it once the query is resolved",
            Map.of(),
            new Notice(NoticeKind.ANSWER_BUYER_FIRST, Map.of("ticketNumber", number.value())));
      }
      if (reason == null) {
        throw new DomainException(
            ErrorCode.VALIDATION,
            "customer service closing a ticket the seller owes an answer must give a reason",
            Map.of("field", "reason"));
      }
    }
    boolean byCs = by == AuthorRole.CUSTOMER_SERVICE;
    return next(TicketStatus.CLOSED, null, byCs, at, null, null, byCs ? withdrawn(at) : firstDue());
  }

  /** Whether the seller owes the buyer its first answer (a first-response deadline was set). */
  public boolean owesFirstResponse() {
    return firstResponseAt == null && (firstResponseDueAt != null || isOpen());
  }

  /**
   * The deadline the first response is judged against: the one set when the ticket first became
   * open for the seller. A close and a reopen never replace it.
   */
  public Instant firstDue() {
    return firstResponseDueAt;
  }

  /** The pending first deadline after customer service takes the matter over at {@code at}. */
  private Instant withdrawn(Instant at) {
    Instant due = firstDue();
    if (firstResponseAt != null || due == null || at.isAfter(due)) {
      return due;
    }
    return null;
  }

  /**
   * The seller or customer service marks the ticket as a return request (reason {@code
   * product_return}, {@code intent} as the buyer stated it, or null). From now on the seller's next
   * message to the buyer must carry a valid return option, due 48 working hours after the mark: a
   * ticket that waited on the buyer is open again with that deadline. The first-response deadline
   * (and so the KPI) is not touched.
   */
  public Ticket markReturnRequest(
      AuthorRole by, ReturnIntent intent, Instant at, ResponseDeadline deadline) {
    if (by != AuthorRole.SELLER && by != AuthorRole.CUSTOMER_SERVICE) {
      throw new DomainException(
          ErrorCode.FORBIDDEN, "only the seller or customer service can mark a return request");
    }
    requireNotClosed("mark");
    if (by == AuthorRole.SELLER && customerServiceLeads()) {
      throw new DomainException(
          ErrorCode.CONFLICT, "customer service leads this ticket; it marks it if need be");
    }
    if (reason == TicketReason.PRODUCT_RETURN && returnIntent == intent) {
      throw new DomainException(
          ErrorCode.CONFLICT,
          "ticket " + number.value() + " is already a return request with this intent");
    }
    Instant due = deadline.dueAt(storefront, at);
    boolean reopen = status == TicketStatus.WAITING && waitingOn == WaitingOn.BUYER;
    Ticket next =
        reopen
            ? next(TicketStatus.OPEN, null, false, at, at, due)
            : next(status, waitingOn, closedFinally, at, openSince, responseDueAt);
    return new Ticket(
        number,
        sellerId,
        buyerId,
        storefront,
        orderNumber,
        orderUnitIds,
        TicketReason.PRODUCT_RETURN,
        topic,
        intent,
        next.status,
        next.waitingOn,
        next.closedFinally,
        createdAt,
        next.updatedAt,
        next.openSince,
        next.responseDueAt,
        firstResponseAt,
        next.firstResponseDueAt,
        firstResponseWorkingTime,
        due,
        next.version);
  }

  /** Whether the seller's next message to the buyer must carry a valid return option. */
  public boolean owesReturnOption() {
    return returnOptionDueAt != null;
  }

  /**
   * When the seller's answer that must carry a valid return option (where the policy applies) is
   * due, while the seller owes it now: the first response of a ticket open for the seller (by its
   * running deadline), or the next answer after a mark as return request (by the mark's deadline,
   * or the running one when that is later: after a hand-back or a reopen). Empty while the seller
   * cannot or need not answer: closed, waiting on the buyer, or led by customer service.
   */
  public java.util.Optional<Instant> optionAnswerDueAt() {
    if (!isOpen()) {
      return java.util.Optional.empty();
    }
    if (owesReturnOption()) {
      return java.util.Optional.of(
          responseDueAt.isAfter(returnOptionDueAt) ? responseDueAt : returnOptionDueAt);
    }
    return firstResponseAt == null
        ? java.util.Optional.of(responseDueAt)
        : java.util.Optional.empty();
  }

  /**
   * The option-carrying answer's deadline passed unanswered and its consequence is recorded at
   * {@code at}: a pending mark is settled by it (the seller's later answer owes no option for it
   * any more), and the version increases, so that a seller's answer racing with the consequence
   * loses.
   */
  public Ticket optionAnswerMissed(Instant at) {
    if (optionAnswerDueAt().filter(at::isAfter).isEmpty()) {
      throw new DomainException(
          ErrorCode.CONFLICT,
          "ticket " + number.value() + " has no option-carrying answer overdue at " + at);
    }
    return touched(at).withReturnOptionDue(null);
  }

  private Ticket withReturnOptionDue(Instant due) {
    return new Ticket(
        number,
        sellerId,
        buyerId,
        storefront,
        orderNumber,
        orderUnitIds,
        reason,
        topic,
        returnIntent,
        status,
        waitingOn,
        closedFinally,
        createdAt,
        updatedAt,
        openSince,
        responseDueAt,
        firstResponseAt,
        firstResponseDueAt,
        firstResponseWorkingTime,
        due,
        version);
  }

  /**
   * The seller notifies customer service: it now leads the conversation with the buyer and the
   * seller's deadline stops.
   */
  public Ticket escalate(Instant at) {
    requireNotClosed("hand over");
    if (customerServiceLeads()) {
      throw new DomainException(
          ErrorCode.CONFLICT, "customer service already leads ticket " + number.value());
    }
    return next(
        TicketStatus.WAITING, WaitingOn.CUSTOMER_SERVICE, false, at, null, null, withdrawn(at));
  }

  /** Customer service hands the ticket back to the seller: it is open with a new deadline. */
  public Ticket handBack(Instant at, ResponseDeadline deadline) {
    requireNotClosed("hand back");
    if (!customerServiceLeads()) {
      throw new DomainException(
          ErrorCode.CONFLICT,
          "customer service does not lead ticket " + number.value() + "; nothing to hand back");
    }
    return next(TicketStatus.OPEN, null, false, at, at, deadline.dueAt(storefront, at));
  }

  /**
   * An action on the order (refund, cancellation) is recorded on the ticket: its status stays, its
   * version increases. On a closed ticket only customer service may act.
   */
  public Ticket recordAction(AuthorRole by, Instant at) {
    Validation.required(by, "authorRole");
    if (by != AuthorRole.CUSTOMER_SERVICE) {
      requireNotClosed("act on the order of");
    }
    return touched(at);
  }

  private void requireNotClosed(String what) {
    if (isClosed()) {
      throw new DomainException(
          ErrorCode.TICKET_CLOSED,
          "ticket " + number.value() + " is closed; cannot " + what + " it");
    }
  }

  private Ticket touched(Instant at) {
    return next(status, waitingOn, closedFinally, at, openSince, responseDueAt);
  }

  private Ticket next(
      TicketStatus newStatus,
      WaitingOn newWaitingOn,
      boolean finallyClosed,
      Instant at,
      Instant newOpenSince,
      Instant newDue) {
    return next(newStatus, newWaitingOn, finallyClosed, at, newOpenSince, newDue, firstDue());
  }

  /**
   * The next state; {@code pendingFirstDue} is the first-response deadline to keep. A ticket that
   * becomes open for the seller with none pending and no first response gets {@code newDue}.
   */
  private Ticket next(
      TicketStatus newStatus,
      WaitingOn newWaitingOn,
      boolean finallyClosed,
      Instant at,
      Instant newOpenSince,
      Instant newDue,
      Instant pendingFirstDue) {
    // A ticket that becomes open with none pending gets newDue as its first (in the constructor).
    Instant first = pendingFirstDue;
    return new Ticket(
        number,
        sellerId,
        buyerId,
        storefront,
        orderNumber,
        orderUnitIds,
        reason,
        topic,
        returnIntent,
        newStatus,
        newWaitingOn,
        finallyClosed,
        createdAt,
        later(at),
        newOpenSince,
        newDue,
        firstResponseAt,
        first,
        firstResponseWorkingTime,
        returnOptionDueAt,
        version + 1);
  }

  private Instant later(Instant at) {
    return at.isAfter(updatedAt) ? at : updatedAt;
  }

  /** The same ticket with its deadline recomputed (e.g. after the holiday calendar changed). */
  public Ticket withRecomputedDeadline(ResponseDeadline deadline) {
    if (!isOpen()) {
      return this;
    }
    // A recomputation is not a change by anyone: updatedAt stays as it is. A first deadline that
    // is the running one moves with it.
    Instant due = deadline.dueAt(storefront, openSince);
    return next(
        status,
        waitingOn,
        closedFinally,
        updatedAt,
        openSince,
        due,
        responseDueAt.equals(firstDue()) && firstResponseAt == null ? due : firstDue());
  }
}
