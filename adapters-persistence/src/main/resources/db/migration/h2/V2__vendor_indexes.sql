-- H2 has no partial indexes: index the "due" inbox over all statuses.
CREATE INDEX tickets_inbox_due_idx
  ON tickets (seller_id, status, response_due_at, ticket_number);
