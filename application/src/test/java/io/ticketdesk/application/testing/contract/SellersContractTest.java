package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.T0;
import static io.ticketdesk.application.testing.contract.Fixtures.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.ticketdesk.application.port.out.Sellers}. */
public abstract class SellersContractTest {
  protected StorePorts store;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
  }

  @Test
  void registerStoresEveryField() {
    ReturnAddress address = new ReturnAddress("Zoë Ñoño", "Rue 1", "75001", "Paris", "FR");
    Seller s =
        store
            .sellers()
            .register("Boutique ‘Ünïcode’", EnumSet.allOf(Storefront.class), address, T0);

    assertEquals("Boutique ‘Ünïcode’", s.name());
    assertEquals(Optional.of(s), store.sellers().find(s.id()));
  }

  @Test
  void registerAssignsNewIds() {
    Seller a = store.sellers().register("A", EnumSet.of(Storefront.DE), address(), T0);
    Seller b = store.sellers().register("B", EnumSet.of(Storefront.CZ), address(), T0);

    assertNotEquals(a.id(), b.id());
    assertEquals(
        EnumSet.of(Storefront.CZ), store.sellers().find(b.id()).orElseThrow().storefronts());
  }

  @Test
  void findUnknownIsEmpty() {
    assertTrue(store.sellers().find(SellerId.of(987_654_321L)).isEmpty());
  }
}
