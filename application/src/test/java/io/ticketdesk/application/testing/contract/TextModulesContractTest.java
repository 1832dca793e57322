package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TextModule;
import io.ticketdesk.domain.TextModuleBody;
import io.ticketdesk.domain.TextModuleId;
import io.ticketdesk.domain.TextModuleReturnOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of the {@code TextModules} port. */
public abstract class TextModulesContractTest {
  private static final TextModuleBody BODY =
      new TextModuleBody("Hello {{buyer.name}}, about order {{order.number}}: …");

  protected StorePorts store;
  private SellerId a;
  private SellerId b;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    a = Fixtures.seller(store).id();
    b = Fixtures.seller(store).id();
  }

  private TextModule add(SellerId owner, Storefront sf, String name) {
    return store.textModules().add(owner, sf, sf.locale().toLanguageTag(), name, BODY, at(1));
  }

  @Test
  void aModuleRoundTripsAndBelongsToItsOwnerOnly() {
    TextModule m =
        store
            .textModules()
            .add(
                a,
                Storefront.CZ,
                "cs-CZ",
                "Vrácení",
                new TextModuleBody("Dobrý den {{buyer.name}}"),
                at(3));
    assertEquals(Optional.of(m), store.textModules().find(a, m.id()));
    assertEquals(a, m.owner());
    assertEquals(1, m.version());
    assertEquals("cs-CZ", m.locale());
    assertTrue(store.textModules().find(b, m.id()).isEmpty());
    assertTrue(store.textModules().findDefault(m.id()).isEmpty());
  }

  @Test
  void namesAreUniquePerSellerAndStorefront() {
    add(a, Storefront.DE, "Return label");
    assertThrows(DuplicateKeyException.class, () -> add(a, Storefront.DE, "Return label"));
    add(a, Storefront.AT, "Return label");
    add(b, Storefront.DE, "Return label");
  }

  @Test
  void listShowsOwnModulesAndTheDefaultsOfTheGivenStorefrontsInIdOrder() {
    TextModule de = add(a, Storefront.DE, "One");
    TextModule other = add(b, Storefront.DE, "Other seller's");
    TextModule defDe =
        store.textModules().putDefault("p/de/one", Storefront.DE, "de-DE", "Standard", BODY, at(1));
    TextModule defPl =
        store.textModules().putDefault("p/pl/one", Storefront.PL, "pl-PL", "Standard", BODY, at(1));
    TextModule at1 = add(a, Storefront.AT, "Two");

    EnumSet<Storefront> mine = EnumSet.of(Storefront.DE, Storefront.AT);
    assertEquals(List.of(de, defDe, at1), store.textModules().list(a, mine, null, 0, 10));
    assertEquals(List.of(de, defDe), store.textModules().list(a, mine, Storefront.DE, 0, 10));
    assertEquals(List.of(de), store.textModules().list(a, mine, null, 0, 1));
    assertEquals(List.of(defDe, at1), store.textModules().list(a, mine, null, de.id().value(), 10));
    assertFalse(store.textModules().list(a, mine, null, 0, 10).contains(other));
    assertFalse(store.textModules().list(a, mine, null, 0, 10).contains(defPl));
  }

  @Test
  void updateStoresTheNextVersionOnly() {
    TextModule m = add(a, Storefront.DE, "One");
    add(a, Storefront.DE, "Taken");
    TextModule v2 =
        new TextModule(
            m.id(),
            a,
            null,
            Storefront.AT,
            "de-AT",
            "Renamed",
            new TextModuleBody("Hi {{seller.name}}"),
            m.createdAt(),
            at(9),
            2);
    store.textModules().update(v2);
    assertEquals(Optional.of(v2), store.textModules().find(a, m.id()));
    assertThrows(ConcurrentUpdateException.class, () -> store.textModules().update(v2));
    TextModule clash =
        new TextModule(
            m.id(), a, null, Storefront.DE, "de-DE", "Taken", BODY, m.createdAt(), at(10), 3);
    assertThrows(DuplicateKeyException.class, () -> store.textModules().update(clash));
    assertEquals(Optional.of(v2), store.textModules().find(a, m.id()));
  }

  @Test
  void deleteRemovesOnlyTheOwnersModule() {
    TextModule m = add(a, Storefront.DE, "One");
    assertFalse(store.textModules().delete(b, m.id()));
    assertTrue(store.textModules().find(a, m.id()).isPresent());
    assertTrue(store.textModules().delete(a, m.id()));
    assertTrue(store.textModules().find(a, m.id()).isEmpty());
    assertFalse(store.textModules().delete(a, m.id()));
    assertFalse(store.textModules().delete(a, TextModuleId.of(999_999)));
  }

  @Test
  void putDefaultInsertsOnceAndRefreshesChangedContent() {
    TextModule first =
        store
            .textModules()
            .putDefault("p/de/label", Storefront.DE, "de-DE", "Etikett", BODY, at(1));
    assertTrue(first.isDefault());
    assertEquals(Optional.of(first), store.textModules().findDefault(first.id()));
    TextModule same =
        store
            .textModules()
            .putDefault("p/de/label", Storefront.DE, "de-DE", "Etikett", BODY, at(2));
    assertEquals(first, same);
    TextModuleBody changed = new TextModuleBody("Neu: {{ticket.number}}");
    TextModule refreshed =
        store
            .textModules()
            .putDefault("p/de/label", Storefront.DE, "de-DE", "Etikett", changed, at(3));
    assertEquals(first.id(), refreshed.id());
    assertEquals(2, refreshed.version());
    assertEquals(changed, store.textModules().findDefault(first.id()).orElseThrow().body());
  }

  @Test
  void aModulesReturnOptionRoundTripsAndChangesWithUpdate() {
    TextModuleReturnOption label =
        new TextModuleReturnOption(ReturnOptionType.PREPAID_LABEL, "ticketdesk-pdf");
    TextModule m =
        store.textModules().add(a, Storefront.DE, "de-DE", "Etikett", BODY, label, at(1));
    assertEquals(label, m.returnOption());
    assertEquals(Optional.of(m), store.textModules().find(a, m.id()));
    assertEquals(
        List.of(m), store.textModules().list(a, EnumSet.noneOf(Storefront.class), null, 0, 10));

    TextModuleReturnOption refund =
        new TextModuleReturnOption(ReturnOptionType.REFUND_WITHOUT_RETURN, null);
    TextModule v2 =
        new TextModule(
            m.id(),
            a,
            null,
            m.storefront(),
            m.locale(),
            m.name(),
            BODY,
            refund,
            m.createdAt(),
            at(2),
            2);
    store.textModules().update(v2);
    assertEquals(refund, store.textModules().find(a, m.id()).orElseThrow().returnOption());
    TextModule v3 =
        new TextModule(
            m.id(),
            a,
            null,
            m.storefront(),
            m.locale(),
            m.name(),
            BODY,
            null,
            m.createdAt(),
            at(3),
            3);
    store.textModules().update(v3);
    assertNull(store.textModules().find(a, m.id()).orElseThrow().returnOption());
  }

  @Test
  void putDefaultKeepsTheReturnOptionAndRefreshesItWhenItChanges() {
    TextModuleReturnOption withoutCarrier =
        new TextModuleReturnOption(ReturnOptionType.PREPAID_LABEL, null);
    TextModule first =
        store
            .textModules()
            .putDefault(
                "p/sk/option", Storefront.SK, "sk-SK", "Etikett", BODY, withoutCarrier, at(1));
    assertEquals(withoutCarrier, first.returnOption());
    assertEquals(Optional.of(first), store.textModules().findDefault(first.id()));
    assertEquals(
        first,
        store
            .textModules()
            .putDefault(
                "p/sk/option", Storefront.SK, "sk-SK", "Etikett", BODY, withoutCarrier, at(2)));
    TextModuleReturnOption inPackage =
        new TextModuleReturnOption(ReturnOptionType.LABEL_IN_PACKAGE, null);
    TextModule refreshed =
        store
            .textModules()
            .putDefault("p/sk/option", Storefront.SK, "sk-SK", "Etikett", BODY, inPackage, at(3));
    assertEquals(2, refreshed.version());
    assertEquals(
        inPackage, store.textModules().findDefault(first.id()).orElseThrow().returnOption());
    TextModule dropped =
        store
            .textModules()
            .putDefault("p/sk/option", Storefront.SK, "sk-SK", "Etikett", BODY, null, at(4));
    assertEquals(3, dropped.version());
    assertNull(store.textModules().findDefault(first.id()).orElseThrow().returnOption());
  }
}
