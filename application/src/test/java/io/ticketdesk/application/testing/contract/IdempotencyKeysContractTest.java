package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.application.port.out.IdempotencyKeys.Key;
import io.ticketdesk.application.port.out.IdempotencyKeys.Use;
import io.ticketdesk.domain.SellerId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.ticketdesk.application.port.out.IdempotencyKeys}. */
public abstract class IdempotencyKeysContractTest {
  protected StorePorts store;
  private IdempotencyKeys keys;
  private SellerId seller;
  private SellerId otherSeller;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    keys = store.idempotencyKeys();
    seller = Fixtures.seller(store).id();
    otherSeller = Fixtures.seller(store).id();
  }

  private Key key(SellerId s, String caller, String key) {
    return new Key(s, caller, key);
  }

  private Key sellers(String key) {
    return key(seller, "seller:" + seller.value(), key);
  }

  private static Use use(char fingerprint, String result, long minutes) {
    return new Use(String.valueOf(fingerprint).repeat(64), result, at(minutes));
  }

  @Test
  void aRememberedKeyIsFoundWithItsUse() {
    Use use = use('a', "17", 1);
    String longest = "k-" + "x".repeat(198);

    keys.add(sellers(longest), use);

    assertEquals(Optional.of(use), keys.find(sellers(longest)));
    assertEquals(Optional.empty(), keys.find(sellers("other")));
  }

  @Test
  void aLongResultWithAnyCharactersIsKeptWhole() {
    String result = "42&return-option-missing&" + "Žluťoučký kůň — 40 € … ".repeat(100);

    keys.add(sellers("long"), use('a', result, 1));

    assertEquals(result, keys.find(sellers("long")).orElseThrow().result());
  }

  @Test
  void aCallerCannotUseAKeyTwice() {
    keys.add(sellers("key-1"), use('a', "1", 1));

    assertThrows(DuplicateKeyException.class, () -> keys.add(sellers("key-1"), use('b', "2", 2)));
    assertEquals(use('a', "1", 1), keys.find(sellers("key-1")).orElseThrow());
  }

  @Test
  void keysArePerSellerAndPerCaller() {
    Use mine = use('a', "1", 1);
    Use theirs = use('b', "2", 1);
    Use buyers = use('c', "00100000001", 1);
    Use service = use('d', "3", 1);

    keys.add(sellers("same"), mine);
    keys.add(key(otherSeller, "seller:" + otherSeller.value(), "same"), theirs);
    keys.add(key(seller, "buyer:42", "same"), buyers);
    keys.add(key(seller, "customer_service", "same"), service);

    assertEquals(Optional.of(mine), keys.find(sellers("same")));
    assertEquals(
        Optional.of(theirs), keys.find(key(otherSeller, "seller:" + otherSeller.value(), "same")));
    assertEquals(Optional.of(buyers), keys.find(key(seller, "buyer:42", "same")));
    assertEquals(Optional.empty(), keys.find(key(seller, "buyer:43", "same")));
    assertEquals(Optional.empty(), keys.find(key(otherSeller, "buyer:42", "same")));
    assertEquals(Optional.of(service), keys.find(key(seller, "customer_service", "same")));
  }

  @Test
  void keysAreCaseSensitive() {
    keys.add(sellers("Key"), use('a', "1", 1));
    assertEquals(Optional.empty(), keys.find(sellers("KEY")));
  }

  @Test
  void aKeyAddedInARolledBackTransactionIsNotKept() {
    assertThrows(
        IllegalStateException.class,
        () ->
            store
                .transactions()
                .inTransaction(
                    () -> {
                      keys.add(sellers("rolled-back"), use('a', "1", 1));
                      throw new IllegalStateException("the write failed");
                    }));

    assertEquals(Optional.empty(), keys.find(sellers("rolled-back")));
    keys.add(sellers("rolled-back"), use('b', "2", 2));
    assertEquals("2", keys.find(sellers("rolled-back")).orElseThrow().result());
  }

  @Test
  void purgeForgetsOnlyKeysOlderThanTheCutoff() {
    keys.add(sellers("old"), use('a', "1", 0));
    keys.add(key(otherSeller, "buyer:42", "new"), use('b', "2", 60));

    assertEquals(1, keys.purgeBefore(at(60), 100));

    assertEquals(Optional.empty(), keys.find(sellers("old")));
    assertEquals(at(60), keys.find(key(otherSeller, "buyer:42", "new")).orElseThrow().createdAt());
    assertEquals(0, keys.purgeBefore(at(60), 100));
  }

  @Test
  void purgeDeletesAtMostTheLimitOldestFirst() {
    for (int i = 0; i < 5; i++) {
      keys.add(sellers("k" + i), use('a', Integer.toString(i), 10 - i));
    }
    keys.add(sellers("young"), use('a', "young", 30));

    assertEquals(2, keys.purgeBefore(at(20), 2));
    assertEquals(Optional.empty(), keys.find(sellers("k4")));
    assertEquals(Optional.empty(), keys.find(sellers("k3")));
    assertEquals("2", keys.find(sellers("k2")).orElseThrow().result());

    assertEquals(2, keys.purgeBefore(at(20), 2));
    assertEquals(1, keys.purgeBefore(at(20), 2));
    assertEquals(0, keys.purgeBefore(at(20), 2));
    assertEquals("young", keys.find(sellers("young")).orElseThrow().result());
  }
}
