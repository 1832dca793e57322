package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.ReturnOption;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.SystemEvent;
import io.ticketdesk.domain.SystemEventKind;
import io.ticketdesk.domain.TicketNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    return add(seller, ticket, author, text, internal, at, ReturnOffer.NONE);
  }

  @Override
  public Message add(
      SellerId seller,
      TicketNumber ticket,
      AuthorRole author,
      MessageText text,
      boolean internal,
      Instant at,
      ReturnOffer offer) {
    requireNonNull(offer, "offer is null");
    return insert(seller, ticket, author, text, internal, at, offer, null);
  }

  @Override
  public Message addEvent(
      SellerId seller,
      TicketNumber ticket,
      SystemEvent event,
      MessageText text,
      boolean internal,
      Instant at) {
    requireNonNull(event, "event is null");
    return insert(seller, ticket, AuthorRole.SYSTEM, text, internal, at, ReturnOffer.NONE, event);
  }

  private Message insert(
      SellerId seller,
      TicketNumber ticket,
      AuthorRole author,
      MessageText text,
      boolean internal,
      Instant at,
      ReturnOffer offer,
      SystemEvent event) {
    return db.write(
        h -> {
          Message m =
              new Message(
                  Db.nextValue(h, "message_id_seq"),
                  ticket,
                  seller,
                  author,
                  text,
                  internal,
                  at,
                  offer,
                  event);
          Money discount = offer.discountOffer();
          h.createUpdate(
                  "INSERT INTO messages (seller_id, message_id, ticket_number, author_role, text,"
                      + " internal, created_at, discount_amount, discount_currency, event_kind,"
                      + " event_params) VALUES (:seller, :id, :ticket, :author, :text, :internal,"
                      + " :createdAt, :discountAmount, :discountCurrency, :eventKind,"
                      + " :eventParams)")
              // Bound as they are (Db.arg): every reply writes this statement.
              .bind("discountAmount", Db.int64(discount == null ? null : discount.amount()))
              .bind("discountCurrency", Db.text(discount == null ? null : discount.currency()))
              .bind("eventKind", Db.text(event == null ? null : event.kind().wire()))
              .bind(
                  "eventParams", Db.text(event == null ? null : EventParams.encode(event.params())))
              .bind("seller", Db.arg(m.sellerId().value()))
              .bind("id", Db.arg(m.id()))
              .bind("ticket", Db.arg(m.ticketNumber().value()))
              .bind("author", Db.arg(m.authorRole().wire()))
              .bind("text", Db.arg(m.text().value()))
              .bind("internal", Db.arg(m.internal()))
              .bind("createdAt", Db.time(m.createdAt()))
              .execute();
          List<ReturnOption> options = offer.options();
          for (int i = 0; i < options.size(); i++) {
            ReturnOption o = options.get(i);
            h.createUpdate(
                    "INSERT INTO message_return_options (seller_id, message_id, option_index,"
                        + " ticket_number, option_type, label_id, url, order_unit_id,"
                        + " address_name, address_street, address_postal_code, address_city,"
                        + " address_country) VALUES (:seller, :id, :index, :ticket, :type,"
                        + " :labelId, :url, :unit, :addressName, :addressStreet,"
                        + " :addressPostalCode, :addressCity, :addressCountry)")
                .bind("seller", m.sellerId().value())
                .bind("id", m.id())
                .bind("index", i)
                .bind("ticket", m.ticketNumber().value())
                .bind("type", o.type().wire())
                .bind("labelId", o.labelId())
                .bind("url", o.url())
                .bind("unit", o.orderUnitId() == null ? null : o.orderUnitId().value())
                .bind("addressName", o.address() == null ? null : o.address().name())
                .bind("addressStreet", o.address() == null ? null : o.address().street())
                .bind("addressPostalCode", o.address() == null ? null : o.address().postalCode())
                .bind("addressCity", o.address() == null ? null : o.address().city())
                .bind("addressCountry", o.address() == null ? null : o.address().country())
                .execute();
          }
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
        h -> {
          List<Message> rows =
              h.createQuery(sql)
                  .bind("seller", seller.value())
                  .bind("ticket", ticket.value())
                  .bind("after", afterId)
                  .bind("limit", limit)
                  .map((rs, ctx) -> map(rs))
                  .list();
          if (rows.isEmpty()) {
            return rows;
          }
          Map<Long, List<ReturnOption>> options = new HashMap<>();
          h.createQuery(
                  "SELECT * FROM message_return_options WHERE seller_id = :seller AND"
                      + " ticket_number = :ticket AND message_id > :after AND message_id <= :last"
                      + " ORDER BY message_id, option_index")
              .bind("seller", seller.value())
              .bind("ticket", ticket.value())
              .bind("after", afterId)
              .bind("last", rows.get(rows.size() - 1).id())
              .map(
                  (rs, ctx) ->
                      Map.entry(
                          rs.getLong("message_id"),
                          new ReturnOption(
                              ReturnOptionType.of(rs.getString("option_type")),
                              Db.nullableLong(rs, "label_id"),
                              rs.getString("url"),
                              Optional.ofNullable(Db.nullableLong(rs, "order_unit_id"))
                                  .map(OrderUnitId::of)
                                  .orElse(null),
                              address(rs))))
              .forEach(
                  e ->
                      options
                          .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                          .add(e.getValue()));
          List<Message> result = new ArrayList<>();
          for (Message m : rows) {
            List<ReturnOption> own = options.getOrDefault(m.id(), List.of());
            if (own.isEmpty() && m.offer().discountOffer() == null) {
              result.add(m);
            } else {
              result.add(
                  new Message(
                      m.id(),
                      m.ticketNumber(),
                      m.sellerId(),
                      m.authorRole(),
                      m.text(),
                      m.internal(),
                      m.createdAt(),
                      new ReturnOffer(own, m.offer().discountOffer()),
                      m.event()));
            }
          }
          return result;
        });
  }

  private static Message map(ResultSet rs) throws SQLException {
    Long discount = Db.nullableLong(rs, "discount_amount");
    ReturnOffer offer =
        discount == null
            ? ReturnOffer.NONE
            : new ReturnOffer(List.of(), Money.of(discount, rs.getString("discount_currency")));
    return new Message(
        rs.getLong("message_id"),
        TicketNumber.of(rs.getString("ticket_number")),
        SellerId.of(rs.getLong("seller_id")),
        AuthorRole.of(rs.getString("author_role")),
        MessageText.of(rs.getString("text")),
        rs.getBoolean("internal"),
        Db.instant(rs, "created_at"),
        offer,
        event(rs));
  }

  /** The event a system message records; null for other messages and rows from before events. */
  private static SystemEvent event(ResultSet rs) throws SQLException {
    String kind = rs.getString("event_kind");
    return kind == null
        ? null
        : new SystemEvent(
            SystemEventKind.of(kind), EventParams.decode(rs.getString("event_params")));
  }

  /** The address a seller_address option gave, or null. */
  private static ReturnAddress address(java.sql.ResultSet rs) throws java.sql.SQLException {
    String name = rs.getString("address_name");
    return name == null
        ? null
        : new ReturnAddress(
            name,
            rs.getString("address_street"),
            rs.getString("address_postal_code"),
            rs.getString("address_city"),
            rs.getString("address_country"));
  }
}
