-- H2 has no covering (INCLUDE) indexes: the buyer names are read through the primary key.
-- Kept so both databases share one migration history.
SELECT 1;
