package io.ticketdesk.adapters.persistence;

class H2StatementFailureLogTest extends AbstractStatementFailureLogTest {
  @Override
  protected TestDatabase open() {
    return TestDatabases.h2();
  }
}
