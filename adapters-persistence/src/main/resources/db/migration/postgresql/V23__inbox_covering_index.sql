-- The seller's due inbox (open tickets by due time, 50 a page) as an index-only scan: the partial
-- index carries every column of tickets, so a page reads a handful of index pages instead of one
-- heap page per ticket (docs/benchmarks.md, "A cheaper inbox"). Open tickets are ~7 % of all, so
-- the index stays small (13 MB at 1,000,000 tickets). A column added to tickets later must be
-- added here too, or the inbox falls back to heap reads (PostgresInboxPlanTest fails).
-- It replaces V2's tickets_inbox_due_idx (same keys, same order: status is constant in both).
CREATE INDEX tickets_inbox_due_cover_idx
  ON tickets (seller_id, response_due_at, ticket_number)
  INCLUDE (status, buyer_id, storefront, order_number, reason, topic, return_intent, waiting_on,
           closed_finally, created_at, updated_at, open_since, first_response_at,
           first_response_due_at, first_response_working_micros, return_option_due_at, version)
  WHERE status = 'open';

DROP INDEX tickets_inbox_due_idx;

-- The order unit ids of a page, read with each ticket (ARRAY(SELECT …)), index-only too.
CREATE INDEX ticket_units_cover_idx ON ticket_units (seller_id, ticket_number, pos)
  INCLUDE (order_unit_id);
