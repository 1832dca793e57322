package io.ticketdesk.benchmarks;

/**
 * The floor's pgbench scripts: per scenario the statements the server sends, as {@code
 * JdbiTickets}, {@code JdbiMessages}, {@code JdbiOrders}, {@code JdbiOutbox} and the services build
 * them (docs/benchmarks.md, "The floor", has the table of server statement against script line).
 * {@link FloorCommand} stores each scenario's targets and runs the scripts.
 */
final class FloorScripts {
  private FloorScripts() {}

  /**
   * The select list of a ticket as {@code JdbiTickets} reads it on PostgreSQL (find and pages,
   * {@code WITH_UNITS_AND_BUYER}): the row, its order unit ids and, since 2026-12-06, its order's
   * buyer's name, which the server's reading scope then needs no second statement for.
   */
  static final String TICKET_COLUMNS =
      "SELECT t.*, ARRAY(SELECT u.order_unit_id FROM ticket_units u WHERE u.seller_id ="
          + " t.seller_id AND u.ticket_number = t.ticket_number ORDER BY u.pos) AS unit_ids,"
          + " (SELECT o.buyer_name FROM orders o WHERE o.seller_id = t.seller_id AND"
          + " o.order_number = t.order_number) AS buyer_name FROM tickets t";

  /** A page on PostgreSQL is one statement since V23 ({@code JdbiTickets.search}). */
  static final String PAGE_SQL = TICKET_COLUMNS + " WHERE 1 = 1";

  static final String ORDER_SQL =
      "SELECT * FROM orders WHERE seller_id = :s AND order_number = :o;";
  static final String ORDER_UNITS_SQL =
      "SELECT * FROM order_units WHERE seller_id = :s AND order_number = :o ORDER BY pos;";

  /** The system message of a refund, as long as the server's (the unit's title varies). */
  static final String REFUND_MESSAGE =
      "Partial refund of 0.01 EUR on order unit 100026672 (Cast iron pan 28 cm, EAN"
          + " 4086970983712) by the seller — reason: other_refund; cost borne by: seller."
          + " Refunded so far: 0.01 EUR of 106.56 EUR.";

  /**
   * A single ticket with its order unit ids, as {@code JdbiTickets.find} reads it since the lookup
   * lost its units round trip.
   */
  static final String TICKET_SQL =
      TICKET_COLUMNS + " WHERE t.seller_id = :s AND t.ticket_number = :n";

  /**
   * The return-policy state of a page or a ticket ({@code ReturnPolicyStates.states}): the orders
   * of its return requests and their outcomes, one array of keys each (skipped, as by the server,
   * when it has none).
   */
  static final String POLICY_ORDER_UNITS_SQL =
      "SELECT * FROM order_units WHERE seller_id = :s AND order_number = ANY(:pa::varchar[])"
          + " ORDER BY order_number, pos;";

  static final String POLICY_ORDERS_SQL =
      "SELECT * FROM orders WHERE seller_id = :s AND order_number = ANY(:pa::varchar[]);";
  static final String POLICY_OUTCOMES_SQL =
      "SELECT * FROM return_policy_outcomes WHERE seller_id = :s AND ticket_number ="
          + " ANY(:aa::varchar[]);";

  /**
   * The ledger of the page's unanswered return requests' orders (the server reads it for those that
   * require an option: a full refund already made satisfies them; the floor for all of them).
   */
  static final String POLICY_LEDGER_SQL =
      "SELECT * FROM ledger_entries WHERE seller_id = :s AND order_number = ANY(:la::varchar[])"
          + " ORDER BY entry_id;";

  /** Page sizes as the service asks for them: limit + 1 rows. */
  static int pageRows(Scenario s) {
    return switch (s) {
      case INBOX -> 51;
      case SEARCH, FILTER -> 26;
      default -> 1;
    };
  }

