package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.calendar.JollydayPublicHolidays;
import io.ticketdesk.adapters.persistence.Database;
import io.ticketdesk.adapters.persistence.DatabaseConfig;
import io.ticketdesk.application.port.in.ListMessagesUseCase;
import io.ticketdesk.application.port.in.SearchTicketsUseCase;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.application.service.CoreSettings;
import io.ticketdesk.application.service.TicketdeskCore;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.Language;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.SystemEventKind;
import io.ticketdesk.domain.Ticket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's acceptance: a buyer on each of the seven storefronts reads every system message of
 * the demo data in the storefront's language (an event rendered, never the stored English text).
 */
class DemoDataInEveryLanguageTest {
  @TempDir Path dir;

  @Test
  void everyBuyerReadsEverySystemMessageOfTheDemoDataInTheStorefrontsLanguage() {
    try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
      db.migrate();
      TicketdeskCore core =
          new TicketdeskCore(
              db,
              Carriers.none(),
              DefaultTextModuleSource.none(),
              new JollydayPublicHolidays(),
              Clock.fixed(Instant.parse("2026-03-20T10:00:00Z"), ZoneOffset.UTC),
              CoreSettings.defaults());
      new DemoData(db, core).loadAndIssueTokens();

      Map<Storefront, Integer> read = new EnumMap<>(Storefront.class);
      Set<SystemEventKind> kinds = EnumSet.noneOf(SystemEventKind.class);
      String cursor = null;
      do {
        var page =
            core.searchTickets()
                .search(
                    Actor.marketplace(),
                    new SearchTicketsUseCase.Query(
                        null, null, null, null, null, null, null, null, null, null, 100, cursor));
        for (Ticket t : page.items()) {
          ListMessagesUseCase.MessagePage chat =
              core.listMessages()
                  .list(Actor.buyer(t.buyerId()), t.number(), 100, null, Language.ENGLISH);
          assertEquals(Language.of(t.storefront()), chat.language());
          for (Message m : chat.items()) {
            if (m.authorRole() != AuthorRole.SYSTEM) {
              continue;
            }
            assertNotNull(m.event(), t.number().value() + ": " + m.text().value());
            String text = chat.textOf(m);
            assertNotEquals(m.text().value(), text, t.storefront() + ": still English");
            assertTrue(!text.contains("{") && !text.isBlank(), text);
            read.merge(t.storefront(), 1, Integer::sum);
            kinds.add(m.event().kind());
          }
        }
        cursor = page.nextCursor();
      } while (cursor != null);

      assertEquals(EnumSet.allOf(Storefront.class), read.keySet(), read.toString());
      assertTrue(kinds.size() >= 4, kinds.toString());
    }
  }
}
