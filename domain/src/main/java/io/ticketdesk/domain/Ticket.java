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
    if ((firstResponseAt == null) != (firstResponseDueAt == null)
        || (firstResponseAt == null) != (firstResponseWorkingTime == null)) {
      throw new IllegalArgumentException(
          "a first response records its time, its deadline and its working time together");
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
        deadline.dueAt(sf, at),
        null,
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

  /** Whether the seller's first response came by the deadline that was running then. */
  public boolean firstResponseOnTime() {
    return firstResponseAt != null && !firstResponseAt.isAfter(firstResponseDueAt);
  }

  /** The first response as the KPI counts it, if there was one. */
  public java.util.Optional<FirstResponse> firstResponse() {
    return firstResponseAt == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            new FirstResponse(
                storefront, firstResponseAt, firstResponseWorkingTime, firstResponseOnTime()));
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
              "customer service leads this ticket; write an internal note or wait for the handback");
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
              responseDueAt,
              deadline.workingTimeBetween(storefront, openSince, at),
              version + 1);
        }
        yield next(TicketStatus.WAITING, WaitingOn.BUYER, closedFinally, at, null, null);
      }
      case BUYER -> {
        if (isClosed() && closedFinally) {
          throw new DomainException(
              ErrorCode.TICKET_CLOSED,
              "customer service closed this ticket finally; open a new ticket instead");
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

  /** The seller or customer service closes the ticket; customer service closes it finally. */
  public Ticket close(AuthorRole by, Instant at) {
    if (by != AuthorRole.SELLER && by != AuthorRole.CUSTOMER_SERVICE) {
      throw new DomainException(
          ErrorCode.FORBIDDEN, "only the seller or customer service can close a ticket");
    }
    requireNotClosed("close");
    if (by == AuthorRole.SELLER && customerServiceLeads()) {
      throw new DomainException(
          ErrorCode.CONFLICT, "customer service leads this ticket; it decides when to close it");
    }
    return next(TicketStatus.CLOSED, null, by == AuthorRole.CUSTOMER_SERVICE, at, null, null);
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
    return next(TicketStatus.WAITING, WaitingOn.CUSTOMER_SERVICE, false, at, null, null);
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
        firstResponseDueAt,
        firstResponseWorkingTime,
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
    // A recomputation is not a change by anyone: updatedAt stays as it is.
    return next(
        status,
        waitingOn,
        closedFinally,
        updatedAt,
        openSince,
        deadline.dueAt(storefront, openSince));
  }
}
