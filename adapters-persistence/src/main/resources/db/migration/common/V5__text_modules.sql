-- Text modules per sales channel. Sellers' own modules carry their seller_id; the plugins'
-- read-only defaults carry seller_id 0 and a source_key (a reference set under Citus).
CREATE SEQUENCE text_module_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE text_modules (
  seller_id      BIGINT                   NOT NULL,
  text_module_id BIGINT                   NOT NULL,
  source_key     VARCHAR(200),
  storefront     VARCHAR(8)               NOT NULL,
  locale         VARCHAR(35)              NOT NULL,
  name           VARCHAR(100)             NOT NULL,
  body           TEXT                     NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  version        BIGINT                   NOT NULL,
  CONSTRAINT text_modules_pk PRIMARY KEY (seller_id, text_module_id),
  CONSTRAINT text_modules_name_uq UNIQUE (seller_id, storefront, name),
  CONSTRAINT text_modules_source_uq UNIQUE (seller_id, source_key)
);
CREATE INDEX text_modules_id_idx ON text_modules (text_module_id);
