package io.ticketdesk.adapters.persistence;

class PostgresStatementFailureLogTest extends AbstractStatementFailureLogTest {
  @Override
  protected TestDatabase open() {
    return TestDatabases.postgres();
  }
}
