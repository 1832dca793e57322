package io.ticketdesk.application.service;

import static io.ticketdesk.application.service.World.ADDRESS;
import static io.ticketdesk.application.service.World.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.ticketdesk.application.port.in.IssueTokenUseCase;
import io.ticketdesk.application.port.in.RegisterSellerUseCase;
import io.ticketdesk.application.port.out.AccessTokens;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.application.port.out.StoreUnavailableException;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SellerAndAccessServiceTest {
  final World w = new World();

  static Stream<Actor> notMarketplace() {
    return Stream.of(
        Actor.seller(SellerId.of(1)), Actor.buyer(BuyerId.of(1)), Actor.customerService());
  }

  @Nested
  @DisplayName("Registering a seller")
  class RegisteringASeller {
    final RegisterSellerUseCase.Command command =
        new RegisterSellerUseCase.Command(
            "Rack GmbH", Set.of(Storefront.DE, Storefront.CZ), ADDRESS);

    @Test
    void byTheMarketplaceStoresItUnderANewId() {
      Seller first = w.sellerService.register(Actor.marketplace(), command);
      Seller second = w.sellerService.register(Actor.marketplace(), command);
      assertEquals("Rack GmbH", first.name());
      assertEquals(Set.of(Storefront.DE, Storefront.CZ), first.storefronts());
      assertEquals(ADDRESS, first.returnAddress());
      assertNotEquals(first.id(), second.id());
      assertEquals(Optional.of(first), w.store.sellers().find(first.id()));
    }

    @ParameterizedTest
    @MethodSource("io.ticketdesk.application.service.SellerAndAccessServiceTest#notMarketplace")
    void byAnyoneElseIsForbidden(Actor actor) {
      refused(ErrorCode.FORBIDDEN, () -> w.sellerService.register(actor, command));
      assertTrue(w.store.sellers().find(SellerId.of(1)).isEmpty());
    }

    @Test
    void withoutAnActorIsUnauthenticated() {
      refused(ErrorCode.UNAUTHENTICATED, () -> w.sellerService.register(null, command));
    }

    @Test
    void passesAStoreOutageOn() {
      Sellers down = mock(Sellers.class);
      when(down.register(any(), any(), any(), any()))
          .thenThrow(new StoreUnavailableException("db down", null));
      SellerService service = new SellerService(down, w.tx, w.clock);
      assertThrows(
          StoreUnavailableException.class, () -> service.register(Actor.marketplace(), command));
    }
  }

  /** Records what the token store is given. */
  static final class RecordingTokens implements AccessTokens {
    final AccessTokens delegate;
    final List<String> hashes = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    final List<Instant> times = new ArrayList<>();

    RecordingTokens(AccessTokens delegate) {
      this.delegate = delegate;
    }

    @Override
    public void add(String tokenHash, Actor actor, String label, Instant createdAt) {
      hashes.add(tokenHash);
      labels.add(label);
      times.add(createdAt);
      delegate.add(tokenHash, actor, label, createdAt);
    }

    @Override
    public Optional<Actor> findByHash(String tokenHash) {
      return delegate.findByHash(tokenHash);
    }

    @Override
    public boolean revoke(String tokenHash, Instant at) {
      return delegate.revoke(tokenHash, at);
    }
  }

  @Nested
  @DisplayName("Issuing and checking tokens")
  class Tokens {
    static final String ADMIN = "admin-secret-for-bootstrapping";
    final RecordingTokens recording = new RecordingTokens(w.store.accessTokens());
    final AccessService access =
        new AccessService(recording, w.store.sellers(), w.tx, w.clock, Optional.of(ADMIN));

    IssueTokenUseCase.IssuedToken issue(Actor subject, String label) {
      return access.issue(Actor.marketplace(), new IssueTokenUseCase.Command(subject, label));
    }

    @Test
    void aSellerTokenAuthenticatesAsThatSeller() {
      Seller seller = w.seller("Rack GmbH", Storefront.DE);
      w.clock.set(Instant.parse("2026-03-02T09:00:00.123456789Z"));
      IssueTokenUseCase.IssuedToken issued = issue(Actor.seller(seller.id()), "shop tool");
      assertTrue(issued.token().startsWith("tdk_"), issued.token());
      assertEquals(Actor.seller(seller.id()), issued.subject());
      assertEquals("shop tool", issued.label());
      assertEquals(Instant.parse("2026-03-02T09:00:00.123456Z"), issued.createdAt());
      assertEquals(Optional.of(Actor.seller(seller.id())), access.authenticate(issued.token()));
    }

    @Test
    void isStoredOnlyAsItsSha256Hash() {
      IssueTokenUseCase.IssuedToken issued = issue(Actor.customerService(), null);
      assertEquals(1, recording.hashes.size());
      String stored = recording.hashes.get(0);
      assertNotEquals(issued.token(), stored);
      assertFalse(stored.contains(issued.token()));
      assertEquals(AccessService.hash(issued.token()), stored);
      assertTrue(stored.matches("^[0-9a-f]{64}$"), stored);
      assertEquals(List.of("customer_service"), recording.labels);
      assertEquals(Optional.of(Actor.customerService()), w.store.accessTokens().findByHash(stored));
      assertTrue(w.store.accessTokens().findByHash(issued.token()).isEmpty());
    }

    @Test
    void hashesWithSha256Hex() {
      assertEquals(
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
          AccessService.hash("abc"));
    }

    @Test
    void everyTokenIsNew() {
      String a = issue(Actor.marketplace(), "a").token();
      String b = issue(Actor.marketplace(), "b").token();
      assertNotEquals(a, b);
      assertEquals(Optional.of(Actor.marketplace()), access.authenticate(a));
      assertEquals(Optional.of(Actor.marketplace()), access.authenticate(b));
    }

    @Test
    void forAnUnknownSellerIsAValidationError() {
      var e = refused(ErrorCode.VALIDATION, () -> issue(Actor.seller(SellerId.of(99)), "x"));
      assertEquals(Map.of("field", "sellerId"), e.details());
      assertTrue(recording.hashes.isEmpty());
    }

    @Test
    void needsASubject() {
      refused(ErrorCode.VALIDATION, () -> issue(null, "x"));
    }

    @ParameterizedTest
    @MethodSource("io.ticketdesk.application.service.SellerAndAccessServiceTest#notMarketplace")
    void byAnyoneButTheMarketplaceIsForbidden(Actor issuer) {
      refused(
          ErrorCode.FORBIDDEN,
          () -> access.issue(issuer, new IssueTokenUseCase.Command(Actor.customerService(), "x")));
      assertTrue(recording.hashes.isEmpty());
    }

    @Test
    void theAdminTokenAuthenticatesAsMarketplace() {
      assertEquals(Optional.of(Actor.marketplace()), access.authenticate(ADMIN));
      assertTrue(access.authenticate(ADMIN + "x").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"", " ", "garbage", "tdk_", "tdk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void garbageAuthenticatesNobody(String token) {
      issue(Actor.marketplace(), "real");
      assertTrue(access.authenticate(token).isEmpty());
    }

    @Test
    void nullAuthenticatesNobody() {
      assertTrue(access.authenticate(null).isEmpty());
    }

    @Test
    void anOversizedTokenIsRefusedBeforeHashing() {
      String longest = "a".repeat(512);
      String oversized = "a".repeat(513);
      AccessService withLongest =
          new AccessService(recording, w.store.sellers(), w.tx, w.clock, Optional.of(longest));
      AccessService withOversized =
          new AccessService(recording, w.store.sellers(), w.tx, w.clock, Optional.of(oversized));
      assertEquals(Optional.of(Actor.marketplace()), withLongest.authenticate(longest));
      assertTrue(withOversized.authenticate(oversized).isEmpty());
      assertTrue(withOversized.authenticate("b".repeat(100_000)).isEmpty());
    }

    @Test
    void aBlankAdminTokenIsNoAdminToken() {
      AccessService noAdmin =
          new AccessService(recording, w.store.sellers(), w.tx, w.clock, Optional.of(" "));
      assertTrue(noAdmin.authenticate(" ").isEmpty());
      AccessService empty =
          new AccessService(recording, w.store.sellers(), w.tx, w.clock, Optional.empty());
      assertTrue(empty.authenticate(ADMIN).isEmpty());
    }

    @Test
    void theSameActorComesBack() {
      Seller seller = w.seller("Rack GmbH", Storefront.DE);
      String token = issue(Actor.seller(seller.id()), null).token();
      Actor actor = access.authenticate(token).orElseThrow();
      assertEquals(seller.id(), actor.sellerId().orElseThrow());
    }
  }
}
