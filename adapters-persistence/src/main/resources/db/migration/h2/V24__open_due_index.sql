-- The background scans read the open tickets whose deadline is near or past in deadline order
-- (JdbiTickets.openTicketsDue). H2 has no partial indexes: the status leads.
CREATE INDEX tickets_open_due_idx ON tickets (status, response_due_at, ticket_number);
