package io.ticketdesk.application.port.out;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.domain.SellerId;
import java.time.Instant;
import java.util.Optional;

/**
 * The idempotency keys of writes that create something (refunds, cancellations, messages, tickets),
 * each with what its first request produced. A key belongs to one caller within one seller's data:
 * two callers using the same key never meet.
 */
public interface IdempotencyKeys {
  /**
   * Remembers a key.
   *
   * @throws DuplicateKeyException when the caller already used the key with this seller
   */
  void add(Key key, Use use);

  Optional<Use> find(Key key);

  /**
   * Forgets at most {@code limit} of the keys remembered before {@code cutoff}, oldest first;
   * returns how many.
   */
  int purgeBefore(Instant cutoff, int limit);

  /**
   * Where a key lives: the seller whose data the write changed, the caller who sent it (e.g. {@code
   * seller:7}, {@code buyer:42}, {@code customer_service}) and the client's key.
   */
  record Key(SellerId seller, String caller, String value) {
    public static final int MAX_CALLER_LENGTH = 64;

    public Key {
      requireNonNull(seller, "seller is null");
      requireNonNull(caller, "caller is null");
      requireNonNull(value, "value is null");
      if (caller.isEmpty() || caller.length() > MAX_CALLER_LENGTH) {
        throw new IllegalArgumentException("caller must be 1 to 64 characters");
      }
    }
  }

  /**
   * One use of a key: the request's fingerprint, what the write produced (as the service wrote it,
   * e.g. a ledger entry id or a ticket number) and when.
   */
  record Use(String fingerprint, String result, Instant createdAt) {
    public Use {
      requireNonNull(fingerprint, "fingerprint is null");
      requireNonNull(result, "result is null");
      requireNonNull(createdAt, "createdAt is null");
      if (result.isEmpty()) {
        throw new IllegalArgumentException("result must not be empty");
      }
    }
  }
}
