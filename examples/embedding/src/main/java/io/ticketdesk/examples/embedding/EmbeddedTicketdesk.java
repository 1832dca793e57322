package io.ticketdesk.examples.embedding;

import io.ticketdesk.adapters.calendar.JollydayPublicHolidays;
import io.ticketdesk.adapters.memory.InMemoryStore;
import io.ticketdesk.adapters.persistence.Database;
import io.ticketdesk.adapters.persistence.DatabaseConfig;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.application.port.out.Store;
import io.ticketdesk.application.service.CoreSettings;
import io.ticketdesk.application.service.TicketdeskCore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How a team embeds the Ticketdesk core without the server: pick a store, build the core. The
 * regions between the tag comments appear verbatim in docs/architecture.md (EmbeddingDocTest keeps
 * them equal); EmbeddedTicketdeskTest runs them on all three stores.
 */
public final class EmbeddedTicketdesk {
  private EmbeddedTicketdesk() {}

  /** The core on {@code store}, with every rule wired. */
  public static TicketdeskCore core(Store store) {
    // tag::wiring[]
    TicketdeskCore core =
        new TicketdeskCore(
            store,
            Carriers.none(),
            DefaultTextModuleSource.none(),
            new JollydayPublicHolidays(),
            Clock.systemUTC(),
            CoreSettings.defaults());
    // end::wiring[]
    return core;
  }

  /** Every port in memory, nothing persisted. */
  public static Store inMemory() {
    // tag::memory[]
    Store store = new InMemoryStore();
    // end::memory[]
    return store;
  }

  /** An embedded H2 database in files under {@code dir}; close it when done. */
  public static Database h2(Path dir) {
    // tag::h2[]
    Database store = Database.open(DatabaseConfig.embedded(dir));
    store.migrate();
    // end::h2[]
    return store;
  }

  /** A PostgreSQL database; close it when done. */
  public static Database postgresql(String url, String user, String password) {
    // tag::postgresql[]
    Database store = Database.open(new DatabaseConfig(url, user, password, 10));
    store.migrate();
    // end::postgresql[]
    return store;
  }
}
