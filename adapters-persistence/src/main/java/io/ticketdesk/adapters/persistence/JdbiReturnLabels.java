package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.ReturnLabels;
import io.ticketdesk.domain.ReturnLabel;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.TicketNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Return labels in {@code return_labels}, PDF bytes in a BYTEA column. */
final class JdbiReturnLabels implements ReturnLabels {
  private final Db db;

  JdbiReturnLabels(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public ReturnLabel add(ReturnLabel draft) {
    requireNonNull(draft, "draft is null");
    return db.write(
        h -> {
          ReturnLabel label = draft.withId(Db.nextValue(h, "return_label_id_seq"));
          h.createUpdate(
                  "INSERT INTO return_labels (seller_id, label_id, ticket_number, carrier,"
                      + " tracking_number, pdf, download_url, created_at) VALUES (:seller, :id,"
                      + " :ticket, :carrier, :tracking, :pdf, :url, :createdAt)")
              .bind("seller", label.sellerId().value())
              .bind("id", label.id())
              .bind("ticket", label.ticketNumber().value())
              .bind("carrier", label.carrier())
              .bind("tracking", label.trackingNumber())
              .bindByType("pdf", label.pdf(), byte[].class)
              .bind("url", label.downloadUrl())
              .bindByType("createdAt", Db.utc(label.createdAt()), OffsetDateTime.class)
              .execute();
          return label;
        });
  }

  @Override
  public Optional<ReturnLabel> find(SellerId seller, long labelId) {
    requireNonNull(seller, "seller is null");
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM return_labels WHERE seller_id = :seller AND label_id = :id")
                .bind("seller", seller.value())
                .bind("id", labelId)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public Optional<ReturnLabel> find(long labelId) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM return_labels WHERE label_id = :id")
                .bind("id", labelId)
                .map((rs, ctx) -> map(rs))
                .findFirst());
  }

  @Override
  public Optional<ReturnLabel> latest(SellerId seller, TicketNumber ticket) {
    requireNonNull(seller, "seller is null");
    requireNonNull(ticket, "ticket is null");
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM return_labels WHERE seller_id = :seller AND ticket_number ="
                        + " :ticket ORDER BY label_id DESC LIMIT 1")
                .bind("seller", seller.value())
                .bind("ticket", ticket.value())
                .map((rs, ctx) -> map(rs))
                .findFirst());
  }

  private static ReturnLabel map(ResultSet rs) throws SQLException {
    return new ReturnLabel(
        rs.getLong("label_id"),
        SellerId.of(rs.getLong("seller_id")),
        TicketNumber.of(rs.getString("ticket_number")),
        rs.getString("carrier"),
        rs.getString("tracking_number"),
        rs.getBytes("pdf"),
        rs.getString("download_url"),
        Db.instant(rs, "created_at"));
  }
}
