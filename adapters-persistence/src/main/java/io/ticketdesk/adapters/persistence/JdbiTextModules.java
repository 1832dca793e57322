package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.TextModules;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TextModule;
import io.ticketdesk.domain.TextModuleBody;
import io.ticketdesk.domain.TextModuleId;
import io.ticketdesk.domain.TextModuleReturnOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Text modules in {@code text_modules}; the plugins' defaults under seller_id 0. */
final class JdbiTextModules implements TextModules {
  private static final long DEFAULTS = 0;

  private final Db db;

  JdbiTextModules(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public TextModule add(
      SellerId owner,
      Storefront storefront,
      String locale,
      String name,
      TextModuleBody body,
      TextModuleReturnOption returnOption,
      Instant at) {
    requireNonNull(owner, "owner is null");
    return db.write(
        h -> {
          TextModule m =
              new TextModule(
                  TextModuleId.of(Db.nextValue(h, "text_module_id_seq")),
                  owner,
                  null,
                  storefront,
                  locale,
                  name,
                  body,
                  returnOption,
                  at,
                  at,
                  1);
          insert(h, m, owner.value());
          return m;
        });
  }

  private static void insert(Handle h, TextModule m, long sellerId) {
    h.createUpdate(
            "INSERT INTO text_modules (seller_id, text_module_id, source_key, storefront, locale,"
                + " name, body, return_option_type, return_option_carrier, created_at, updated_at,"
                + " version) VALUES (:seller, :id, :sourceKey, :storefront, :locale, :name, :body,"
                + " :optionType, :optionCarrier, :createdAt, :updatedAt, :version)")
        .bind("seller", sellerId)
        .bind("id", m.id().value())
        .bindByType("sourceKey", m.sourceKey(), String.class)
        .bind("storefront", m.storefront().code())
        .bind("locale", m.locale())
        .bind("name", m.name())
        .bind("body", m.body().value())
        .bindByType("optionType", optionType(m), String.class)
        .bindByType("optionCarrier", optionCarrier(m), String.class)
        .bindByType("createdAt", Db.utc(m.createdAt()), OffsetDateTime.class)
        .bindByType("updatedAt", Db.utc(m.updatedAt()), OffsetDateTime.class)
        .bind("version", m.version())
        .execute();
  }

  @Override
  public Optional<TextModule> find(SellerId owner, TextModuleId id) {
    requireNonNull(owner, "owner is null");
    return findIn(owner.value(), id);
  }

  @Override
  public Optional<TextModule> findDefault(TextModuleId id) {
    return findIn(DEFAULTS, id);
  }

  private Optional<TextModule> findIn(long sellerId, TextModuleId id) {
    requireNonNull(id, "id is null");
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM text_modules WHERE seller_id = :seller AND text_module_id = :id")
                .bind("seller", sellerId)
                .bind("id", id.value())
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public List<TextModule> list(
      SellerId owner, Set<Storefront> defaultsFor, Storefront only, long afterId, int limit) {
    requireNonNull(owner, "owner is null");
    StringBuilder sql = new StringBuilder("SELECT * FROM text_modules WHERE (seller_id = :owner");
    List<String> fronts = new ArrayList<>();
    for (Storefront sf : defaultsFor) {
      fronts.add(sf.code());
    }
    if (!fronts.isEmpty()) {
      sql.append(" OR (seller_id = 0 AND storefront IN (");
      for (int i = 0; i < fronts.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append(":sf").append(i);
      }
      sql.append("))");
    }
    sql.append(")");
    if (only != null) {
      sql.append(" AND storefront = :only");
    }
    sql.append(" AND text_module_id > :after ORDER BY text_module_id LIMIT :limit");
    return db.read(
        h -> {
          Query q =
              h.createQuery(sql.toString())
                  .bind("owner", owner.value())
                  .bind("after", afterId)
                  .bind("limit", limit);
          for (int i = 0; i < fronts.size(); i++) {
            q.bind("sf" + i, fronts.get(i));
          }
          if (only != null) {
            q.bind("only", only.code());
          }
          return q.map((rs, ctx) -> map(rs)).list();
        });
  }

  @Override
  public void update(TextModule next) {
    requireNonNull(next, "next is null");
    long seller = next.isDefault() ? DEFAULTS : next.owner().value();
    int rows = db.write(h -> updateRow(h, next, seller));
    if (rows == 0) {
      throw new ConcurrentUpdateException(
          "text module " + next.id().value() + " changed since version " + (next.version() - 1));
    }
  }

  private static int updateRow(Handle h, TextModule next, long seller) {
    return h.createUpdate(
            "UPDATE text_modules SET storefront = :storefront, locale = :locale, name = :name,"
                + " body = :body, return_option_type = :optionType,"
                + " return_option_carrier = :optionCarrier, updated_at = :updatedAt,"
                + " version = :version"
                + " WHERE seller_id = :seller AND text_module_id = :id AND version = :previous")
        .bind("storefront", next.storefront().code())
        .bind("locale", next.locale())
        .bind("name", next.name())
        .bind("body", next.body().value())
        .bindByType("optionType", optionType(next), String.class)
        .bindByType("optionCarrier", optionCarrier(next), String.class)
        .bindByType("updatedAt", Db.utc(next.updatedAt()), OffsetDateTime.class)
        .bind("version", next.version())
        .bind("seller", seller)
        .bind("id", next.id().value())
        .bind("previous", next.version() - 1)
        .execute();
  }

  @Override
  public boolean delete(SellerId owner, TextModuleId id) {
    requireNonNull(owner, "owner is null");
    return db.write(
            h ->
                h.createUpdate(
                        "DELETE FROM text_modules WHERE seller_id = :seller AND text_module_id = :id")
                    .bind("seller", owner.value())
                    .bind("id", id.value())
                    .execute())
        > 0;
  }

  @Override
  public TextModule putDefault(
      String sourceKey,
      Storefront storefront,
      String locale,
      String name,
      TextModuleBody body,
      TextModuleReturnOption returnOption,
      Instant at) {
    requireNonNull(sourceKey, "sourceKey is null");
    return db.write(
        h -> {
          Optional<TextModule> existing =
              h.createQuery("SELECT * FROM text_modules WHERE seller_id = 0 AND source_key = :key")
                  .bind("key", sourceKey)
                  .map((rs, ctx) -> map(rs))
                  .findOne();
          if (existing.isEmpty()) {
            TextModule m =
                new TextModule(
                    TextModuleId.of(Db.nextValue(h, "text_module_id_seq")),
                    null,
                    sourceKey,
                    storefront,
                    locale,
                    name,
                    body,
                    returnOption,
                    at,
                    at,
                    1);
            insert(h, m, DEFAULTS);
            return m;
          }
          TextModule e = existing.get();
          if (e.storefront() == storefront
              && e.locale().equals(locale)
              && e.name().equals(name)
              && e.body().equals(body)
              && Objects.equals(e.returnOption(), returnOption)) {
            return e;
          }
          TextModule next =
              new TextModule(
                  e.id(),
                  null,
                  sourceKey,
                  storefront,
                  locale,
                  name,
                  body,
                  returnOption,
                  e.createdAt(),
                  at,
                  e.version() + 1);
          if (updateRow(h, next, DEFAULTS) == 0) {
            throw new ConcurrentUpdateException("default text module " + sourceKey + " changed");
          }
          return next;
        });
  }

  private static String optionType(TextModule m) {
    return m.returnOption() == null ? null : m.returnOption().type().wire();
  }

  private static String optionCarrier(TextModule m) {
    return m.returnOption() == null ? null : m.returnOption().carrier();
  }

  private static TextModule map(ResultSet rs) throws SQLException {
    long seller = rs.getLong("seller_id");
    String type = rs.getString("return_option_type");
    return new TextModule(
        TextModuleId.of(rs.getLong("text_module_id")),
        seller == DEFAULTS ? null : SellerId.of(seller),
        rs.getString("source_key"),
        Storefront.of(rs.getString("storefront")),
        rs.getString("locale"),
        rs.getString("name"),
        new TextModuleBody(rs.getString("body")),
        type == null
            ? null
            : new TextModuleReturnOption(
                ReturnOptionType.of(type), rs.getString("return_option_carrier")),
        Db.instant(rs, "created_at"),
        Db.instant(rs, "updated_at"),
        rs.getLong("version"));
  }
}
