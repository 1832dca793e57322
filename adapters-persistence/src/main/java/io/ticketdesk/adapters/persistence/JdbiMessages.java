package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Chat messages in {@code messages}, ordered by their sequence-allocated id. */
final class JdbiMessages implements Messages {
  private final Db db;

  JdbiMessages(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public Message add(
      SellerId seller,
      TicketNumber ticket,
      AuthorRole author,
      MessageText text,
      boolean internal,
      Instant at) {
    return db.write(
        h -> {
          Message m =
              new Message(
                  Db.nextValue(h, "message_id_seq"), ticket, seller, author, text, internal, at);
          h.createUpdate(
                  "INSERT INTO messages (seller_id, message_id, ticket_number, author_role, text,"
                      + " internal, created_at) VALUES (:seller, :id, :ticket, :author, :text,"
                      + " :internal, :createdAt)")
              .bind("seller", m.sellerId().value())
              .bind("id", m.id())
              .bind("ticket", m.ticketNumber().value())
              .bind("author", m.authorRole().wire())
              .bind("text", m.text().value())
              .bind("internal", m.internal())
              .bindByType("createdAt", Db.utc(m.createdAt()), OffsetDateTime.class)
              .execute();
          return m;
        });
  }

  @Override
  public List<Message> list(
      SellerId seller, TicketNumber ticket, boolean includeInternal, long afterId, int limit) {
    requireNonNull(seller, "seller is null");
    requireNonNull(ticket, "ticket is null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    String sql =
        "SELECT * FROM messages WHERE seller_id = :seller AND ticket_number = :ticket"
            + " AND message_id > :after"
            + (includeInternal ? "" : " AND internal = FALSE")
            + " ORDER BY message_id LIMIT :limit";
    return db.read(
        h ->
            h.createQuery(sql)
                .bind("seller", seller.value())
                .bind("ticket", ticket.value())
                .bind("after", afterId)
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  private static Message map(ResultSet rs) throws SQLException {
    return new Message(
        rs.getLong("message_id"),
        TicketNumber.of(rs.getString("ticket_number")),
        SellerId.of(rs.getLong("seller_id")),
        AuthorRole.of(rs.getString("author_role")),
        MessageText.of(rs.getString("text")),
        rs.getBoolean("internal"),
        Db.instant(rs, "created_at"));
  }
}
