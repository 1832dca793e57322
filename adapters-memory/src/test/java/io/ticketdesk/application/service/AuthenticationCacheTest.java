package io.ticketdesk.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.memory.InMemoryStore;
import io.ticketdesk.application.port.in.AuthenticateUseCase;
import io.ticketdesk.application.port.in.IssueTokenUseCase;
import io.ticketdesk.application.port.out.AccessTokens;
import io.ticketdesk.application.testing.MutableClock;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
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

        @Override
        public boolean revoke(String tokenHash, Instant at) {
          return store.accessTokens().revoke(tokenHash, at);
        }
      };
  private final AccessService access =
      new AccessService(counting, store.sellers(), store.transactions(), clock, Optional.empty());

  @Test
  void aValidTokenIsLookedUpOnceEvery10Seconds() {
    String token =
        access
            .issue(
                Actor.marketplace(), new IssueTokenUseCase.Command(Actor.buyer(BuyerId.of(7)), "t"))
            .token();
    for (int i = 0; i < 5; i++) {
      assertEquals(Optional.of(Actor.buyer(BuyerId.of(7))), access.authenticate(token));
    }
    assertEquals(1, lookups.get());
    clock.advance(Duration.ofSeconds(11));
    assertTrue(access.authenticate(token).isPresent());
    assertEquals(2, lookups.get());
  }

  @Test
  void aTokenRevokedHereStopsAtOnceAndOneRevokedElsewhereWithinTenSeconds() {
    String here = issue();
    String elsewhere = issue();
    assertTrue(access.authenticate(here).isPresent());
    assertTrue(access.authenticate(elsewhere).isPresent());

    assertTrue(access.revoke(Actor.marketplace(), here));
    // Another node (or the CLI) revokes the second token in the shared store.
    store.accessTokens().revoke(AccessService.hash(elsewhere), clock.instant());

    assertTrue(access.authenticate(here).isEmpty(), "revoked on this node: at once");
    assertTrue(access.authenticate(elsewhere).isPresent(), "trusted from the cache meanwhile");
    clock.advance(AuthenticateUseCase.TRUSTED_FOR.plusMillis(1));
    assertTrue(access.authenticate(elsewhere).isEmpty(), "within the bound");
  }

  @Test
  void onlyTheMarketplaceRevokesTokens() {
    String token = issue();
    DomainException refused =
        assertThrows(DomainException.class, () -> access.revoke(Actor.buyer(BuyerId.of(7)), token));
    assertEquals(ErrorCode.FORBIDDEN, refused.code());
    assertTrue(access.authenticate(token).isPresent());
    assertFalse(access.revoke(Actor.marketplace(), "tdk_never_issued"));
  }

  private String issue() {
    return access
        .issue(Actor.marketplace(), new IssueTokenUseCase.Command(Actor.buyer(BuyerId.of(7)), "t"))
        .token();
  }

  @Test
  void unknownTokensAreNeverCached() {
    access.authenticate("tdk_unknown");
    access.authenticate("tdk_unknown");
    assertEquals(2, lookups.get());
  }
}
