package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.Leases;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Leases in {@code job_leases}: a row lock ({@code SELECT … FOR UPDATE}) decides who takes a lease,
 * and the primary key decides the race for its first acquisition. Plain row locks that end with the
 * transaction: nothing of it lives in the session, so it works through PgBouncer's transaction
 * pooling.
 */
final class JdbiLeases implements Leases {
  private static final String COLUMNS = "lease_name, holder, token, held_until, progress";

  private final Db db;

  JdbiLeases(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public Optional<Lease> acquire(String name, String holder, Instant now, Instant until) {
    requireNonNull(now, "now is null");
    Lease wanted = new Lease(name, holder, 1, until, "");
    try {
      return db.write(
          h -> {
            Optional<Lease> current = locked(h, name);
            if (current.isEmpty()) {
              h.createUpdate("INSERT INTO job_leases (" + COLUMNS + ") VALUES (:n, :h, 1, :u, '')")
                  .bind("n", name)
                  .bind("h", holder)
                  .bindByType("u", Db.utc(until), OffsetDateTime.class)
                  .execute();
              return Optional.of(wanted);
            }
            Lease held = current.get();
            if (held.until().isAfter(now)) {
              return Optional.empty();
            }
            h.createUpdate(
                    "UPDATE job_leases SET holder = :h, token = :t, held_until = :u"
                        + " WHERE lease_name = :n")
                .bind("n", name)
                .bind("h", holder)
                .bind("t", held.token() + 1)
                .bindByType("u", Db.utc(until), OffsetDateTime.class)
                .execute();
            return Optional.of(new Lease(name, holder, held.token() + 1, until, held.progress()));
          });
    } catch (DuplicateKeyException raced) {
      return Optional.empty(); // another node acquired it first, just now
    }
  }

  @Override
  public boolean extend(Lease lease, Instant until, String progress) {
    requireNonNull(lease, "lease is null");
    requireNonNull(until, "until is null");
    Lease next = new Lease(lease.name(), lease.holder(), lease.token(), until, progress);
    return db.write(
        h ->
            h.createUpdate(
                        "UPDATE job_leases SET held_until = :u, progress = :p"
                            + " WHERE lease_name = :n AND token = :t")
                    .bind("n", next.name())
                    .bind("t", next.token())
                    .bind("p", next.progress())
                    .bindByType("u", Db.utc(until), OffsetDateTime.class)
                    .execute()
                == 1);
  }

  @Override
  public Optional<Lease> find(String name) {
    requireNonNull(name, "name is null");
    return db.read(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM job_leases WHERE lease_name = :n")
                .bind("n", name)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  private static Optional<Lease> locked(Handle h, String name) {
    return h.createQuery("SELECT " + COLUMNS + " FROM job_leases WHERE lease_name = :n FOR UPDATE")
        .bind("n", name)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  private static Lease map(ResultSet rs) throws SQLException {
    return new Lease(
        rs.getString("lease_name"),
        rs.getString("holder"),
        rs.getLong("token"),
        Db.instant(rs, "held_until"),
        rs.getString("progress"));
  }
}
