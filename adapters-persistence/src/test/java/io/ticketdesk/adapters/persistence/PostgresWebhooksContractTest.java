package io.ticketdesk.adapters.persistence;

import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.application.testing.contract.WebhooksContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresWebhooksContractTest extends WebhooksContractTest {
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
  protected StorePorts newStore() {
    return db.freshPorts();
  }
}
