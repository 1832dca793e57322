-- Webhook endpoints and the deliveries of events to them (issue 14). Endpoints belong to a seller
-- (owner_seller_id) or to the marketplace (NULL) and receive one seller's events (seller_id) or,
-- for the marketplace, every seller's (NULL): they are looked up by id across sellers, like the
-- marketplace-wide tables. The signing keys are stored as they are needed for HMAC (base64).
CREATE SEQUENCE webhook_endpoint_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE webhook_endpoints (
  endpoint_id        BIGINT                   NOT NULL,
  owner_seller_id    BIGINT,
  seller_id          BIGINT,
  url                VARCHAR(2000)            NOT NULL,
  event_types        VARCHAR(1000)            NOT NULL,
  status             VARCHAR(16)              NOT NULL,
  disabled_reason    VARCHAR(1000),
  signing_key        VARCHAR(100)             NOT NULL,
  previous_key       VARCHAR(100),
  previous_key_until TIMESTAMP WITH TIME ZONE,
  failing_since      TIMESTAMP WITH TIME ZONE,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT webhook_endpoints_pk PRIMARY KEY (endpoint_id)
);
CREATE INDEX webhook_endpoints_owner_idx ON webhook_endpoints (owner_seller_id, endpoint_id);

CREATE SEQUENCE webhook_delivery_id_seq START WITH 1 INCREMENT BY 1;

-- One event on its way to one endpoint; lease_token/lease_until: the worker attempting it now.
CREATE TABLE webhook_deliveries (
  delivery_id      BIGINT                   NOT NULL,
  endpoint_id      BIGINT                   NOT NULL,
  event_id         VARCHAR(36)              NOT NULL,
  seller_id        BIGINT                   NOT NULL,
  ticket_number    VARCHAR(11)              NOT NULL,
  sequence         BIGINT                   NOT NULL,
  status           VARCHAR(16)              NOT NULL,
  attempts         INTEGER                  NOT NULL,
  next_attempt_at  TIMESTAMP WITH TIME ZONE,
  last_attempt_at  TIMESTAMP WITH TIME ZONE,
  last_status_code INTEGER,
  last_error       VARCHAR(500),
  last_duration_ms BIGINT,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  lease_token      VARCHAR(36),
  lease_until      TIMESTAMP WITH TIME ZONE,
  CONSTRAINT webhook_deliveries_pk PRIMARY KEY (delivery_id),
  CONSTRAINT webhook_deliveries_endpoint_fk FOREIGN KEY (endpoint_id)
    REFERENCES webhook_endpoints (endpoint_id) ON DELETE CASCADE
);
-- Due deliveries, oldest first; an endpoint's recent deliveries.
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (status, next_attempt_at, delivery_id);
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, delivery_id);

-- The feed position up to which events were fanned out to deliveries: one row, locked (SKIP
-- LOCKED) by the instance fanning out.
CREATE TABLE webhook_fanout (
  fanout_id     INTEGER NOT NULL,
  last_position BIGINT  NOT NULL,
  CONSTRAINT webhook_fanout_pk PRIMARY KEY (fanout_id)
);
INSERT INTO webhook_fanout (fanout_id, last_position) VALUES (1, 0);
