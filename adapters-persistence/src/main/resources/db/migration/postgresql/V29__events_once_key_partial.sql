-- Only the scheduler's events carry a once-key (a ticket's deadline alerts, a return-policy breach:
-- JdbiOutbox.appendOnce); every other event has NULL there, and events_once_key_uq (seller_id,
-- once_key) still held an entry for each of them, written again when the sequencer places the
-- event (that UPDATE cannot be HOT: position is indexed). The unique index now holds only the
-- events with a key: the same rule, two index entries less per event.
CREATE UNIQUE INDEX events_once_key_set_uq ON events (seller_id, once_key) WHERE once_key IS NOT NULL;
DROP INDEX events_once_key_uq;
