-- The seller's filter by topic and creation period (GET /api/v1/tickets?topic=…&createdFrom=…
-- &createdTo=…, newest first) had no index that leads with the topic: for a big seller the plan
-- read every ticket of the period (all topics, thousands of heap pages) and sorted. With this
-- index the rows of one topic come in order and the LIMIT stops after one page.
-- Portable: a plain index, the same on PostgreSQL and H2. See docs/benchmarks.md.
CREATE INDEX tickets_topic_created_idx
  ON tickets (seller_id, topic, created_at DESC, ticket_number DESC);
