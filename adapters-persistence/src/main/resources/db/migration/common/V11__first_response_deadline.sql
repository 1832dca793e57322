-- The first-response deadline is now set when a ticket first becomes open for the seller (not when
-- the seller answers), and the response-time KPI reads tickets by the week their first deadline
-- fell in, answered or not: an unanswered ticket past its first deadline counts as late.
UPDATE tickets SET first_response_due_at = response_due_at
  WHERE first_response_at IS NULL AND status = 'open' AND first_response_due_at IS NULL;

CREATE INDEX tickets_first_due_idx ON tickets (seller_id, storefront, first_response_due_at);
CREATE INDEX tickets_first_due_all_idx ON tickets (storefront, first_response_due_at);
DROP INDEX tickets_first_response_idx;
DROP INDEX tickets_first_response_all_idx;