  /** The scenario's SQL, as {@code JdbiTickets}/{@code JdbiMessages} build it for the server. */
  static String script(Scenario s) {
    StringBuilder sb = new StringBuilder();
    String keep =
        "reason = reason, topic = topic, return_intent = return_intent, closed_finally ="
            + " closed_finally, ";
    sb.append("\\set i random(1, :ntargets)\n");
    sb.append("SELECT * FROM bench_floor_").append(s.wire()).append(" WHERE i = :i \\gset\n");
    // No authentication statement: the server caches valid tokens for 30 s.
    switch (s) {
      case LOOKUP -> {
        sb.append(TICKET_SQL).append(";\n");
        policy(sb);
      }
      case SEARCH -> {
        sb.append(PAGE_SQL)
            .append(
                " AND t.seller_id = :s AND t.order_number = :o ORDER BY t.created_at DESC,"
                    + " t.ticket_number DESC LIMIT :lim;\n");
        policy(sb);
      }
      case INBOX -> {
        sb.append(PAGE_SQL)
            .append(
                " AND t.seller_id = :s AND t.status = 'open' ORDER BY t.seller_id, t.status,"
                    + " t.response_due_at ASC, t.ticket_number ASC LIMIT :lim;\n");
        policy(sb);
      }
      case FILTER -> {
        sb.append(PAGE_SQL)
            .append(
                " AND t.seller_id = :s AND t.topic = :tp AND t.created_at >= :cf AND t.created_at"
                    + " < :ct ORDER BY t.seller_id, t.topic, t.created_at DESC, t.ticket_number"
                    + " DESC LIMIT :lim;\n");
        policy(sb);
      }
      case REPLY -> {
        sb.append("\\set asseller random(0, 1)\n");
        sb.append("\\if :asseller\n");
        sb.append("BEGIN;\n");
        sb.append(TICKET_SQL).append(" \\gset\n");
        // A return request: the seller offers label_in_package, which the policy checks against
        // the ticket's order (ReturnPolicyService.decide) and stores with the message.
        sb.append("\\if :ret\n");
        sb.append(ORDER_SQL).append('\n');
        sb.append(ORDER_UNITS_SQL).append('\n');
        sb.append("\\endif\n");
        sb.append("UPDATE tickets SET ")
            .append(keep)
            .append(
                "status = 'waiting', waiting_on = 'buyer', updated_at = now(), open_since = NULL,"
                    + " response_due_at = NULL, first_response_at = COALESCE(first_response_at,"
                    + " now()), first_response_due_at = COALESCE(first_response_due_at,"
                    + " response_due_at, now()), first_response_working_micros ="
                    + " COALESCE(first_response_working_micros, 0), version = version + 1"
                    + " WHERE seller_id = :s AND ticket_number = :n;\n");
        sb.append("SELECT nextval('message_id_seq') AS mid \\gset\n");
        sb.append(
            "INSERT INTO messages (seller_id, message_id, ticket_number, author_role, text,"
                + " internal, created_at, discount_amount, discount_currency) VALUES (:s, :mid,"
                + " :n, 'seller', 'Thank you, we are looking into it (benchmark reply).', false,"
                + " now(), NULL, NULL);\n");
        sb.append("\\if :ret\n");
        sb.append(
            "INSERT INTO message_return_options (seller_id, message_id, option_index,"
                + " ticket_number, option_type, label_id, url, order_unit_id) VALUES (:s, :mid, 0,"
                + " :n, 'label_in_package', NULL, NULL, NULL);\n");
        sb.append("\\endif\n");
        // A message and the status it changes (the seller's answer: open to waiting; the
        // buyer's message: waiting to open).
        event(sb, "ticket.message_created", MESSAGE_EVENT);
        event(sb, "ticket.status_changed", STATUS_EVENT);
        sb.append("COMMIT;\n");
        sb.append("\\else\n");
        sb.append("BEGIN;\n");
        sb.append(TICKET_SQL.replace("t.seller_id = :s AND ", "")).append(" \\gset\n");
        sb.append("UPDATE tickets SET ")
            .append(keep)
            .append(
                "status = 'open', waiting_on = NULL, updated_at = now(), open_since = CASE WHEN"
                    + " status = 'open' THEN open_since ELSE now() END, response_due_at = CASE"
                    + " WHEN status = 'open' THEN response_due_at ELSE now() + interval '2 days'"
                    + " END, first_response_at = first_response_at, first_response_due_at ="
                    + " first_response_due_at, first_response_working_micros ="
                    + " first_response_working_micros, version = version + 1 WHERE seller_id ="
                    + " :s AND ticket_number = :n;\n");
        sb.append("SELECT nextval('message_id_seq') AS mid \\gset\n");
        sb.append(
            "INSERT INTO messages (seller_id, message_id, ticket_number, author_role, text,"
                + " internal, created_at, discount_amount, discount_currency) VALUES (:s, :mid,"
                + " :n, 'buyer', 'Any news on my ticket? (benchmark reply)', false, now(), NULL,"
                + " NULL);\n");
        // A message and the status it changes (the seller's answer: open to waiting; the
        // buyer's message: waiting to open).
        event(sb, "ticket.message_created", MESSAGE_EVENT);
        event(sb, "ticket.status_changed", STATUS_EVENT);
        sb.append("COMMIT;\n");
        sb.append("\\endif\n");
      }
      case REFUND -> {
        // TicketActionService.refund → moneyAction, as the server's statement log shows it. No
        // authentication: the server caches valid tokens for 30 s.
        String key = "'bench-floor-' || :client_id::text || '-' || :k::text";
        sb.append("\\set a ").append(Scenario.REFUND_AMOUNT).append('\n');
        sb.append("\\set k random(1, 999999999999999999)\n");
        sb.append("BEGIN;\n");
        sb.append(TICKET_SQL).append(" \\gset\n");
        sb.append(
                "SELECT fingerprint, result, created_at FROM idempotency_keys WHERE seller_id ="
                    + " :s AND caller = 'seller:' || :s::text AND idem_key = ")
            .append(key)
            .append(";\n");
        sb.append(ORDER_SQL).append('\n');
        sb.append(ORDER_UNITS_SQL).append('\n');
        sb.append(
            "SELECT * FROM ledger_entries WHERE seller_id = :s AND order_number = :o ORDER BY"
                + " entry_id;\n");
        sb.append(
            "UPDATE order_units SET refunded_amount = refunded_amount + :a WHERE seller_id = :s"
                + " AND order_unit_id = :ou AND order_number = :o AND price_currency = :cur AND :a"
                + " <= price_amount - refunded_amount;\n");
        sb.append("SELECT nextval('ledger_entry_id_seq') AS eid \\gset\n");
        sb.append(
            "INSERT INTO ledger_entries (seller_id, entry_id, order_number, order_unit_id, kind,"
                + " amount, currency, bearer, reason, ticket_number, author_role, created_at)"
                + " VALUES (:s, :eid, :o, :ou, 'refund', :a, :cur, 'seller', '"
                + Scenario.REFUND_REASON
                + "', :n, 'seller', now());\n");
        sb.append("UPDATE tickets SET ")
            .append(keep)
            .append(
                "status = status, waiting_on = waiting_on, updated_at = now(), open_since ="
                    + " open_since, response_due_at = response_due_at, first_response_at ="
                    + " first_response_at, first_response_due_at = first_response_due_at,"
                    + " first_response_working_micros = first_response_working_micros, version ="
                    + " version + 1 WHERE seller_id = :s AND ticket_number = :n;\n");
        sb.append("SELECT nextval('message_id_seq') AS mid \\gset\n");
        sb.append(
            "INSERT INTO messages (seller_id, message_id, ticket_number, author_role, text,"
                + " internal, created_at, discount_amount, discount_currency) VALUES (:s, :mid,"
                + " :n, 'system', '"
                + REFUND_MESSAGE
                + "', false, now(), NULL, NULL);\n");
        sb.append(
                "INSERT INTO idempotency_keys (seller_id, caller, idem_key, fingerprint, result,"
                    + " created_at) VALUES (:s, 'seller:' || :s::text, ")
            .append(key)
            .append(", '")
            .append("f".repeat(64))
            .append("', :eid::text, now());\n");
        event(sb, "order_unit.refunded", REFUND_EVENT);
        event(sb, "ticket.message_created", MESSAGE_EVENT);
        sb.append("COMMIT;\n");
      }
    }
    return sb.toString();
  }

