-- H2 has no partial indexes: the sequencer reads the unplaced events through events_unplaced_idx
-- (position, event_no), as before. Kept so both databases share one migration history.
SELECT 1;
