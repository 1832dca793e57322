package io.ticketdesk.application.port.out;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.domain.SellerId;
import java.time.Instant;
import java.util.Optional;

/** Idempotency keys of money-moving requests, per seller, with the ledger entry they produced. */
public interface IdempotencyKeys {
  /**
   * Remembers a key.
   *
   * @throws DuplicateKeyException when the seller already used the key
   */
  void add(SellerId seller, String key, Use use);

  Optional<Use> find(SellerId seller, String key);

  /** Forgets the keys remembered before {@code cutoff}; returns how many. */
  int purgeBefore(Instant cutoff);

  /** One use of a key: the request's fingerprint and the ledger entry it produced. */
  record Use(String fingerprint, long entryId, Instant createdAt) {
    public Use {
      requireNonNull(fingerprint, "fingerprint is null");
      requireNonNull(createdAt, "createdAt is null");
      if (entryId <= 0) {
        throw new IllegalArgumentException("entryId must be positive");
      }
    }
  }
}
