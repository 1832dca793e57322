-- The sequencer reads the committed events not yet in the feed, oldest first (JdbiOutbox.UNPLACED:
-- position IS NULL ORDER BY event_no). events_unplaced_idx (position, event_no) holds every event,
-- so once a backlog of unplaced events built up (a burst of writes, a stopped worker) and ANALYZE
-- saw it, the planner read the whole table instead: a parallel sequential scan of 1.6 M events,
-- 0.6-0.9 s per batch of 1,000, slower than the events came in, so the backlog never drained
-- (docs/benchmarks.md, "The sequencer's backlog"). This index holds only the unplaced events: a
-- placed event leaves it, and a batch is read in index order however long the backlog.
CREATE INDEX events_to_place_idx ON events (event_no) WHERE position IS NULL;
