package io.ticketdesk.domain;

import java.time.Instant;

/**
 * One entry of the append-only refund ledger of an order unit: how much was refunded, why, who
 * bears the cost and from which ticket.
 */
public record LedgerEntry(
    long id,
    SellerId sellerId,
    OrderNumber orderNumber,
    OrderUnitId orderUnitId,
    Kind kind,
    Money amount,
    CostBearer bearer,
    String reason,
    TicketNumber ticketNumber,
    AuthorRole authorRole,
    Instant createdAt) {

  public LedgerEntry {
    if (id <= 0) {
      throw new IllegalArgumentException("a ledger entry id is positive");
    }
    Draft.check(amount, kind, bearer, reason, authorRole);
    Validation.required(sellerId, "sellerId");
    Validation.required(orderNumber, "orderNumber");
    Validation.required(orderUnitId, "orderUnitId");
    Validation.required(ticketNumber, "ticketNumber");
    Validation.required(createdAt, "createdAt");
  }

  /** What a ledger entry records. */
  public enum Kind implements WireEnum {
    /** A partial refund: a positive amount. */
    REFUND,
    /** The cancellation of the unit: the remainder of its price (possibly zero). */
    CANCELLATION;

    /** Parses the wire value; an unknown value is a validation error listing the valid ones. */
    public static Kind of(String value) {
      return Validation.parseEnum(Kind.class, value, "kind", Kind::wire);
    }
  }

  /** An entry before the ledger gives it an id. */
  public record Draft(
      SellerId sellerId,
      OrderNumber orderNumber,
      OrderUnitId orderUnitId,
      Kind kind,
      Money amount,
      CostBearer bearer,
      String reason,
      TicketNumber ticketNumber,
      AuthorRole authorRole,
      Instant createdAt) {
    public Draft {
      check(amount, kind, bearer, reason, authorRole);
      Validation.required(sellerId, "sellerId");
      Validation.required(orderNumber, "orderNumber");
      Validation.required(orderUnitId, "orderUnitId");
      Validation.required(ticketNumber, "ticketNumber");
      Validation.required(createdAt, "createdAt");
    }

    private static void check(
        Money amount, Kind kind, CostBearer bearer, String reason, AuthorRole authorRole) {
      Validation.required(kind, "kind");
      Validation.required(amount, "amount");
      Validation.required(bearer, "bearer");
      Validation.requiredText(reason, "reason", 64);
      Validation.required(authorRole, "authorRole");
      if (kind == Kind.REFUND ? amount.amount() <= 0 : amount.amount() < 0) {
        throw Validation.invalid(
            kind == Kind.REFUND
                ? "amount.amount of a refund must be greater than 0"
                : "a cancellation refunds a remainder that is not negative");
      }
    }

    public LedgerEntry withId(long id) {
      return new LedgerEntry(
          id,
          sellerId,
          orderNumber,
          orderUnitId,
          kind,
          amount,
          bearer,
          reason,
          ticketNumber,
          authorRole,
          createdAt);
    }
  }
}
