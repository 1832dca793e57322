-- The background scans (deadline alerts, missed return-option answers) read only the open
-- tickets whose deadline is near or past, in deadline order (JdbiTickets.openTicketsDue), instead
-- of walking every open ticket each poll. Partial like the inbox index: open tickets only.
CREATE INDEX tickets_open_due_idx ON tickets (response_due_at, ticket_number) WHERE status = 'open';
