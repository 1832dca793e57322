package io.ticketdesk.adapters.webhooks;

import io.ticketdesk.adapters.persistence.TestDatabase;
import io.ticketdesk.adapters.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2MultiInstanceDeliveryTest extends AbstractMultiInstanceDeliveryTest {
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
