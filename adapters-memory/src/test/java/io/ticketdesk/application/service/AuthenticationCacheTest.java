package io.ticketdesk.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.memory.InMemoryStore;
import io.ticketdesk.application.port.in.IssueTokenUseCase;
import io.ticketdesk.application.port.out.AccessTokens;
import io.ticketdesk.application.testing.MutableClock;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.BuyerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuthenticationCacheTest {
  private final InMemoryStore store = new InMemoryStore();
  private final AtomicInteger lookups = new AtomicInteger();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  private final AccessTokens counting =
      new AccessTokens() {
        @Override
        public void add(String tokenHash, Actor actor, String label, Instant createdAt) {
          store.accessTokens().add(tokenHash, actor, label, createdAt);
        }

        @Override
        public Optional<Actor> findByHash(String tokenHash) {
          lookups.incrementAndGet();
          return store.accessTokens().findByHash(tokenHash);
        }
      };
  private final AccessService access =
      new AccessService(counting, store.sellers(), store.transactions(), clock, Optional.empty());

  @Test
  void aValidTokenIsLookedUpOnceEvery30Seconds() {
    String token =
        access
            .issue(
                Actor.marketplace(), new IssueTokenUseCase.Command(Actor.buyer(BuyerId.of(7)), "t"))
            .token();
    for (int i = 0; i < 5; i++) {
      assertEquals(Optional.of(Actor.buyer(BuyerId.of(7))), access.authenticate(token));
    }
    assertEquals(1, lookups.get());
    clock.advance(Duration.ofSeconds(31));
    assertTrue(access.authenticate(token).isPresent());
    assertEquals(2, lookups.get());
  }

  @Test
  void unknownTokensAreNeverCached() {
    access.authenticate("tdk_unknown");
    access.authenticate("tdk_unknown");
    assertEquals(2, lookups.get());
  }
}
