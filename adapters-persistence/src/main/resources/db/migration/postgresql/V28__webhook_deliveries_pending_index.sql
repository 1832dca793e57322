-- The claims read the pending deliveries by due time (JdbiWebhookDeliveries.DUE: status = 'pending'
-- AND next_attempt_at <= now ORDER BY next_attempt_at, delivery_id). webhook_deliveries_due_idx
-- (status, next_attempt_at, delivery_id) held every delivery: each completion (pending ->
-- delivered) added an entry to it, and it grew with the delivered rows kept for the owner's
-- history (508 pages after 460,000 deliveries in a benchmark run, against a handful pending at any
-- time). This index holds only the pending ones: a delivery enters it when stored and leaves it
-- when delivered or failed, so a completion writes two index entries instead of three and a claim
-- reads a few pages.
CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (next_attempt_at, delivery_id)
  WHERE status = 'pending';
DROP INDEX webhook_deliveries_due_idx;
