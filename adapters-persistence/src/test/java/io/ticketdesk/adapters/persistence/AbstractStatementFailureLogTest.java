package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.DuplicateKeyException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failed statement is logged with its stack trace by the HTTP adapter: nothing in the exception
 * (message, causes, suppressed) may repeat a value bound to the statement or found in a row.
 */
abstract class AbstractStatementFailureLogTest {
  private static final String SECRET = "buyer-secret-4711@example.org";
  private TestDatabase test;

  protected abstract TestDatabase open();

  @BeforeEach
  void openDatabase() {
    test = open();
  }

  @AfterEach
  void closeDatabase() {
    if (test != null) {
      test.close();
    }
  }

  private static String everything(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void aFailedStatementNamesItsStateAndTextButNoBoundValue() {
    Db db = test.database().db();
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                db.read(
                    h ->
                        h.createQuery("SELECT CAST(:v AS INTEGER)")
                            .bind("v", SECRET)
                            .mapTo(Integer.class)
                            .one()));
    String text = everything(e);
    assertFalse(text.contains("4711"), text);
    assertTrue(text.contains("SQLState 22"), text);
    assertTrue(text.contains("SELECT CAST(? AS INTEGER)") || text.contains("CAST(:v"), text);
  }

  @Test
  void aDuplicateKeyNamesNoKeyValue() {
    Db db = test.database().db();
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO system_state (state_key, state_value, updated_at) VALUES (:n, :v, CURRENT_TIMESTAMP)")
                .bind("n", SECRET)
                .bind("v", "x")
                .execute());
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                db.write(
                    h ->
                        h.createUpdate(
                                "INSERT INTO system_state (state_key, state_value, updated_at) VALUES (:n, :v, CURRENT_TIMESTAMP)")
                            .bind("n", SECRET)
                            .bind("v", "y")
                            .execute()));
    assertInstanceOf(DuplicateKeyException.class, e);
    assertFalse(everything(e).contains("4711"), everything(e));
  }
}
