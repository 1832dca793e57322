-- H2 has no partial indexes: events_once_key_uq (seller_id, once_key) holds every event, as
-- before. Kept so both databases share one migration history.
SELECT 1;
