package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.ResponseTimes;
import io.ticketdesk.domain.FirstResponse;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.statement.Query;

/**
 * First responses and overdue counts from {@code tickets}, read through the indexes on (seller_id,
 * storefront, first_response_due_at) and (seller_id, status, response_due_at).
 */
final class JdbiResponseTimes implements ResponseTimes {
  private final Db db;

  JdbiResponseTimes(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public List<FirstResponse> firstResponsesDue(
      SellerId seller, Storefront storefront, Instant from, Instant to) {
    requireNonNull(storefront, "storefront is null");
    String sql =
        "SELECT first_response_at, first_response_due_at, first_response_working_micros"
            + " FROM tickets WHERE "
            + (seller == null ? "" : "seller_id = :seller AND ")
            + "storefront = :sf AND first_response_due_at >= :from AND first_response_due_at < :to";
    return db.read(
        h -> {
          Query q =
              h.createQuery(sql)
                  .bind("sf", storefront.code())
                  .bindByType("from", Db.utc(from), OffsetDateTime.class)
                  .bindByType("to", Db.utc(to), OffsetDateTime.class);
          if (seller != null) {
            q.bind("seller", seller.value());
          }
          return q.map(
                  (rs, ctx) -> {
                    Instant at = Db.instant(rs, "first_response_at");
                    Instant due = Db.instant(rs, "first_response_due_at");
                    long micros = rs.getLong("first_response_working_micros");
                    return new FirstResponse(
                        storefront,
                        due,
                        at,
                        at == null ? null : Duration.of(micros, ChronoUnit.MICROS));
                  })
              .list();
        });
  }

  @Override
  public long openOverdue(SellerId seller, Storefront storefront, Instant now) {
    requireNonNull(storefront, "storefront is null");
    String sql =
        "SELECT COUNT(*) FROM tickets WHERE "
            + (seller == null ? "" : "seller_id = :seller AND ")
            + "status = :open AND storefront = :sf AND response_due_at < :now";
    return db.read(
        h -> {
          Query q =
              h.createQuery(sql)
                  .bind("open", TicketStatus.OPEN.wire())
                  .bind("sf", storefront.code())
                  .bindByType("now", Db.utc(now), OffsetDateTime.class);
          if (seller != null) {
            q.bind("seller", seller.value());
          }
          return q.mapTo(Long.class).one();
        });
  }
}
