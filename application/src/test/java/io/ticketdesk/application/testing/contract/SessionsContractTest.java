package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.Sessions.Session;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.ticketdesk.application.port.out.Sessions}. */
public abstract class SessionsContractTest {
  protected StorePorts store;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
  }

  private static Session session(String hash, Duration lifetime) {
    return new Session(hash, "token-" + hash, "csrf-" + hash, T0, T0.plus(lifetime));
  }

  @Test
  void aSessionRoundTrips() {
    Session s = session("s1", Duration.ofHours(12));
    store.sessions().add(s);

    assertEquals(Optional.of(s), store.sessions().find("s1"));
  }

  @Test
  void unknownSessionIsEmpty() {
    assertTrue(store.sessions().find("nope").isEmpty());
  }

  @Test
  void removingEndsOnlyThatSession() {
    store.sessions().add(session("a", Duration.ofHours(1)));
    store.sessions().add(session("b", Duration.ofHours(1)));

    store.sessions().remove("a");
    store.sessions().remove("unknown");

    assertTrue(store.sessions().find("a").isEmpty());
    assertTrue(store.sessions().find("b").isPresent());
  }

  @Test
  void removeExpiredEndsSessionsWhoseEndIsAtOrBeforeNow() {
    store.sessions().add(session("past", Duration.ofMinutes(1)));
    store.sessions().add(session("now", Duration.ofMinutes(2)));
    store.sessions().add(session("later", Duration.ofMinutes(3)));

    int removed = store.sessions().removeExpired(T0.plus(Duration.ofMinutes(2)));

    assertEquals(2, removed);
    assertTrue(store.sessions().find("past").isEmpty());
    assertTrue(store.sessions().find("now").isEmpty());
    assertTrue(store.sessions().find("later").isPresent());
  }

  @Test
  void duplicateSessionIsRefused() {
    store.sessions().add(session("s", Duration.ofHours(1)));

    assertThrows(
        DuplicateKeyException.class,
        () ->
            store
                .sessions()
                .add(new Session("s", "other", "other", T0, T0.plus(Duration.ofHours(2)))));
    assertEquals("token-s", store.sessions().find("s").orElseThrow().tokenHash());
  }

  @Test
  void aSessionAddedInARolledBackTransactionIsGone() {
    assertThrows(
        IllegalStateException.class,
        () ->
            store
                .transactions()
                .inTransaction(
                    () -> {
                      store.sessions().add(session("tx", Duration.ofHours(1)));
                      throw new IllegalStateException("roll back");
                    }));

    assertTrue(store.sessions().find("tx").isEmpty());
  }
}
