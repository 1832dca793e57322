package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule every statement of the contract suites is held to ({@link SellerScopedStatements}, run
 * by {@link TestDatabases} on each statement): here on statements written for it, so the check
 * itself can fail.
 */
class SellerScopedStatementsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM tickets t WHERE 1 = 1 AND t.seller_id = :seller AND t.status = 'open'"
            + " ORDER BY t.seller_id, t.status, t.response_due_at ASC, t.ticket_number ASC"
            + " LIMIT :limit",
        "SELECT t.*, ARRAY(SELECT u.order_unit_id FROM ticket_units u WHERE u.seller_id ="
            + " t.seller_id AND u.ticket_number = t.ticket_number ORDER BY u.pos) AS unit_ids"
            + " FROM tickets t WHERE t.seller_id = :s AND t.ticket_number = :n",
        "SELECT * FROM orders WHERE seller_id = :s AND order_number = ANY(:n)",
        "SELECT * FROM order_units WHERE seller_id = :s AND order_number IN (:n0, :n1)",
        "INSERT INTO messages (seller_id, message_id, ticket_number, text) VALUES (:s, :m, :t,"
            + " :x)",
        "UPDATE order_units SET refunded_amount = refunded_amount + :a WHERE seller_id = :s AND"
            + " order_unit_id = :u",
        "SELECT * FROM text_modules WHERE seller_id = 0 AND source_key = :key",
        "SELECT * FROM tickets WHERE seller_id = :s FOR UPDATE SKIP LOCKED",
      })
  void accepts_a_statement_scoped_to_one_seller(String sql) {
    assertEquals("scoped", verdict(sql));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM access_tokens WHERE token_hash = :h",
        "SELECT * FROM job_leases WHERE lease_name = :n FOR UPDATE",
        "SELECT feed_id FROM event_feed WHERE feed_id = 1 FOR UPDATE SKIP LOCKED",
        "UPDATE sellers SET name = :n WHERE seller_id = :s",
        // a WITH query's name is not a table; the tables inside it are checked
        "WITH due AS MATERIALIZED (SELECT d.delivery_id FROM webhook_deliveries d LIMIT :l FOR"
            + " UPDATE OF d SKIP LOCKED) UPDATE webhook_deliveries w SET lease_token = :t FROM due"
            + " WHERE w.delivery_id = due.delivery_id RETURNING w.*",
      })
  void accepts_a_reference_table_read_or_write(String sql) {
    assertEquals("reference", verdict(sql));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // no seller at all
        "SELECT * FROM messages WHERE ticket_number = :n ORDER BY message_id",
        // a WITH query over a seller-owned table is held to the rule like any other read
        "WITH old AS (SELECT ticket_number FROM messages WHERE created_at < :c) SELECT * FROM old",
        // the seller is a column compared with another column of its own row, not a parameter
        "SELECT * FROM orders o WHERE o.seller_id = o.seller_id AND o.order_number = :n",
        // the ticket is scoped, its units are not (no join on seller_id)
        "SELECT * FROM tickets t JOIN ticket_units u ON u.ticket_number = t.ticket_number"
            + " WHERE t.seller_id = :s",
        // a join on seller_id to a reference that is not scoped either
        "SELECT * FROM tickets t JOIN messages m ON m.seller_id = t.seller_id WHERE"
            + " t.ticket_number = :n",
        // an insert without the distribution column
        "INSERT INTO ledger_entries (entry_id, order_number) VALUES (:e, :o)",
        // a seller_id in a comment or a string literal does not count
        "SELECT * FROM order_units /* seller_id = :s */ WHERE title = 'seller_id = :s'",
        "DELETE FROM return_policy_outcomes WHERE ticket_number = :n",
      })
  void refuses_a_statement_on_a_seller_owned_table_without_its_seller(String sql) {
    assertStartsWith("VIOLATION: no seller_id predicate", verdict(sql));
    AssertionError e = assertThrows(AssertionError.class, () -> SellerScopedStatements.check(sql));
    assertTrue(e.getMessage().contains("not scoped to one seller"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM brand_new_table WHERE id = :id",
        "SELECT * FROM tickets t JOIN brand_new_table b ON b.seller_id = t.seller_id WHERE"
            + " t.seller_id = :s",
      })
  void refuses_a_table_that_is_neither_distributed_nor_reference(String sql) {
    assertStartsWith(
        "VIOLATION: table(s) neither distributed nor reference: [brand_new_table]", verdict(sql));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT * FROM tickets t WHERE 1 = 1 AND t.buyer_id = :buyer ORDER BY t.buyer_id,"
            + " t.created_at DESC, t.ticket_number DESC LIMIT :limit",
        "SELECT * FROM orders WHERE order_number = :n",
        "SELECT * FROM tickets WHERE status = :open AND ticket_number > :after ORDER BY"
            + " ticket_number LIMIT :limit",
      })
  void names_the_reason_of_a_known_cross_seller_statement(String sql) {
    assertStartsWith("cross-seller: ", verdict(sql));
  }

  private static String verdict(String sql) {
    return SellerScopedStatements.verdict(SellerScopedStatements.normalise(sql));
  }

  private static void assertStartsWith(String prefix, String actual) {
    assertTrue(actual.startsWith(prefix), () -> "expected " + prefix + "… but was " + actual);
  }
}
