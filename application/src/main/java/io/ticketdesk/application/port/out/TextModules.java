package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TextModule;
import io.ticketdesk.domain.TextModuleBody;
import io.ticketdesk.domain.TextModuleId;
import io.ticketdesk.domain.TextModuleReturnOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Sellers' text modules and the plugins' read-only defaults, with optimistic locking. */
public interface TextModules {
  /**
   * Adds a seller's module under a new id, with the return option it attaches (or null).
   *
   * @throws DuplicateKeyException when the seller already has a module of that name on that
   *     storefront
   */
  TextModule add(
      SellerId owner,
      Storefront storefront,
      String locale,
      String name,
      TextModuleBody body,
      TextModuleReturnOption returnOption,
      Instant at);

  /** Adds a seller's module without a return option. */
  default TextModule add(
      SellerId owner,
      Storefront storefront,
      String locale,
      String name,
      TextModuleBody body,
      Instant at) {
    return add(owner, storefront, locale, name, body, null, at);
  }

  /** A seller's own module. */
  Optional<TextModule> find(SellerId owner, TextModuleId id);

  /** A plugin default. */
  Optional<TextModule> findDefault(TextModuleId id);

  /**
   * The seller's own modules plus the defaults of {@code defaultsFor}, optionally of one
   * storefront, ordered by id, after {@code afterId}, at most {@code limit}.
   */
  List<TextModule> list(
      SellerId owner, Set<Storefront> defaultsFor, Storefront only, long afterId, int limit);

  /**
   * Stores the next state of a seller's module whose stored version is {@code next.version() - 1}.
   *
   * @throws ConcurrentUpdateException when the stored version differs
   * @throws DuplicateKeyException when the new name is taken
   */
  void update(TextModule next);

  /** Deletes a seller's module; false when there was none. */
  boolean delete(SellerId owner, TextModuleId id);

  /**
   * Adds or refreshes a plugin default identified by {@code sourceKey}, with the return option it
   * attaches (or null); a changed option refreshes it like changed text.
   */
  TextModule putDefault(
      String sourceKey,
      Storefront storefront,
      String locale,
      String name,
      TextModuleBody body,
      TextModuleReturnOption returnOption,
      Instant at);

  /** Adds or refreshes a plugin default without a return option. */
  default TextModule putDefault(
      String sourceKey,
      Storefront storefront,
      String locale,
      String name,
      TextModuleBody body,
      Instant at) {
    return putDefault(sourceKey, storefront, locale, name, body, null, at);
  }
}
