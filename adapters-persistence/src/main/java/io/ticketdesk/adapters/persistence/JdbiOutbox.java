package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.Outbox;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.EventType;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The outbox in {@code events}: appended in the caller's transaction; placed in the feed by a
 * sequencer that holds the single {@code event_feed} row (taken with {@code FOR UPDATE SKIP
 * LOCKED}, so a second sequencer returns at once instead of waiting, and no session state is
 * needed: it works through a transaction-pooling connection pooler).
 */
final class JdbiOutbox implements Outbox {
  private final Db db;

  JdbiOutbox(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public DomainEvent append(DomainEvent.Draft d) {
    requireNonNull(d, "draft is null");
    try {
      return db.write(h -> insert(h, d, null));
    } catch (DuplicateKeyException e) {
      // Ids are random (122 bits): the key taken is the ticket's next sequence number. PostgreSQL
      // refuses every further statement of the transaction, so the whole change is retried.
      throw new ConcurrentUpdateException(
          "ticket " + d.ticketNumber().value() + " got an event concurrently");
    }
  }

  @Override
  public Optional<DomainEvent> appendOnce(String onceKey, DomainEvent.Draft d) {
    requireNonNull(onceKey, "onceKey is null");
    requireNonNull(d, "draft is null");
    try {
      return db.write(
          h -> {
            boolean taken =
                h.createQuery(
                            "SELECT COUNT(*) FROM events WHERE seller_id = :seller"
                                + " AND once_key = :key")
                        .bind("seller", d.sellerId().value())
                        .bind("key", onceKey)
                        .mapTo(Long.class)
                        .one()
                    > 0;
            if (taken) {
              return Optional.<DomainEvent>empty();
            }
            return Optional.of(insert(h, d, onceKey));
          });
    } catch (DuplicateKeyException e) {
      throw new ConcurrentUpdateException(
          "ticket " + d.ticketNumber().value() + " got an event concurrently");
    }
  }

  /**
   * One event with its ticket's next sequence number. PostgreSQL: one statement (the number taken
   * in the INSERT, read back with RETURNING); H2: the number first, then the INSERT.
   */
  private DomainEvent insert(Handle h, DomainEvent.Draft d, String onceKey) {
    String next =
        "(SELECT COALESCE(MAX(sequence), 0) + 1 FROM events WHERE seller_id = :seller"
            + " AND ticket_number = :ticket)";
    String columns =
        "INSERT INTO events (seller_id, event_no, event_id, ticket_number, sequence,"
            + " order_number, event_type, occurred_at, internal, data, once_key) VALUES"
            + " (:seller, nextval('event_no_seq'), :id, :ticket, ";
    String values = ", :order, :type, :at, :internal, :data, :once)";
    if (!db.h2()) {
      long sequence =
          bind(h.createQuery(columns + next + values + " RETURNING sequence"), d, onceKey)
              .mapTo(Long.class)
              .one();
      return d.numbered(sequence);
    }
    long sequence =
        h.createQuery("SELECT " + next.substring(1, next.length() - 1))
            .bind("seller", d.sellerId().value())
            .bind("ticket", d.ticketNumber().value())
            .mapTo(Long.class)
            .one();
    bind(h.createUpdate(columns + ":seq" + values), d, onceKey).bind("seq", sequence).execute();
    return d.numbered(sequence);
  }

  private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bind(
      T u, DomainEvent.Draft d, String onceKey) {
    // Bound as they are (Db.arg): every change writes one or more events.
    return u.bind("seller", Db.arg(d.sellerId().value()))
        .bind("id", Db.arg(d.id()))
        .bind("ticket", Db.arg(d.ticketNumber().value()))
        .bind("order", Db.arg(d.orderNumber().value()))
        .bind("type", Db.arg(d.type().wire()))
        .bind("at", Db.time(d.occurredAt()))
        .bind("internal", Db.arg(d.internal()))
        .bind("data", Db.text(EventData.encode(d.data())))
        .bind("once", Db.text(onceKey));
  }

  /**
   * The committed events not yet in the feed, oldest first: on PostgreSQL off the partial index
   * {@code events_to_place_idx} (V27) however long the backlog.
   */
  static final String UNPLACED =
      "SELECT seller_id, event_no FROM events WHERE position IS NULL ORDER BY event_no LIMIT :limit";

  @Override
  public int sequence(int limit) {
    return db.write(
        h -> {
          boolean mine =
              h.createQuery(
                      "SELECT feed_id FROM event_feed WHERE feed_id = 1 FOR UPDATE SKIP LOCKED")
                  .mapTo(Integer.class)
                  .findOne()
                  .isPresent();
          if (!mine) {
            return 0;
          }
          List<long[]> unplaced =
              h.createQuery(UNPLACED)
                  .bind("limit", limit)
                  .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                  .list();
          if (unplaced.isEmpty()) {
            return 0;
          }
          // The UPDATE works on the row's latest committed version (whatever the SELECT's snapshot
          // saw), then this transaction reads its own update.
          h.createUpdate(
                  "UPDATE event_feed SET last_position = last_position + :n WHERE feed_id = 1")
              .bind("n", unplaced.size())
              .execute();
          long position =
              h.createQuery("SELECT last_position FROM event_feed WHERE feed_id = 1")
                      .mapTo(Long.class)
                      .one()
                  - unplaced.size();
          if (!db.h2()) {
            // One statement for the batch: the sequencer is one connection among the requests',
            // and a statement per event made it fall behind a busy server (docs/benchmarks.md).
            int n = unplaced.size();
            long[] sellers = new long[n];
            long[] numbers = new long[n];
            for (int i = 0; i < n; i++) {
              sellers[i] = unplaced.get(i)[0];
              numbers[i] = unplaced.get(i)[1];
            }
            int placed =
                h.createUpdate(
                        "UPDATE events e SET position = :first + v.i - 1 FROM unnest(:sellers,"
                            + " :numbers) WITH ORDINALITY AS v(seller_id, event_no, i)"
                            + " WHERE e.seller_id = v.seller_id AND e.event_no = v.event_no")
                    .bind("first", Db.arg(position + 1))
                    .bind("sellers", Db.longs(sellers))
                    .bind("numbers", Db.longs(numbers))
                    .execute();
            if (placed != n) {
              throw new IllegalStateException("placed " + placed + " of " + n + " events");
            }
            return n;
          }
          var batch =
              h.prepareBatch(
                  "UPDATE events SET position = :position"
                      + " WHERE seller_id = :seller AND event_no = :no");
          for (long[] e : unplaced) {
            batch.bind("position", ++position).bind("seller", e[0]).bind("no", e[1]).add();
          }
          batch.execute();
          return unplaced.size();
        });
  }

  @Override
  public long lastPosition() {
    return db.read(
        h ->
            h.createQuery("SELECT last_position FROM event_feed WHERE feed_id = 1")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public List<DomainEvent> feed(Optional<SellerId> seller, long after, int limit) {
    requireNonNull(seller, "seller is null");
    return db.read(
        h ->
            seller.isPresent()
                ? h.createQuery(
                        "SELECT * FROM events WHERE seller_id = :seller AND position > :after"
                            + " ORDER BY position LIMIT :limit")
                    .bind("seller", seller.get().value())
                    .bind("after", after)
                    .bind("limit", limit)
                    .map((rs, ctx) -> map(rs))
                    .list()
                : h.createQuery(
                        "SELECT * FROM events WHERE position > :after ORDER BY position"
                            + " LIMIT :limit")
                    .bind("after", after)
                    .bind("limit", limit)
                    .map((rs, ctx) -> map(rs))
                    .list());
  }

  @Override
  public List<DomainEvent> ofTicket(SellerId seller, TicketNumber ticket) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM events WHERE seller_id = :seller AND ticket_number = :ticket"
                        + " ORDER BY sequence")
                .bind("seller", seller.value())
                .bind("ticket", ticket.value())
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public Optional<DomainEvent> find(String eventId) {
    requireNonNull(eventId, "eventId is null");
    return db.read(
        h ->
            h.createQuery("SELECT * FROM events WHERE event_id = :id")
                .bind("id", eventId)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  /** Events by id: one statement for a delivery batch (ids are indexed, not the key). */
  static final Db.KeyedRead BY_IDS =
      new Db.KeyedRead(
          "SELECT * FROM events WHERE event_id = ANY(:ids)",
          "SELECT * FROM events WHERE event_id IN (<keys>)");

  @Override
  public Map<String, DomainEvent> findAll(Collection<String> eventIds) {
    requireNonNull(eventIds, "eventIds is null");
    List<String> ids = eventIds.stream().distinct().toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, DomainEvent> found = new HashMap<>();
    for (DomainEvent e :
        db.read(h -> db.keyed(h, BY_IDS, "ids", ids).map((rs, ctx) -> map(rs)).list())) {
      found.put(e.id(), e);
    }
    return found;
  }

  @Override
  public int purge(Instant before, int limit) {
    return db.write(
        h ->
            h.createUpdate(
                    "DELETE FROM events WHERE (seller_id, event_no) IN (SELECT e.seller_id,"
                        + " e.event_no FROM events e WHERE e.occurred_at < :before AND e.position"
                        + " IS NOT NULL AND e.sequence < (SELECT MAX(l.sequence) FROM events l"
                        + " WHERE l.seller_id = e.seller_id AND l.ticket_number ="
                        + " e.ticket_number) ORDER BY e.occurred_at LIMIT :limit)")
                .bindByType("before", Db.utc(before), OffsetDateTime.class)
                .bind("limit", limit)
                .execute());
  }

  static DomainEvent map(ResultSet rs) throws SQLException {
    Long position = Db.nullableLong(rs, "position");
    return new DomainEvent(
        rs.getString("event_id"),
        EventType.of(rs.getString("event_type")),
        Db.instant(rs, "occurred_at"),
        SellerId.of(rs.getLong("seller_id")),
        TicketNumber.of(rs.getString("ticket_number")),
        OrderNumber.of(rs.getString("order_number")),
        rs.getLong("sequence"),
        rs.getBoolean("internal"),
        EventData.decode(rs.getString("data")),
        position == null ? 0 : position);
  }

  private static final Db.KeyedRead TAKEN_ONCE_KEYS =
      new Db.KeyedRead(
          "SELECT once_key FROM events WHERE seller_id = :s AND once_key = ANY(:k)",
          "SELECT once_key FROM events WHERE seller_id = :s AND once_key IN (<keys>)");

  @Override
  public java.util.Set<String> takenOnceKeys(
      SellerId seller, java.util.Collection<String> onceKeys) {
    requireNonNull(seller, "seller is null");
    if (onceKeys.isEmpty()) {
      return java.util.Set.of();
    }
    return db.read(
        h ->
            db.keyed(h, TAKEN_ONCE_KEYS, "k", List.copyOf(onceKeys))
                .bind("s", seller.value())
                .mapTo(String.class)
                .collect(java.util.stream.Collectors.toSet()));
  }
}
