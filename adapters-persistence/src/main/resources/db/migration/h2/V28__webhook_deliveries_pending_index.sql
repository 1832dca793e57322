-- H2 has no partial indexes: the claims read the pending deliveries through
-- webhook_deliveries_due_idx (status, next_attempt_at, delivery_id), as before. Kept so both
-- databases share one migration history.
SELECT 1;
