-- The transactional outbox (issue 14): every event is written in the transaction of the change
-- that makes it. event_no gives the order of appending, sequence the ticket's gap-free numbering,
-- position the order of the event feed (NULL until the sequencer places the committed event).
-- Keyed by seller_id first (Citus distribution column).
CREATE SEQUENCE event_no_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE events (
  seller_id     BIGINT                   NOT NULL,
  event_no      BIGINT                   NOT NULL,
  event_id      VARCHAR(36)              NOT NULL,
  ticket_number VARCHAR(11)              NOT NULL,
  sequence      BIGINT                   NOT NULL,
  order_number  VARCHAR(32)              NOT NULL,
  event_type    VARCHAR(40)              NOT NULL,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  internal      BOOLEAN                  NOT NULL,
  data          VARCHAR(4000)            NOT NULL,
  position      BIGINT,
  CONSTRAINT events_pk PRIMARY KEY (seller_id, event_no),
  CONSTRAINT events_ticket_sequence_uq UNIQUE (seller_id, ticket_number, sequence),
  CONSTRAINT events_event_id_uq UNIQUE (seller_id, event_id)
);
-- The feed of one seller in position order (the feed of all sellers: events_unplaced_idx).
CREATE INDEX events_seller_position_idx ON events (seller_id, position);
-- An event by id across sellers (redelivery, the deliveries of an endpoint).
CREATE INDEX events_event_id_idx ON events (event_id);
-- The feed of all sellers in position order, and committed events not yet in the feed (NULL
-- positions) oldest first; the retention purge by time.
CREATE INDEX events_unplaced_idx ON events (position, event_no);
CREATE INDEX events_occurred_idx ON events (occurred_at);

-- The sequencer's last feed position: one row, locked (SKIP LOCKED) while it places events.
CREATE TABLE event_feed (
  feed_id       INTEGER NOT NULL,
  last_position BIGINT  NOT NULL,
  CONSTRAINT event_feed_pk PRIMARY KEY (feed_id)
);
INSERT INTO event_feed (feed_id, last_position) VALUES (1, 0);
