package io.ticketdesk.application.port.out;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Named leases on cluster-wide background work, so that several nodes on one store do each piece of
 * it once. At most one holder has a lease at a time; a lease whose time ran out (its holder died or
 * stalled) may be taken by another node, which continues from the progress the previous holder
 * stored with its last {@link #extend}. Every acquisition gives the lease a new token: a holder
 * that lost its lease cannot extend it any more, so work written in the same transaction as a
 * successful extension is the current holder's and nobody else's (fencing). Plain rows and row
 * locks: no session state, so it works through a transaction-pooling connection pooler.
 */
public interface Leases {
  /**
   * Takes the lease {@code name} for {@code holder} until {@code until} when nobody has it yet or
   * its time ran out at {@code now}; empty while another holder's time runs. Call it outside a
   * transaction (a lost race for the first acquisition may fail the transaction it runs in).
   */
  Optional<Lease> acquire(String name, String holder, Instant now, Instant until);

  /**
   * Extends the lease to {@code until} and stores {@code progress}, if nobody took it meanwhile
   * (same token); false when it was taken. Within a transaction, the lease stays locked until the
   * transaction ends, so nobody takes it while the work of that transaction is written; an {@code
   * until} at or before now frees it.
   */
  boolean extend(Lease lease, Instant until, String progress);

  /** The lease as stored, held or not. */
  Optional<Lease> find(String name);

  /**
   * One acquisition of a lease: its name, holder, token (new with every acquisition), the time it
   * is held until, and the progress its holders stored (empty at first).
   */
  record Lease(String name, String holder, long token, Instant until, String progress) {
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_PROGRESS_LENGTH = 2000;

    public Lease {
      requireNonNull(name, "name is null");
      requireNonNull(holder, "holder is null");
      requireNonNull(until, "until is null");
      requireNonNull(progress, "progress is null");
      if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
        throw new IllegalArgumentException("name must be 1 to 100 characters");
      }
      if (holder.isEmpty() || holder.length() > MAX_NAME_LENGTH) {
        throw new IllegalArgumentException("holder must be 1 to 100 characters");
      }
      if (progress.length() > MAX_PROGRESS_LENGTH) {
        throw new IllegalArgumentException("progress must be at most 2000 characters");
      }
    }
  }
}
