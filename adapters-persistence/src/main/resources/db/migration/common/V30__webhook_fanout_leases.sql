-- Ranges of the event feed, (after_position, up_to_position], leased to the instance that fanned
-- them out (issue 14): it attempts their deliveries to active endpoints before any row is stored
-- for them, then writes each delivery once, with its first attempt, and deletes the lease in the
-- same transaction. A lease that runs out (a killed instance) is taken over by another instance,
-- which fans the range out again. A handful of rows at any time: no index beyond the key.
CREATE TABLE webhook_fanout_leases (
  lease_token    VARCHAR(36)              NOT NULL,
  after_position BIGINT                   NOT NULL,
  up_to_position BIGINT                   NOT NULL,
  lease_until    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT webhook_fanout_leases_pk PRIMARY KEY (lease_token)
);
