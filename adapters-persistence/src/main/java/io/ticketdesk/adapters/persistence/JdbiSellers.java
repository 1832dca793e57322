package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Sellers in the {@code sellers} table; storefronts as a comma-separated list of codes. */
final class JdbiSellers implements Sellers {
  private final Db db;

  JdbiSellers(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public Seller register(
      String name, Set<Storefront> storefronts, ReturnAddress returnAddress, Instant at) {
    requireNonNull(at, "at is null");
    return db.write(
        h -> {
          Seller seller =
              new Seller(
                  SellerId.of(Db.nextValue(h, "seller_id_seq")), name, storefronts, returnAddress);
          ReturnAddress a = seller.returnAddress();
          h.createUpdate(
                  "INSERT INTO sellers (seller_id, name, storefronts, return_name, return_street,"
                      + " return_postal_code, return_city, return_country, created_at)"
                      + " VALUES (:id, :name, :storefronts, :returnName, :returnStreet,"
                      + " :returnPostalCode, :returnCity, :returnCountry, :createdAt)")
              .bind("id", seller.id().value())
              .bind("name", seller.name())
              .bind("storefronts", storefrontList(seller.storefronts()))
              .bind("returnName", a.name())
              .bind("returnStreet", a.street())
              .bind("returnPostalCode", a.postalCode())
              .bind("returnCity", a.city())
              .bind("returnCountry", a.country())
              .bindByType("createdAt", Db.utc(at), OffsetDateTime.class)
              .execute();
          return seller;
        });
  }

  @Override
  public Optional<Seller> find(SellerId id) {
    requireNonNull(id, "id is null");
    return db.read(
        h ->
            h.createQuery("SELECT * FROM sellers WHERE seller_id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  private static Seller map(ResultSet rs) throws SQLException {
    return new Seller(
        SellerId.of(rs.getLong("seller_id")),
        rs.getString("name"),
        parseStorefronts(rs.getString("storefronts")),
        new ReturnAddress(
            rs.getString("return_name"),
            rs.getString("return_street"),
            rs.getString("return_postal_code"),
            rs.getString("return_city"),
            rs.getString("return_country")));
  }

  static String storefrontList(Set<Storefront> storefronts) {
    return EnumSet.copyOf(storefronts).stream()
        .map(Storefront::code)
        .collect(Collectors.joining(","));
  }

  static Set<Storefront> parseStorefronts(String list) {
    return Arrays.stream(list.split(","))
        .map(Storefront::of)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Storefront.class)));
  }
}
