-- A system message records what happened as an event — its kind and its parameters — so that each
-- reader gets it in their own language. text keeps the event's English text (for readers of the
-- database); rows written before (event_kind NULL) show their stored text as before.
ALTER TABLE messages ADD COLUMN event_kind VARCHAR(64);
-- The parameters as application/x-www-form-urlencoded name=value pairs (canonical strings).
ALTER TABLE messages ADD COLUMN event_params TEXT;
