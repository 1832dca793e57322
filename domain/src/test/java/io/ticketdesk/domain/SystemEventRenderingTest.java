package io.ticketdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** System events rendered in every language, with money, dates and labels of that language. */
class SystemEventRenderingTest {
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final OrderUnit RACK =
      new OrderUnit(
          OrderUnitId.of(900001),
          "Bike rack",
          "4006381333931",
          Money.of(125000, "CZK"),
          UnitState.RECEIVED,
          null);
  private static final Instant DUE = Instant.parse("2026-11-17T09:00:00Z");

  /** One event of every kind, each optional parameter both present and absent. */
  static List<SystemEvent> everyKind() {
    List<ReturnOptionType> options =
        List.of(ReturnOptionType.PREPAID_LABEL, ReturnOptionType.REFUND_WITHOUT_RETURN);
    Money amount = Money.of(1464, "CZK");
    List<SystemEvent> events = new ArrayList<>();
    for (boolean full : new boolean[] {false, true}) {
      events.add(
          SystemEvent.partialRefund(
              amount,
              RACK,
              AuthorRole.SELLER,
              RefundReason.DELIVERY_DAMAGE,
              CostBearer.SELLER,
              amount,
              full));
    }
    events.add(
        SystemEvent.orderUnitCancelled(
            RACK,
            AuthorRole.CUSTOMER_SERVICE,
            CancellationReason.NO_INVENTORY,
            amount,
            CostBearer.MARKETPLACE));
    events.add(SystemEvent.customerServiceNotified(EscalationReason.NOT_DIRECTED_AT_SELLER));
    events.add(SystemEvent.handedBack(DUE));
    events.add(SystemEvent.returnRequestMarked(AuthorRole.SELLER, null, DUE));
    events.add(SystemEvent.returnRequestMarked(AuthorRole.SELLER, ReturnIntent.REFUND, DUE));
    for (boolean fin : new boolean[] {false, true}) {
      events.add(SystemEvent.closed(fin, null));
      events.add(SystemEvent.closed(fin, ClosingReason.of("Withdrawn by phone")));
    }
    events.add(SystemEvent.returnLabelStored(5, "ticketdesk-pdf", "TD26020212345678901234"));
    events.add(SystemEvent.returnOptionMissing(options, LocalDate.of(2026, 2, 1)));
    events.add(SystemEvent.returnPolicyBreached(options, null));
    events.add(SystemEvent.returnPolicyBreached(options, "email"));
    events.add(SystemEvent.returnOptionMissed(options, LocalDate.of(2026, 2, 1), DUE));
    events.add(SystemEvent.returnPolicyMissed(options, DUE));
    events.add(SystemEvent.orderCancelledForBreach(OrderNumber.of("MQ8BRT7"), amount, DUE));
    events.add(
        SystemEvent.returnAddress(
            new ReturnAddress("Nordlicht Retouren", "Hafenstraße 12", "20457", "Hamburg", "DE")));
    events.add(SystemEvent.refundWithoutReturn(amount, RACK));
    events.add(SystemEvent.alreadyRefundedInFull());
    return events;
  }

