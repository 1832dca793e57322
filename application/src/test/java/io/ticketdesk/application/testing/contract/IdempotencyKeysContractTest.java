package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.CostBearer;
import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Ticket;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.ticketdesk.application.port.out.IdempotencyKeys}. */
public abstract class IdempotencyKeysContractTest {
  protected StorePorts store;
  private SellerId seller;
  private SellerId otherSeller;
  private long entryId;
  private long otherEntryId;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    seller = Fixtures.seller(store).id();
    otherSeller = Fixtures.seller(store).id();
    entryId = storedEntry(seller);
    otherEntryId = storedEntry(otherSeller);
  }

  private long storedEntry(SellerId s) {
    Order order = Fixtures.storedOrder(store, s, 1, 1);
    Ticket ticket = Fixtures.ticket(store.tickets().nextNumber(), order).build();
    store.tickets().add(ticket);
    return store
        .ledger()
        .appendRefund(
            new LedgerEntry.Draft(
                s,
                order.number(),
                order.units().get(0).id(),
                LedgerEntry.Kind.REFUND,
                Money.of(1, "EUR"),
                CostBearer.SELLER,
                "defect",
                ticket.number(),
                AuthorRole.SELLER,
                at(0)))
        .orElseThrow()
        .id();
  }

  private static String fingerprint(char c) {
    return String.valueOf(c).repeat(64);
  }

  @Test
  void aRememberedKeyIsFoundWithItsUse() {
    var use = new IdempotencyKeys.Use(fingerprint('a'), entryId, at(1));
    String key = "k-" + "x".repeat(198);

    store.idempotencyKeys().add(seller, key, use);

    assertEquals(Optional.of(use), store.idempotencyKeys().find(seller, key));
    assertEquals(Optional.empty(), store.idempotencyKeys().find(seller, "other"));
  }

  @Test
  void aSellerCannotUseAKeyTwice() {
    store
        .idempotencyKeys()
        .add(seller, "key-1", new IdempotencyKeys.Use(fingerprint('a'), entryId, at(1)));

    assertThrows(
        DuplicateKeyException.class,
        () ->
            store
                .idempotencyKeys()
                .add(seller, "key-1", new IdempotencyKeys.Use(fingerprint('b'), entryId, at(2))));
    assertEquals(
        fingerprint('a'),
        store.idempotencyKeys().find(seller, "key-1").orElseThrow().fingerprint());
  }

  @Test
  void keysArePerSeller() {
    var mine = new IdempotencyKeys.Use(fingerprint('a'), entryId, at(1));
    var theirs = new IdempotencyKeys.Use(fingerprint('b'), otherEntryId, at(1));

    store.idempotencyKeys().add(seller, "same", mine);
    store.idempotencyKeys().add(otherSeller, "same", theirs);

    assertEquals(Optional.of(mine), store.idempotencyKeys().find(seller, "same"));
    assertEquals(Optional.of(theirs), store.idempotencyKeys().find(otherSeller, "same"));
  }

  @Test
  void keysAreCaseSensitive() {
    store
        .idempotencyKeys()
        .add(seller, "Key", new IdempotencyKeys.Use(fingerprint('a'), entryId, at(1)));
    assertEquals(Optional.empty(), store.idempotencyKeys().find(seller, "KEY"));
  }

  @Test
  void purgeForgetsOnlyKeysOlderThanTheCutoff() {
    store
        .idempotencyKeys()
        .add(seller, "old", new IdempotencyKeys.Use(fingerprint('a'), entryId, at(0)));
    store
        .idempotencyKeys()
        .add(otherSeller, "new", new IdempotencyKeys.Use(fingerprint('b'), otherEntryId, at(60)));

    assertEquals(1, store.idempotencyKeys().purgeBefore(at(60)));

    assertEquals(Optional.empty(), store.idempotencyKeys().find(seller, "old"));
    assertEquals(
        at(60), store.idempotencyKeys().find(otherSeller, "new").orElseThrow().createdAt());
  }
}
