package io.ticketdesk.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2ReturnOptionDeadlineRaceTest extends AbstractReturnOptionDeadlineRaceTest {
  private static TestDatabase db;

  @BeforeAll
  static void openDatabase() {
    db = TestDatabases.h2();
  }

  @AfterAll
  static void closeDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @Override
  TestDatabase database() {
    return db;
  }
}
