package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.SellerId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.ticketdesk.application.port.out.AccessTokens}. */
public abstract class AccessTokensContractTest {
  protected StorePorts store;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
  }

  @Test
  void everyActorRoundTrips() {
    List<Actor> actors =
        List.of(
            Actor.marketplace(),
            Actor.customerService(),
            Actor.seller(SellerId.of(42)),
            Actor.buyer(BuyerId.of(7)));
    for (int i = 0; i < actors.size(); i++) {
      store.accessTokens().add("hash-" + i, actors.get(i), "label " + i, T0);
    }
    for (int i = 0; i < actors.size(); i++) {
      assertEquals(Optional.of(actors.get(i)), store.accessTokens().findByHash("hash-" + i));
    }
  }

  @Test
  void labelIsOptional() {
    store.accessTokens().add("h", Actor.marketplace(), null, T0);

    assertEquals(Optional.of(Actor.marketplace()), store.accessTokens().findByHash("h"));
  }

  @Test
  void aRevokedTokenIsNotFoundAnyMoreAndOthersStayValid() {
    store.accessTokens().add("revoked", Actor.seller(SellerId.of(3)), "a", T0);
    store.accessTokens().add("kept", Actor.seller(SellerId.of(3)), "b", T0);

    assertTrue(store.accessTokens().revoke("revoked", T0.plusSeconds(60)));

    assertTrue(store.accessTokens().findByHash("revoked").isEmpty());
    assertEquals(
        Optional.of(Actor.seller(SellerId.of(3))), store.accessTokens().findByHash("kept"));
  }

  @Test
  void revokingTwiceIsHarmlessAndAnUnknownTokenIsNotRevoked() {
    store.accessTokens().add("h", Actor.marketplace(), "a", T0);

    assertTrue(store.accessTokens().revoke("h", T0.plusSeconds(1)));
    assertTrue(store.accessTokens().revoke("h", T0.plusSeconds(2)));
    assertFalse(store.accessTokens().revoke("never-issued", T0));
    assertTrue(store.accessTokens().findByHash("h").isEmpty());
  }

  @Test
  void aRevokedTokensHashIsStillTaken() {
    store.accessTokens().add("h", Actor.marketplace(), "a", T0);
    store.accessTokens().revoke("h", T0);

    assertThrows(
        DuplicateKeyException.class,
        () -> store.accessTokens().add("h", Actor.customerService(), "b", T0));
  }

  @Test
  void unknownHashIsEmpty() {
    assertTrue(store.accessTokens().findByHash("nope").isEmpty());
  }

  @Test
  void duplicateHashIsRefused() {
    store.accessTokens().add("h", Actor.marketplace(), "a", T0);

    assertThrows(
        DuplicateKeyException.class,
        () -> store.accessTokens().add("h", Actor.customerService(), "b", T0));
    assertEquals(Optional.of(Actor.marketplace()), store.accessTokens().findByHash("h"));
  }
}
