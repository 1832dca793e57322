-- The seller's first response keeps the deadline that was running then and the working time it
-- took, so the response-time KPI never has to recompute history.
ALTER TABLE tickets ADD COLUMN first_response_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE tickets ADD COLUMN first_response_working_micros BIGINT;

-- The KPI for one seller and one week reads first responses by time, per storefront.
CREATE INDEX tickets_first_response_idx
  ON tickets (seller_id, storefront, first_response_at);
-- The marketplace-wide KPI (no seller) reads by storefront and time.
CREATE INDEX tickets_first_response_all_idx ON tickets (storefront, first_response_at);

-- Small named values remembered between runs (e.g. the holiday calendar the deadlines use).
CREATE TABLE system_state (
  state_key   VARCHAR(100)             NOT NULL,
  state_value VARCHAR(4000)            NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT system_state_pk PRIMARY KEY (state_key)
);
