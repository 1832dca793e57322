package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.SystemState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Named values in {@code system_state}. */
final class JdbiSystemState implements SystemState {
  private final Db db;

  JdbiSystemState(Db db) {
    this.db = requireNonNull(db, "db is null");
  }

  @Override
  public Optional<String> get(String key) {
    requireNonNull(key, "key is null");
    return db.read(
        h ->
            h.createQuery("SELECT state_value FROM system_state WHERE state_key = :k")
                .bind("k", key)
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public void put(String key, String value) {
    requireNonNull(key, "key is null");
    requireNonNull(value, "value is null");
    db.write(
        h -> {
          OffsetDateTime now = Db.utc(Instant.now());
          int updated =
              h.createUpdate(
                      "UPDATE system_state SET state_value = :v, updated_at = :t"
                          + " WHERE state_key = :k")
                  .bind("k", key)
                  .bind("v", value)
                  .bindByType("t", now, OffsetDateTime.class)
                  .execute();
          if (updated == 0) {
            h.createUpdate(
                    "INSERT INTO system_state (state_key, state_value, updated_at)"
                        + " VALUES (:k, :v, :t)")
                .bind("k", key)
                .bind("v", value)
                .bindByType("t", now, OffsetDateTime.class)
                .execute();
          }
          return null;
        });
  }
}