  /**
   * One event in the request's transaction (the outbox, issue 14), as {@code JdbiOutbox.insert}
   * writes it: the ticket's next sequence number taken in the insert, the data encoded at the
   * server's length (the feed's placement is background work, not the request's).
   */
  static void event(StringBuilder sb, String type, String data) {
    sb.append(
            "INSERT INTO events (seller_id, event_no, event_id, ticket_number, sequence,"
                + " order_number, event_type, occurred_at, internal, data, once_key) VALUES (:s,"
                + " nextval('event_no_seq'), 'evt_' || md5(random()::text), :n, (SELECT"
                + " COALESCE(MAX(sequence), 0) + 1 FROM events WHERE seller_id = :s AND"
                + " ticket_number = :n), :o, '")
        .append(type)
        .append("', now(), false, '")
        .append(data)
        .append("', NULL) RETURNING sequence;\n");
  }

  /** Event data as long as the server's (EventData's encoding; the numbers vary). */
  static final String MESSAGE_EVENT =
      "ticketNumber=s00100920526&orderNumber=s7XW1T33&url=s%2Fapi%2Fv1%2Ftickets%2F00100920526"
          + "%2Fmessages&messageId=n4811092&authorRole=sseller&internal=bfalse";

  static final String STATUS_EVENT =
      "ticketNumber=s00100430755&orderNumber=sTB46AEQ&url=s%2Fapi%2Fv1%2Ftickets%2F00100430755"
          + "&status=swaiting&previousStatus=sopen&waitingOn=sbuyer";

  static final String REFUND_EVENT =
      "ticketNumber=s00100279834&orderNumber=sB62OQSE&url=s%2Fapi%2Fv1%2Ftickets%2F00100279834"
          + "%2Forder&orderUnitId=n100372271&amount=n1&currency=sEUR&bearer=sseller&reason="
          + "sother_refund";

  /**
   * The page's return-policy queries, each with one array of keys as the server binds them (a list
   * of single parameters gets a different generic plan); {@code :np}/{@code :na} say whether it has
   * any.
   */
  static void policy(StringBuilder sb) {
    sb.append("\\if :np\n");
    sb.append(POLICY_ORDER_UNITS_SQL).append('\n');
    sb.append(POLICY_ORDERS_SQL).append('\n');
    sb.append("\\endif\n");
    sb.append("\\if :na\n");
    sb.append(POLICY_OUTCOMES_SQL).append('\n');
    sb.append("\\endif\n");
    sb.append("\\if :nl\n");
    sb.append(POLICY_LEDGER_SQL).append('\n');
    sb.append("\\endif\n");
  }
}
