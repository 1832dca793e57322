-- A seller's tickets newest first without a status or topic filter (the default list, and a
-- period filter alone): without this index a big seller's page is a sort of all its tickets.
CREATE INDEX tickets_seller_created_idx ON tickets (seller_id, created_at DESC, ticket_number DESC);
