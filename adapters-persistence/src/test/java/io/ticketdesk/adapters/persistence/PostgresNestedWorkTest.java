package io.ticketdesk.adapters.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresNestedWorkTest extends AbstractNestedWorkTest {
  private static TestDatabase db;

  @BeforeAll
  static void openDatabase() {
    db = TestDatabases.postgres();
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
