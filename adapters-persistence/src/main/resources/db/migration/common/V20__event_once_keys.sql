-- Events that are made once per key and seller (issue 14): the deadline alerts of a ticket, one per
-- type and deadline, however many instances run the scheduler. NULL for every other event (NULLs
-- are distinct in a unique index on PostgreSQL and H2).
ALTER TABLE events ADD COLUMN once_key VARCHAR(100);
CREATE UNIQUE INDEX events_once_key_uq ON events (seller_id, once_key);
