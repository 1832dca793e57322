package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.IdempotencyKey;
import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.SellerId;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Writes that create something, done at most once per {@code Idempotency-Key}. The key is looked up
 * and remembered in the write's own transaction, so the key and what the write stored exist
 * together or not at all, and a refused write leaves the key unused. A repeated request under a key
 * answers its first result again (replayed); another request under it is refused with {@code
 * idempotency-key-reused}. Keys belong to one caller within one seller's data.
 */
final class Idempotency {
  private final IdempotencyKeys keys;
  private final Clock clock;

  Idempotency(IdempotencyKeys keys, Clock clock) {
    this.keys = requireNonNull(keys, "keys is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** A request that carries no key: it is done every time. */
  static <T> Request<T> none() {
    return new Request<>(null, null, null, null, null);
  }

  /**
   * A request of {@code actor} under {@code key} (null: no key). {@code result} says what to
   * remember of the write's result; {@code replay} makes the answer again from that (for the seller
   * whose data the write changed), marked as replayed.
   */
  <T> Request<T> request(
      Actor actor,
      IdempotencyKey key,
      Fingerprint fingerprint,
      Function<T, String> result,
      BiFunction<SellerId, String, T> replay) {
    if (key == null) {
      return none();
    }
    return new Request<>(
        this,
        new Scope(caller(actor), key.value()),
        fingerprint.hex(),
        requireNonNull(result, "result is null"),
        requireNonNull(replay, "replay is null"));
  }

  /**
   * Who sent a request, as keys are scoped: a seller or buyer by id; customer service and the
   * marketplace by role (they act for no single tenant).
   */
  private static String caller(Actor actor) {
    requireNonNull(actor, "actor is null");
    return switch (actor.role()) {
      case SELLER -> "seller:" + actor.sellerId().orElseThrow().value();
      case BUYER -> "buyer:" + actor.buyerId().orElseThrow().value();
      case CUSTOMER_SERVICE, MARKETPLACE -> actor.role().wire();
    };
  }

  /** A result of several parts (e.g. a message id and its warnings) as one text to remember. */
  static String joined(String... parts) {
    return Arrays.stream(parts)
        .map(p -> URLEncoder.encode(p, StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** The parts of a remembered text written by {@link #joined}. */
  static List<String> split(String remembered) {
    return Arrays.stream(remembered.split("&", -1))
        .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8))
        .toList();
  }

  private record Scope(String caller, String key) {}

  /** One request: its key within the caller's scope (none: done every time) and fingerprint. */
  static final class Request<T> {
    private final Idempotency owner;
    private final Scope scope;
    private final String fingerprint;
    private final Function<T, String> result;
    private final BiFunction<SellerId, String, T> replay;

    private Request(
        Idempotency owner,
        Scope scope,
        String fingerprint,
        Function<T, String> result,
        BiFunction<SellerId, String, T> replay) {
      this.owner = owner;
      this.scope = scope;
      this.fingerprint = fingerprint;
      this.result = result;
      this.replay = replay;
    }

    /** Whether the request carries a key (then a lost race is worth retrying: it may replay). */
    boolean keyed() {
      return scope != null;
    }

    /**
     * The first result under the key, made again and marked as replayed; empty without a key or
     * when the key is new. Another request under the key is refused. Call it in a transaction.
     */
    Optional<T> earlier(SellerId seller) {
      if (scope == null) {
        return Optional.empty();
      }
      return owner
          .keys
          .find(key(seller))
          .map(
              used -> {
                if (!used.fingerprint().equals(fingerprint)) {
                  throw new DomainException(
                      ErrorCode.IDEMPOTENCY_KEY_REUSED,
                      "this Idempotency-Key was already used for another request; use a new key"
                          + " for a new request");
                }
                return replay.apply(seller, used.result());
              });
    }

    /**
     * In the write's transaction: the first result under the key, or {@code write} done and the key
     * remembered with its result. When a concurrent request used the key first, this one lost a
     * race ({@link ConcurrentUpdateException}): its transaction is rolled back, and running it
     * again replays the winner's result.
     */
    T once(SellerId seller, Supplier<T> write) {
      Optional<T> earlier = earlier(seller);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      T done = write.get();
      if (scope != null) {
        try {
          owner.keys.add(
              key(seller),
              new IdempotencyKeys.Use(
                  fingerprint,
                  result.apply(done),
                  owner.clock.instant().truncatedTo(ChronoUnit.MICROS)));
        } catch (DuplicateKeyException e) {
          throw new ConcurrentUpdateException("Idempotency-Key first used by a concurrent request");
        }
      }
      return done;
    }

    private IdempotencyKeys.Key key(SellerId seller) {
      return new IdempotencyKeys.Key(seller, scope.caller(), scope.key());
    }
  }
}