  @Test
  void theSamplesCoverEveryKind() {
    Set<SystemEventKind> kinds =
        everyKind().stream().map(SystemEvent::kind).collect(Collectors.toSet());
    assertEquals(EnumSet.allOf(SystemEventKind.class), kinds);
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyKindRendersWithEveryParameterInEveryLanguage(Language language) {
    ReaderTexts texts = ReaderTexts.of(language);
    for (SystemEvent event : everyKind()) {
      String text = texts.render(event, PRAGUE);
      assertFalse(text.isBlank(), event.toString());
      assertFalse(text.contains("{"), language + " " + event + ": " + text);
      for (TextParam p : event.kind().params()) {
        String v = event.params().get(p.name());
        if (v == null || p.type() == TextParam.Type.FLAG) {
          continue;
        }
        String shown =
            switch (p.type()) {
              case MONEY -> texts.money(TextParam.Type.money(v));
              case INSTANT -> texts.dateTime(Instant.parse(v), PRAGUE);
              case DATE -> texts.date(LocalDate.parse(v));
              case RETURN_OPTIONS -> texts.label(ReturnOptionType.of(v.split(",")[0]));
              case COUNTRY, ID, TEXT -> p.type() == TextParam.Type.COUNTRY ? "" : v;
              default -> texts.label((WireEnum) p.type().label(v));
            };
        assertTrue(
            text.contains(shown), language + " " + p.name() + " '" + shown + "' in: " + text);
      }
    }
  }

  @Test
  void aCzechBuyerReadsCzechMoneyDatesAndReasons() {
    ReaderTexts cs = ReaderTexts.of(Language.CZECH);
    assertEquals("1\u00a0250,00\u00a0Kč", cs.money(Money.of(125000, "CZK")));
    assertEquals("17. 11. 2026", cs.date(LocalDate.of(2026, 11, 17)));
    assertEquals("17. 11. 2026 10:00", cs.dateTime(DUE, PRAGUE));
    assertEquals(
        "Prodejce předal tiket zákaznickému servisu. Důvod: Záležitost se netýká prodejce."
            + " Tiket nyní vede zákaznický servis.",
        cs.render(
            SystemEvent.customerServiceNotified(EscalationReason.NOT_DIRECTED_AT_SELLER), PRAGUE));
  }

  @Test
  void aFrenchBuyerReadsFrenchMoneyAndDates() {
    ReaderTexts fr = ReaderTexts.of(Language.FRENCH);
    assertEquals("14,64\u00a0€", fr.money(Money.of(1464, "EUR")));
    assertEquals("1\u202f250,00\u00a0€", fr.money(Money.of(125000, "EUR")));
    assertEquals("17 nov. 2026", fr.date(LocalDate.of(2026, 11, 17)));
    assertEquals(
        "Ticket clôturé par le vendeur. Motif : Retiré",
        fr.render(SystemEvent.closed(false, ClosingReason.of("Retiré")), PRAGUE));
  }

  @Test
  void aPolishBuyerReadsZlotyAndPolishDates() {
    ReaderTexts pl = ReaderTexts.of(Language.POLISH);
    assertEquals("1\u00a0250,00\u00a0zł", pl.money(Money.of(125000, "PLN")));
    assertEquals("17 lis 2026", pl.date(LocalDate.of(2026, 11, 17)));
    assertEquals("17 lis 2026, 10:00", pl.dateTime(DUE, ZoneId.of("Europe/Warsaw")));
  }

  @Test
  void germanAndAustrianGermanShareTheTextsButNotTheMoneyFormat() {
    SystemEvent marked = SystemEvent.refundWithoutReturn(Money.of(1464, "EUR"), RACK);
    String de = ReaderTexts.of(Language.GERMAN).render(marked, ZoneId.of("Europe/Berlin"));
    String at = ReaderTexts.of(Language.AUSTRIAN_GERMAN).render(marked, ZoneId.of("Europe/Vienna"));
    assertTrue(de.contains("14,64\u00a0€"), de);
    assertTrue(at.contains("€\u00a014,64"), at);
    assertEquals(de.replace("14,64\u00a0€", "€\u00a014,64"), at);
  }

  @Test
  void reasonsAreShortWordsNotSlugs() {
    assertEquals(
        "Transportschaden", ReaderTexts.of(Language.GERMAN).label(RefundReason.DELIVERY_DAMAGE));
    assertEquals(
        "Poškození při přepravě",
        ReaderTexts.of(Language.CZECH).label(RefundReason.DELIVERY_DAMAGE));
  }

  @Test
  void theReturnAddressNamesTheCountryInTheReadersLanguage() {
    SystemEvent address =
        SystemEvent.returnAddress(
            new ReturnAddress("Nordlicht Retouren", "Hafenstraße 12", "20457", "Hamburg", "DE"));
    assertEquals(
        "Adresse de retour (veuillez renvoyer l’article à cette adresse) :\n"
            + "Nordlicht Retouren\nHafenstraße 12\n20457 Hamburg\nAllemagne",
        ReaderTexts.of(Language.FRENCH).render(address, PRAGUE));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "null | ENGLISH",
        "de-DE,de;q=0.9,en;q=0.8 | GERMAN",
        "de-AT | AUSTRIAN_GERMAN",
        "de-CH | GERMAN",
        "cs | CZECH",
        "sk-SK | SLOVAK",
        "pl | POLISH",
        "fr-FR | FRENCH",
        "it | ITALIAN",
        "es, ja;q=0.5 | ENGLISH",
        "* | ENGLISH",
        "en;q=0.1, fr;q=0.9 | FRENCH",
        ";;; | ENGLISH"
      })
  void acceptLanguageChoosesTheBestLanguageWeWrite(String header, Language expected) {
    assertEquals(expected, Language.accepting(header));
  }

  @Test
  void aBuyerReadsTheStorefrontsLanguageWhateverItAsks() {
    assertEquals(Language.CZECH, Language.forReader(Role.BUYER, Storefront.CZ, Language.ENGLISH));
    assertEquals(Language.GERMAN, Language.forReader(Role.SELLER, Storefront.CZ, Language.GERMAN));
    assertEquals(Language.ENGLISH, Language.forReader(Role.CUSTOMER_SERVICE, Storefront.FR, null));
  }

  @Test
  void anEventRefusesParametersItsKindDoesNotDeclare() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () ->
            new SystemEvent(
                SystemEventKind.CUSTOMER_SERVICE_NOTIFIED,
                java.util.Map.of("reason", "cannot_help_further", "extra", "x")));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () ->
            new SystemEvent(
                SystemEventKind.CUSTOMER_SERVICE_NOTIFIED, java.util.Map.of("reason", "bogus")));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> new SystemEvent(SystemEventKind.HANDED_BACK, java.util.Map.of()));
  }
}
