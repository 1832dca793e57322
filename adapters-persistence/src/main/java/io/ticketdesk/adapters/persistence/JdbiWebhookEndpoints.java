package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.WebhookEndpoints;
import io.ticketdesk.domain.EventType;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.WebhookEndpoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.Update;

/** Webhook endpoints in {@code webhook_endpoints}. */
final class JdbiWebhookEndpoints implements WebhookEndpoints {
  private final Db db;

  JdbiWebhookEndpoints(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public WebhookEndpoint add(WebhookEndpoint d) {
    requireNonNull(d, "draft is null");
    return db.write(
        h -> {
          long id = Db.nextValue(h, "webhook_endpoint_id_seq");
          WebhookEndpoint e = withId(d, id);
          bind(
                  h.createUpdate(
                      "INSERT INTO webhook_endpoints (endpoint_id, owner_seller_id, seller_id, url,"
                          + " event_types, status, disabled_reason, signing_key, previous_key,"
                          + " previous_key_until, failing_since, created_at, updated_at) VALUES"
                          + " (:id, :owner, :seller, :url, :types, :status, :reason, :key,"
                          + " :previousKey, :previousKeyUntil, :failingSince, :createdAt,"
                          + " :updatedAt)"),
                  e)
              .bind("owner", e.owner() == null ? null : e.owner().value())
              .bind("seller", e.seller() == null ? null : e.seller().value())
              .bindByType("createdAt", Db.utc(e.createdAt()), OffsetDateTime.class)
              .execute();
          return e;
        });
  }

  private static Update bind(Update u, WebhookEndpoint e) {
    return u.bind("id", e.id())
        .bind("url", e.url())
        .bind(
            "types",
            e.types().stream().map(EventType::wire).sorted().collect(Collectors.joining(",")))
        .bind("status", e.status().wire())
        .bind("reason", e.disabledReason())
        .bind("key", Base64.getEncoder().encodeToString(e.key()))
        .bind(
            "previousKey",
            e.previousKey() == null ? null : Base64.getEncoder().encodeToString(e.previousKey()))
        .bindByType("previousKeyUntil", Db.utc(e.previousKeyUntil()), OffsetDateTime.class)
        .bindByType("failingSince", Db.utc(e.failingSince()), OffsetDateTime.class)
        .bindByType("updatedAt", Db.utc(e.updatedAt()), OffsetDateTime.class);
  }

  @Override
  public Optional<WebhookEndpoint> find(long id) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM webhook_endpoints WHERE endpoint_id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public List<WebhookEndpoint> owned(Optional<SellerId> owner) {
    requireNonNull(owner, "owner is null");
    return db.read(
        h ->
            owner.isPresent()
                ? h.createQuery(
                        "SELECT * FROM webhook_endpoints WHERE owner_seller_id = :owner"
                            + " ORDER BY endpoint_id")
                    .bind("owner", owner.get().value())
                    .map((rs, ctx) -> map(rs))
                    .list()
                : h.createQuery(
                        "SELECT * FROM webhook_endpoints WHERE owner_seller_id IS NULL"
                            + " ORDER BY endpoint_id")
                    .map((rs, ctx) -> map(rs))
                    .list());
  }

  @Override
  public List<WebhookEndpoint> all() {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM webhook_endpoints ORDER BY endpoint_id")
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public boolean update(WebhookEndpoint e) {
    requireNonNull(e, "endpoint is null");
    return db.write(
            h ->
                bind(
                        h.createUpdate(
                            "UPDATE webhook_endpoints SET url = :url, event_types = :types,"
                                + " status = :status, disabled_reason = :reason, signing_key ="
                                + " :key, previous_key = :previousKey, previous_key_until ="
                                + " :previousKeyUntil, failing_since = :failingSince,"
                                + " updated_at = :updatedAt WHERE endpoint_id = :id"),
                        e)
                    .execute())
        == 1;
  }

  @Override
  public boolean delete(long id) {
    return db.write(
            h ->
                h.createUpdate("DELETE FROM webhook_endpoints WHERE endpoint_id = :id")
                    .bind("id", id)
                    .execute())
        == 1;
  }

  private static WebhookEndpoint withId(WebhookEndpoint d, long id) {
    return new WebhookEndpoint(
        id,
        d.owner(),
        d.seller(),
        d.url(),
        d.types(),
        d.status(),
        d.disabledReason(),
        d.key(),
        d.previousKey(),
        d.previousKeyUntil(),
        d.failingSince(),
        d.createdAt(),
        d.updatedAt());
  }

  private static WebhookEndpoint map(ResultSet rs) throws SQLException {
    Long owner = Db.nullableLong(rs, "owner_seller_id");
    Long seller = Db.nullableLong(rs, "seller_id");
    EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
    Arrays.stream(rs.getString("event_types").split(",")).forEach(t -> types.add(EventType.of(t)));
    String previous = rs.getString("previous_key");
    return new WebhookEndpoint(
        rs.getLong("endpoint_id"),
        owner == null ? null : SellerId.of(owner),
        seller == null ? null : SellerId.of(seller),
        rs.getString("url"),
        types,
        WebhookEndpoint.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        rs.getString("disabled_reason"),
        Base64.getDecoder().decode(rs.getString("signing_key")),
        previous == null ? null : Base64.getDecoder().decode(previous),
        Db.instant(rs, "previous_key_until"),
        Db.instant(rs, "failing_since"),
        Db.instant(rs, "created_at"),
        Db.instant(rs, "updated_at"));
  }
}
