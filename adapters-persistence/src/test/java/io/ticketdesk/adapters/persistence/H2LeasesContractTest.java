package io.ticketdesk.adapters.persistence;

import io.ticketdesk.application.testing.contract.LeasesContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2LeasesContractTest extends LeasesContractTest {
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
  protected StorePorts newStore() {
    return db.freshPorts();
  }
}
