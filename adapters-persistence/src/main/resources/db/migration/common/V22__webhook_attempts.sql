-- Every attempt of a webhook delivery (issue 14): the owner reads the status code, error and
-- duration of each attempt, not only the last (webhook_deliveries keeps the last). Written in the
-- transaction that stores the attempt's result; deleted with its delivery (and so its endpoint).
CREATE TABLE webhook_attempts (
  delivery_id  BIGINT                   NOT NULL,
  attempt      INTEGER                  NOT NULL,
  endpoint_id  BIGINT                   NOT NULL,
  event_id     VARCHAR(36)              NOT NULL,
  attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  status_code  INTEGER,
  error        VARCHAR(500),
  duration_ms  BIGINT                   NOT NULL,
  outcome      VARCHAR(16)              NOT NULL,
  CONSTRAINT webhook_attempts_pk PRIMARY KEY (delivery_id, attempt),
  CONSTRAINT webhook_attempts_delivery_fk FOREIGN KEY (delivery_id)
    REFERENCES webhook_deliveries (delivery_id) ON DELETE CASCADE
);
-- An endpoint's most recent attempts.
CREATE INDEX webhook_attempts_endpoint_idx
  ON webhook_attempts (endpoint_id, attempted_at, delivery_id, attempt);
