package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.ReturnPolicyOutcomes;
import io.ticketdesk.domain.PolicyPhase;
import io.ticketdesk.domain.ReturnPolicyOutcome;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** First-response outcomes under the return-option policy in {@code return_policy_outcomes}. */
final class JdbiReturnPolicyOutcomes implements ReturnPolicyOutcomes {
  private final Db db;

  JdbiReturnPolicyOutcomes(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public void record(ReturnPolicyOutcome o) {
    requireNonNull(o, "outcome is null");
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO return_policy_outcomes (seller_id, ticket_number, phase,"
                        + " satisfied, decided_at, breached_at, recovery_deadline) VALUES"
                        + " (:seller, :ticket, :phase, :satisfied, :decidedAt, :breachedAt,"
                        + " :recoveryDeadline)")
                .bind("seller", o.sellerId().value())
                .bind("ticket", o.ticketNumber().value())
                .bind("phase", o.phase().wire())
                .bind("satisfied", o.satisfied())
                .bindByType("decidedAt", Db.utc(o.decidedAt()), OffsetDateTime.class)
                .bindByType("breachedAt", Db.utc(o.breachedAt()), OffsetDateTime.class)
                .bindByType("recoveryDeadline", Db.utc(o.recoveryDeadline()), OffsetDateTime.class)
                .execute());
  }

  @Override
  public boolean replace(ReturnPolicyOutcome o) {
    requireNonNull(o, "outcome is null");
    return db.write(
            h ->
                h.createUpdate(
                        "UPDATE return_policy_outcomes SET phase = :phase, satisfied = :satisfied,"
                            + " decided_at = :decidedAt, breached_at = :breachedAt,"
                            + " recovery_deadline = :recoveryDeadline WHERE seller_id = :seller"
                            + " AND ticket_number = :ticket AND breached_at IS NULL")
                    .bind("seller", o.sellerId().value())
                    .bind("ticket", o.ticketNumber().value())
                    .bind("phase", o.phase().wire())
                    .bind("satisfied", o.satisfied())
                    .bindByType("decidedAt", Db.utc(o.decidedAt()), OffsetDateTime.class)
                    .bindByType("breachedAt", Db.utc(o.breachedAt()), OffsetDateTime.class)
                    .bindByType(
                        "recoveryDeadline", Db.utc(o.recoveryDeadline()), OffsetDateTime.class)
                    .execute())
        > 0;
  }

  @Override
  public Optional<ReturnPolicyOutcome> find(SellerId seller, TicketNumber ticket) {
    requireNonNull(seller, "seller is null");
    requireNonNull(ticket, "ticket is null");
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM return_policy_outcomes WHERE seller_id = :seller AND"
                        + " ticket_number = :ticket")
                .bind("seller", seller.value())
                .bind("ticket", ticket.value())
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  /** A seller's ({@code :seller}) outcomes of the tickets {@code :t}. */
  static final Db.KeyedRead OF_TICKETS =
      new Db.KeyedRead(
          "SELECT * FROM return_policy_outcomes WHERE seller_id = :seller"
              + " AND ticket_number = ANY(:t)",
          "SELECT * FROM return_policy_outcomes WHERE seller_id = :seller"
              + " AND ticket_number IN (<keys>)");

  @Override
  public Map<TicketNumber, ReturnPolicyOutcome> findAll(
      SellerId seller, Collection<TicketNumber> tickets) {
    requireNonNull(seller, "seller is null");
    requireNonNull(tickets, "tickets is null");
    List<String> distinct = tickets.stream().map(TicketNumber::value).distinct().toList();
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return db.read(
        h -> {
          Map<TicketNumber, ReturnPolicyOutcome> found = new HashMap<>();
          db.keyed(h, OF_TICKETS, "t", distinct)
              .bind("seller", Db.arg(seller.value()))
              .map((rs, ctx) -> map(rs))
              .forEach(o -> found.put(o.ticketNumber(), o));
          return found;
        });
  }

  private static ReturnPolicyOutcome map(ResultSet rs) throws SQLException {
    return new ReturnPolicyOutcome(
        SellerId.of(rs.getLong("seller_id")),
        TicketNumber.of(rs.getString("ticket_number")),
        PolicyPhase.valueOf(rs.getString("phase").toUpperCase(java.util.Locale.ROOT)),
        rs.getBoolean("satisfied"),
        Db.instant(rs, "decided_at"),
        Db.instant(rs, "breached_at"),
        Db.instant(rs, "recovery_deadline"));
  }
}
