-- The "due" inbox lists open tickets only: a partial index keeps it small.
CREATE INDEX tickets_inbox_due_idx
  ON tickets (seller_id, status, response_due_at, ticket_number)
  WHERE status = 'open';

-- Tickets are updated often; leave room on each page for HOT updates.
ALTER TABLE tickets SET (fillfactor = 85);
