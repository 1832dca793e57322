package io.ticketdesk.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2NestedWorkTest extends AbstractNestedWorkTest {
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
  protected TestDatabase database() {
    return db;
  }
}
