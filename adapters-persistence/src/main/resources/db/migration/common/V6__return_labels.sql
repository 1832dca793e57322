-- Return labels stored with tickets, the return options and discounts that messages offer, and the
-- outcome of each ticket's first response under the return-option policy. Every table is keyed by
-- seller_id first (Citus distribution column).
CREATE SEQUENCE return_label_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE return_labels (
  seller_id       BIGINT                   NOT NULL,
  label_id        BIGINT                   NOT NULL,
  ticket_number   VARCHAR(11)              NOT NULL,
  carrier         VARCHAR(64)              NOT NULL,
  tracking_number VARCHAR(64)              NOT NULL,
  pdf             BYTEA,
  download_url    VARCHAR(2000),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT return_labels_pk PRIMARY KEY (seller_id, label_id),
  CONSTRAINT return_labels_ticket_fk FOREIGN KEY (seller_id, ticket_number)
    REFERENCES tickets (seller_id, ticket_number),
  CONSTRAINT return_labels_content_ck CHECK ((pdf IS NULL) <> (download_url IS NULL))
);
CREATE INDEX return_labels_ticket_idx ON return_labels (seller_id, ticket_number, label_id);
-- Buyers and customer service fetch a label by id across sellers (fans out under Citus).
CREATE INDEX return_labels_id_idx ON return_labels (label_id);

ALTER TABLE messages ADD COLUMN discount_amount BIGINT;
ALTER TABLE messages ADD COLUMN discount_currency CHAR(3);

CREATE TABLE message_return_options (
  seller_id     BIGINT        NOT NULL,
  message_id    BIGINT        NOT NULL,
  option_index  INTEGER       NOT NULL,
  ticket_number VARCHAR(11)   NOT NULL,
  option_type   VARCHAR(32)   NOT NULL,
  label_id      BIGINT,
  url           VARCHAR(2000),
  order_unit_id BIGINT,
  CONSTRAINT message_return_options_pk PRIMARY KEY (seller_id, message_id, option_index),
  CONSTRAINT message_return_options_message_fk FOREIGN KEY (seller_id, message_id)
    REFERENCES messages (seller_id, message_id)
);
CREATE INDEX message_return_options_ticket_idx
  ON message_return_options (seller_id, ticket_number, message_id);

CREATE TABLE return_policy_outcomes (
  seller_id         BIGINT                   NOT NULL,
  ticket_number     VARCHAR(11)              NOT NULL,
  phase             VARCHAR(16)              NOT NULL,
  satisfied         BOOLEAN                  NOT NULL,
  decided_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  breached_at       TIMESTAMP WITH TIME ZONE,
  recovery_deadline TIMESTAMP WITH TIME ZONE,
  CONSTRAINT return_policy_outcomes_pk PRIMARY KEY (seller_id, ticket_number),
  CONSTRAINT return_policy_outcomes_ticket_fk FOREIGN KEY (seller_id, ticket_number)
    REFERENCES tickets (seller_id, ticket_number)
);
