-- Refunds and cancellations: an append-only ledger per order unit, and the idempotency keys of the
-- requests that wrote it. order_units.refunded_amount is the running total that one conditional
-- UPDATE checks and raises, so concurrent refunds can never exceed the unit's price.
ALTER TABLE order_units ADD COLUMN refunded_amount BIGINT NOT NULL DEFAULT 0;

CREATE SEQUENCE ledger_entry_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE ledger_entries (
  seller_id     BIGINT                   NOT NULL,
  entry_id      BIGINT                   NOT NULL,
  order_number  VARCHAR(32)              NOT NULL,
  order_unit_id BIGINT                   NOT NULL,
  kind          VARCHAR(16)              NOT NULL,
  amount        BIGINT                   NOT NULL,
  currency      CHAR(3)                  NOT NULL,
  bearer        VARCHAR(16)              NOT NULL,
  reason        VARCHAR(64)              NOT NULL,
  ticket_number VARCHAR(11)              NOT NULL,
  author_role   VARCHAR(32)              NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT ledger_entries_pk PRIMARY KEY (seller_id, entry_id),
  CONSTRAINT ledger_entries_amount_ck CHECK (amount >= 0),
  CONSTRAINT ledger_entries_unit_fk FOREIGN KEY (seller_id, order_unit_id)
    REFERENCES order_units (seller_id, order_unit_id),
  CONSTRAINT ledger_entries_ticket_fk FOREIGN KEY (seller_id, ticket_number)
    REFERENCES tickets (seller_id, ticket_number)
);
CREATE INDEX ledger_entries_order_idx ON ledger_entries (seller_id, order_number, entry_id);

CREATE TABLE idempotency_keys (
  seller_id   BIGINT                   NOT NULL,
  idem_key    VARCHAR(200)             NOT NULL,
  fingerprint VARCHAR(64)              NOT NULL,
  entry_id    BIGINT                   NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT idempotency_keys_pk PRIMARY KEY (seller_id, idem_key),
  CONSTRAINT idempotency_keys_entry_fk FOREIGN KEY (seller_id, entry_id)
    REFERENCES ledger_entries (seller_id, entry_id)
);
-- Purging keys past their retention reads by age across sellers.
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
