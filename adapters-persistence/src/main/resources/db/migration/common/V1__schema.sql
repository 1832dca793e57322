-- Ticketdesk schema. Portable between PostgreSQL and H2 (MODE=PostgreSQL).
-- Designed for Citus: sellers and access_tokens are reference tables; every seller-owned table
-- carries seller_id (the distribution column), and its primary and unique keys include it.

CREATE SEQUENCE seller_id_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE ticket_number_seq START WITH 1 INCREMENT BY 1 MAXVALUE 99999999 NO CYCLE;
CREATE SEQUENCE message_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE sellers (
  seller_id          BIGINT                   NOT NULL,
  name               VARCHAR(200)             NOT NULL,
  storefronts        VARCHAR(100)             NOT NULL,
  return_name        VARCHAR(200)             NOT NULL,
  return_street      VARCHAR(200)             NOT NULL,
  return_postal_code VARCHAR(20)              NOT NULL,
  return_city        VARCHAR(100)             NOT NULL,
  return_country     CHAR(2)                  NOT NULL,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT sellers_pk PRIMARY KEY (seller_id)
);

CREATE TABLE access_tokens (
  token_hash VARCHAR(128)             NOT NULL,
  role       VARCHAR(32)              NOT NULL,
  seller_id  BIGINT,
  buyer_id   BIGINT,
  label      VARCHAR(200),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT access_tokens_pk PRIMARY KEY (token_hash)
);

CREATE TABLE orders (
  seller_id    BIGINT                   NOT NULL,
  order_number VARCHAR(32)              NOT NULL,
  storefront   VARCHAR(8)               NOT NULL,
  buyer_id     BIGINT                   NOT NULL,
  buyer_name   VARCHAR(200)             NOT NULL,
  buyer_email  VARCHAR(254)             NOT NULL,
  ordered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT orders_pk PRIMARY KEY (seller_id, order_number),
  CONSTRAINT orders_seller_fk FOREIGN KEY (seller_id) REFERENCES sellers (seller_id)
);
CREATE INDEX orders_order_number_idx ON orders (order_number);

CREATE TABLE order_units (
  seller_id      BIGINT                   NOT NULL,
  order_unit_id  BIGINT                   NOT NULL,
  order_number   VARCHAR(32)              NOT NULL,
  pos            INTEGER                  NOT NULL,
  title          VARCHAR(500)             NOT NULL,
  ean            VARCHAR(14)              NOT NULL,
  price_amount   BIGINT                   NOT NULL,
  price_currency CHAR(3)                  NOT NULL,
  state          VARCHAR(16)              NOT NULL,
  delivered_at   TIMESTAMP WITH TIME ZONE,
  CONSTRAINT order_units_pk PRIMARY KEY (seller_id, order_unit_id),
  CONSTRAINT order_units_pos_uq UNIQUE (seller_id, order_number, pos),
  CONSTRAINT order_units_order_fk FOREIGN KEY (seller_id, order_number)
    REFERENCES orders (seller_id, order_number)
);
CREATE INDEX order_units_order_unit_id_idx ON order_units (order_unit_id);

CREATE TABLE tickets (
  seller_id         BIGINT                   NOT NULL,
  ticket_number     VARCHAR(11)              NOT NULL,
  buyer_id          BIGINT                   NOT NULL,
  storefront        VARCHAR(8)               NOT NULL,
  order_number      VARCHAR(32)              NOT NULL,
  reason            VARCHAR(64)              NOT NULL,
  topic             VARCHAR(64),
  return_intent     VARCHAR(32),
  status            VARCHAR(16)              NOT NULL,
  waiting_on        VARCHAR(32),
  closed_finally    BOOLEAN                  NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  open_since        TIMESTAMP WITH TIME ZONE,
  response_due_at   TIMESTAMP WITH TIME ZONE,
  first_response_at TIMESTAMP WITH TIME ZONE,
  version           BIGINT                   NOT NULL,
  CONSTRAINT tickets_pk PRIMARY KEY (seller_id, ticket_number),
  CONSTRAINT tickets_order_fk FOREIGN KEY (seller_id, order_number)
    REFERENCES orders (seller_id, order_number)
);
CREATE INDEX tickets_ticket_number_idx ON tickets (ticket_number);
CREATE INDEX tickets_inbox_created_idx
  ON tickets (seller_id, status, created_at DESC, ticket_number DESC);
CREATE INDEX tickets_inbox_updated_idx ON tickets (seller_id, updated_at DESC, ticket_number DESC);
CREATE INDEX tickets_order_idx ON tickets (seller_id, order_number);
CREATE INDEX tickets_buyer_idx ON tickets (buyer_id, created_at DESC);

CREATE TABLE ticket_units (
  seller_id     BIGINT      NOT NULL,
  ticket_number VARCHAR(11) NOT NULL,
  pos           INTEGER     NOT NULL,
  order_unit_id BIGINT      NOT NULL,
  CONSTRAINT ticket_units_pk PRIMARY KEY (seller_id, ticket_number, pos),
  CONSTRAINT ticket_units_ticket_fk FOREIGN KEY (seller_id, ticket_number)
    REFERENCES tickets (seller_id, ticket_number),
  CONSTRAINT ticket_units_unit_fk FOREIGN KEY (seller_id, order_unit_id)
    REFERENCES order_units (seller_id, order_unit_id)
);

CREATE TABLE messages (
  seller_id     BIGINT                   NOT NULL,
  message_id    BIGINT                   NOT NULL,
  ticket_number VARCHAR(11)              NOT NULL,
  author_role   VARCHAR(32)              NOT NULL,
  text          TEXT                     NOT NULL,
  internal      BOOLEAN                  NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT messages_pk PRIMARY KEY (seller_id, message_id),
  CONSTRAINT messages_ticket_fk FOREIGN KEY (seller_id, ticket_number)
    REFERENCES tickets (seller_id, ticket_number)
);
CREATE INDEX messages_ticket_idx ON messages (seller_id, ticket_number, message_id);
