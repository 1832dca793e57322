-- H2 has no partial indexes: the return-option scan (JdbiTickets.openReturnRequestsDue) reads the
-- open tickets in deadline order off tickets_open_due_idx (V24) and filters them. Kept so both
-- databases share one migration history.
SELECT 1;
