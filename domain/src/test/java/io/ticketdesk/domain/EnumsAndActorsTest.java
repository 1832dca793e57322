package io.ticketdesk.domain;

import static io.ticketdesk.domain.Fixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EnumsAndActorsTest {

  /** Each wire enum with its parser and the field name its errors report. */
  static Stream<Arguments> wireEnums() {
    return Stream.of(
        parser(AuthorRole.class, AuthorRole::of, "authorRole"),
        parser(ReturnIntent.class, ReturnIntent::of, "returnIntent"),
        parser(Role.class, Role::of, "role"),
        parser(Storefront.class, Storefront::of, "storefront"),
        parser(TicketReason.class, TicketReason::of, "reason"),
        parser(TicketStatus.class, TicketStatus::of, "status"),
        parser(TicketTopic.class, TicketTopic::of, "topic"),
        parser(UnitState.class, UnitState::of, "state"),
        parser(WaitingOn.class, WaitingOn::of, "waitingOn"));
  }

  private static <E extends Enum<E> & WireEnum> Arguments parser(
      Class<E> type, Function<String, E> of, String field) {
    return Arguments.of(type.getSimpleName(), type, of, field);
  }

  @Nested
  @DisplayName("Parsing enum wire values")
  class Parsing {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ticketdesk.domain.EnumsAndActorsTest#wireEnums")
    void roundTripsEveryValue(String name, Class<? extends Enum<?>> type, Function<String, ?> of) {
      for (Enum<?> e : type.getEnumConstants()) {
        String wire = ((WireEnum) e).wire();
        assertEquals(e.name().toLowerCase(Locale.ROOT), wire);
        assertSame(e, of.apply(wire));
      }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ticketdesk.domain.EnumsAndActorsTest#wireEnums")
    void refusesAnUnknownValueListingTheValidOnes(
        String name, Class<? extends Enum<?>> type, Function<String, ?> of, String field) {
      List<String> valid =
          Arrays.stream(type.getEnumConstants()).map(e -> ((WireEnum) e).wire()).toList();
      DomainException e = refused(ErrorCode.VALIDATION, () -> of.apply("no_such_value"));
      assertEquals(Map.of("field", field, "validValues", valid), e.details());
      assertEquals(
          "unknown " + field + " 'no_such_value'; valid values: " + String.join(", ", valid),
          e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ticketdesk.domain.EnumsAndActorsTest#wireEnums")
    void refusesTheJavaNameAndAMissingValue(
        String name, Class<? extends Enum<?>> type, Function<String, ?> of, String field) {
      String javaName = type.getEnumConstants()[0].name();
      refused(ErrorCode.VALIDATION, () -> of.apply(javaName));
      DomainException missing = refused(ErrorCode.VALIDATION, () -> of.apply(null));
      assertEquals(field + " is required", missing.getMessage());
    }

    @Test
    void listsTheReasonsInTheirOrder() {
      DomainException e = refused(ErrorCode.VALIDATION, () -> TicketReason.of("refund"));
      assertEquals(
          List.of(
              "product_not_as_described",
              "product_defect",
              "product_not_delivered",
              "product_return",
              "contact_other"),
          e.details().get("validValues"));
    }

    @Test
    void knowsAll42Topics() {
      assertEquals(42, TicketTopic.values().length);
      assertEquals(TicketTopic.KAUFLAND_CARD, TicketTopic.of("kaufland_card"));
      assertEquals(TicketTopic.ISSUE_CLICK_TO_PAY, TicketTopic.of("issue_click_to_pay"));
    }
  }

  @Nested
  @DisplayName("Storefronts")
  class Storefronts {
    @ParameterizedTest
    @CsvSource({
      "de, DE, EUR, de-DE, Europe/Berlin",
      "at, AT, EUR, de-AT, Europe/Vienna",
      "cz, CZ, CZK, cs-CZ, Europe/Prague",
      "sk, SK, EUR, sk-SK, Europe/Bratislava",
      "pl, PL, PLN, pl-PL, Europe/Warsaw",
      "fr, FR, EUR, fr-FR, Europe/Paris",
      "it, IT, EUR, it-IT, Europe/Rome"
    })
    void matchTheDesignTable(
        String code, String country, String currency, String locale, String zone) {
      Storefront sf = Storefront.of(code);
      assertEquals(code, sf.code());
      assertEquals(country, sf.country());
      assertEquals(currency, sf.currency());
      assertEquals(Locale.forLanguageTag(locale), sf.locale());
      assertEquals(ZoneId.of(zone), sf.zone());
    }

    @Test
    void areExactlySeven() {
      assertEquals(7, Storefront.values().length);
    }
  }

  @Nested
  @DisplayName("An actor")
  class Actors {
    final SellerId seller = SellerId.of(7);
    final SellerId otherSeller = SellerId.of(8);
    final BuyerId buyer = BuyerId.of(42);
    final BuyerId otherBuyer = BuyerId.of(43);

    @Test
    void asASellerNeedsASellerIdAndNoBuyerId() {
      refused(
          ErrorCode.VALIDATION, () -> new Actor(Role.SELLER, Optional.empty(), Optional.empty()));
      refused(
          ErrorCode.VALIDATION,
          () -> new Actor(Role.SELLER, Optional.of(seller), Optional.of(buyer)));
      assertEquals(Optional.of(seller), Actor.seller(seller).sellerId());
    }

    @Test
    void asABuyerNeedsABuyerIdAndNoSellerId() {
      refused(
          ErrorCode.VALIDATION, () -> new Actor(Role.BUYER, Optional.empty(), Optional.empty()));
      refused(
          ErrorCode.VALIDATION,
          () -> new Actor(Role.BUYER, Optional.of(seller), Optional.of(buyer)));
      assertEquals(Optional.of(buyer), Actor.buyer(buyer).buyerId());
    }

    @ParameterizedTest
    @EnumSource(
        value = Role.class,
        names = {"MARKETPLACE", "CUSTOMER_SERVICE"})
    void asOperatorActsForNoTenant(Role role) {
      refused(ErrorCode.VALIDATION, () -> new Actor(role, Optional.of(seller), Optional.empty()));
      refused(ErrorCode.VALIDATION, () -> new Actor(role, Optional.empty(), Optional.of(buyer)));
      Actor a = new Actor(role, Optional.empty(), Optional.empty());
      assertTrue(a.is(role));
    }

    @Test
    void needsARoleAndNonNullOptionals() {
      refused(ErrorCode.VALIDATION, () -> new Actor(null, Optional.empty(), Optional.empty()));
      refused(ErrorCode.VALIDATION, () -> new Actor(Role.MARKETPLACE, null, Optional.empty()));
      refused(ErrorCode.VALIDATION, () -> new Actor(Role.MARKETPLACE, Optional.empty(), null));
    }

    @Test
    void asMarketplaceOrCustomerServiceSeesEveryTicket() {
      for (Actor a : List.of(Actor.marketplace(), Actor.customerService())) {
        assertTrue(a.canSee(seller, buyer));
        assertTrue(a.canSee(otherSeller, otherBuyer));
      }
    }

    @Test
    void asASellerSeesOnlyItsOwnTickets() {
      Actor a = Actor.seller(seller);
      assertTrue(a.canSee(seller, buyer));
      assertTrue(a.canSee(seller, otherBuyer));
      assertFalse(a.canSee(otherSeller, buyer));
    }

    @Test
    void asABuyerSeesOnlyItsOwnTickets() {
      Actor a = Actor.buyer(buyer);
      assertTrue(a.canSee(seller, buyer));
      assertTrue(a.canSee(otherSeller, buyer));
      assertFalse(a.canSee(seller, otherBuyer));
    }

    @Test
    void writesMessagesInItsAuthorRole() {
      assertEquals(AuthorRole.SELLER, Actor.seller(seller).authorRole());
      assertEquals(AuthorRole.BUYER, Actor.buyer(buyer).authorRole());
      assertEquals(AuthorRole.CUSTOMER_SERVICE, Actor.customerService().authorRole());
      assertEquals(AuthorRole.SYSTEM, Actor.marketplace().authorRole());
    }

    @Test
    void isExactlyItsRole() {
      Actor a = Actor.seller(seller);
      assertTrue(a.is(Role.SELLER));
      assertFalse(a.is(Role.BUYER));
      assertFalse(a.is(Role.MARKETPLACE));
    }
  }

  @Nested
  @DisplayName("A message")
  class Messages {
    Message message(boolean internal) {
      return new Message(
          1,
          Fixtures.NUMBER,
          Fixtures.SELLER,
          AuthorRole.SELLER,
          MessageText.of("Hello"),
          internal,
          Instant.EPOCH);
    }

    @Test
    void anInternalNoteIsHiddenFromTheBuyerOnly() {
      Message note = message(true);
      assertFalse(note.visibleTo(Actor.buyer(Fixtures.BUYER)));
      assertTrue(note.visibleTo(Actor.seller(Fixtures.SELLER)));
      assertTrue(note.visibleTo(Actor.customerService()));
      assertTrue(note.visibleTo(Actor.marketplace()));
    }

    @Test
    void aPublicMessageIsVisibleToTheBuyer() {
      assertTrue(message(false).visibleTo(Actor.buyer(Fixtures.BUYER)));
    }
  }

  @Test
  void errorCodesHaveStableSlugs() {
    assertEquals("validation", ErrorCode.VALIDATION.slug());
    assertEquals("ticket-closed", ErrorCode.TICKET_CLOSED.slug());
    assertEquals("precondition-failed", ErrorCode.PRECONDITION_FAILED.slug());
    assertEquals("not-found", ErrorCode.NOT_FOUND.slug());
  }
}
