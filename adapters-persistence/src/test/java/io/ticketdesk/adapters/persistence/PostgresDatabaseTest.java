package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PostgresDatabaseTest {
  @Test
  void migratesIdempotentlyAndAnswersReadiness() {
    try (TestDatabase test = TestDatabases.postgres()) {
      Database db = test.database();
      assertEquals("postgresql", db.vendor());
      db.migrate();
      assertTrue(db.isReachable());
      db.close();
      assertFalse(db.isReachable());
    }
  }
}
