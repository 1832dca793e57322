package io.ticketdesk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The floor's pgbench scripts send the statements the server sends for each scenario (as {@code
 * JdbiTickets}, {@code JdbiMessages} and the return-policy reads build them), so a floor measures
 * the server's database work and nothing else.
 */
class FloorScriptsTest {
  @Test
  void the_floor_scripts_name_the_servers_statements() {
    String lookup = FloorScripts.script(Scenario.LOOKUP);
    assertTrue(lookup.contains("ARRAY(SELECT u.order_unit_id FROM ticket_units u"), lookup);
    assertTrue(lookup.contains("WHERE t.seller_id = :s AND t.ticket_number = :n"), lookup);
    // A return request's lookup reads its policy state's inputs, as ReturnPolicyStates does.
    assertTrue(lookup.contains("\\if :np\n" + FloorScripts.POLICY_ORDER_UNITS_SQL), lookup);
    assertTrue(lookup.contains("\\if :na\n" + FloorScripts.POLICY_OUTCOMES_SQL), lookup);
    String inbox = FloorScripts.script(Scenario.INBOX);
    // One statement per page, as JdbiTickets.search sends it on PostgreSQL since V23.
    assertTrue(
        inbox.contains(
            "SELECT t.*, ARRAY(SELECT u.order_unit_id FROM ticket_units u WHERE u.seller_id ="
                + " t.seller_id AND u.ticket_number = t.ticket_number ORDER BY u.pos) AS unit_ids,"
                + " (SELECT o.buyer_name FROM orders o WHERE o.seller_id = t.seller_id AND"
                + " o.order_number = t.order_number) AS buyer_name"
                + " FROM tickets t WHERE 1 = 1 AND t.seller_id = :s AND t.status = 'open' ORDER BY"
                + " t.seller_id, t.status, t.response_due_at ASC, t.ticket_number ASC LIMIT :lim;"),
        inbox);
    assertTrue(!inbox.contains("FROM ticket_units WHERE"), "no second statement for the units");
    assertTrue(inbox.contains("FROM return_policy_outcomes WHERE seller_id = :s"), inbox);
    assertTrue(
        inbox.contains("FROM ledger_entries WHERE seller_id = :s AND order_number = ANY("), inbox);
    // Each keyed read binds one array, as the server does (a list of single parameters gets
    // another generic plan).
    assertTrue(
        inbox.contains("FROM orders WHERE seller_id = :s AND order_number = ANY(:pa::varchar[])"),
        inbox);
    assertTrue(!inbox.contains("ARRAY[:"), inbox);
    for (String page : List.of(lookup, inbox, FloorScripts.script(Scenario.SEARCH))) {
      assertTrue(
          page.contains("(SELECT o.buyer_name FROM orders o WHERE o.seller_id = t.seller_id"),
          "the buyer names in the ticket or page statement, as JdbiTickets reads them: " + page);
      assertTrue(
          !page.contains("SELECT order_number, buyer_name FROM orders"),
          "no second statement for the names (the server's reading scope remembers them): " + page);
    }
    for (Scenario s : Scenario.ALL) {
      assertTrue(!FloorScripts.script(s).contains("access_tokens"), "the server caches tokens");
    }
    String reply = FloorScripts.script(Scenario.REPLY);
    assertTrue(reply.contains("INSERT INTO messages"));
    assertTrue(reply.contains("INSERT INTO message_return_options"));
    assertTrue(reply.contains("INSERT INTO events"), "the outbox, in the reply's transaction");
    assertTrue(
        reply.indexOf("INSERT INTO events") < reply.indexOf("COMMIT;"),
        "before the commit: " + reply);
    String refund = FloorScripts.script(Scenario.REFUND);
    for (String statement :
        List.of(
            "WHERE t.seller_id = :s AND t.ticket_number = :n",
            "FROM ticket_units",
            "FROM idempotency_keys WHERE seller_id = :s AND caller = 'seller:' || :s::text AND idem_key =",
            "SELECT * FROM orders WHERE seller_id = :s AND order_number = :o",
            "FROM order_units WHERE seller_id = :s AND order_number = :o ORDER BY pos",
            "SELECT * FROM ledger_entries WHERE seller_id = :s AND order_number = :o",
            "UPDATE order_units SET refunded_amount = refunded_amount + :a",
            "nextval('ledger_entry_id_seq')",
            "INSERT INTO ledger_entries",
            "version = version + 1 WHERE seller_id = :s AND ticket_number = :n;",
            "INSERT INTO messages",
            "INSERT INTO idempotency_keys",
            "'order_unit.refunded'",
            "COMMIT;")) {
      assertTrue(refund.contains(statement), statement + " in\n" + refund);
    }
    assertTrue(!refund.contains("access_tokens"), "the server caches tokens");
  }
}
