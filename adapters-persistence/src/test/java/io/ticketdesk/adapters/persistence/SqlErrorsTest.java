package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {
  private static RuntimeException translate(SQLException e) {
    return SqlErrors.translate(new ConnectionException(e));
  }

  @Test
  void uniqueViolationIsADuplicateKey() {
    assertInstanceOf(DuplicateKeyException.class, translate(new SQLException("dup", "23505", 0)));
  }

  @Test
  void connectionFailuresAndPoolTimeoutsMeanUnavailable() {
    assertInstanceOf(
        StoreUnavailableException.class, translate(new SQLException("refused", "08001", 0)));
    assertInstanceOf(
        StoreUnavailableException.class,
        translate(new SQLTransientConnectionException("pool timed out")));
  }

  @Test
  void serializationFailuresAndDeadlocksAreConcurrentUpdates() {
    assertInstanceOf(
        ConcurrentUpdateException.class, translate(new SQLException("ser", "40001", 0)));
    assertInstanceOf(
        ConcurrentUpdateException.class, translate(new SQLException("dl", "40P01", 0)));
    assertInstanceOf(
        ConcurrentUpdateException.class, translate(new SQLException("h2", "90131", 90131)));
  }

  @Test
  void otherDatabaseFailuresKeepTheirStateButNotTheirMessage() {
    RuntimeException syntax =
        new ConnectionException(new SQLException("syntax near 'secret-value'", "42601", 0));
    RuntimeException translated = SqlErrors.translate(syntax);
    assertInstanceOf(SqlErrors.StatementFailedException.class, translated);
    assertTrue(translated.getMessage().contains("SQLState 42601"), translated.getMessage());
    assertFalse(translated.getMessage().contains("secret"), translated.getMessage());
    assertNull(translated.getCause());
  }

  @Test
  void failuresOutsideTheDatabasePassUnchanged() {
    IllegalStateException domain = new IllegalStateException("not a database failure");
    assertSame(domain, SqlErrors.translate(domain));
  }
}
