package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.StoreUnavailableException;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  private static final ReturnAddress ADDRESS =
      new ReturnAddress("Returns", "Street 1", "10115", "Berlin", "DE");

  @Test
  void embeddedDatabaseKeepsItsDataInFilesUnderTheDataDirectory(@TempDir Path dir) {
    DatabaseConfig config = DatabaseConfig.embedded(dir);
    assertTrue(config.url().startsWith("jdbc:h2:file:" + dir.toAbsolutePath()), config.url());
    assertTrue(config.url().contains("MODE=PostgreSQL"), config.url());

    Seller seller;
    try (Database db = Database.open(config)) {
      assertEquals("h2", db.vendor());
      db.migrate();
      db.migrate();
      assertTrue(db.isReachable());
      seller = db.sellers().register("Seller", EnumSet.of(Storefront.DE), ADDRESS, Instant.EPOCH);
    }
    try (Database db = Database.open(config)) {
      db.migrate();
      assertEquals(Optional.of(seller), db.sellers().find(seller.id()));
    }
  }

  @Test
  void closedDatabaseIsNotReachable(@TempDir Path dir) {
    Database db = Database.open(DatabaseConfig.embedded(dir));
    db.close();

    assertFalse(db.isReachable());
  }

  @Test
  void unreachableDatabaseIsReportedAsUnavailable() {
    DatabaseConfig config =
        new DatabaseConfig("jdbc:postgresql://127.0.0.1:1/nothing", "x", "secret", 2);
    try (Database db = Database.open(config)) {
      assertEquals("postgresql", db.vendor());
      assertFalse(db.isReachable());
      assertThrows(StoreUnavailableException.class, () -> db.sellers().find(SellerId.of(1)));
      assertThrows(StoreUnavailableException.class, () -> db.transactions().inTransaction(() -> 1));
      assertThrows(StoreUnavailableException.class, db::migrate);
    }
  }

  @Test
  void configValidatesAndHidesThePassword() {
    DatabaseConfig config = new DatabaseConfig("jdbc:h2:mem:x", "sa", "secret", 3);

    assertFalse(config.toString().contains("secret"));
    assertThrows(
        IllegalArgumentException.class, () -> new DatabaseConfig("jdbc:mysql://x", "a", "b", 1));
    assertThrows(
        IllegalArgumentException.class, () -> new DatabaseConfig("jdbc:h2:mem:x", "a", "b", 0));
  }
}
