-- The euro reference rates per currency and day (units of the currency per euro, an exact
-- fraction), set by the marketplace or imported from the ECB's daily XML. Reference data, not
-- seller-owned: under Citus it is a reference table.
CREATE TABLE exchange_rates (
  currency    CHAR(3) NOT NULL,
  rate_date   DATE    NOT NULL,
  numerator   BIGINT  NOT NULL,
  denominator BIGINT  NOT NULL,
  CONSTRAINT exchange_rates_pk PRIMARY KEY (currency, rate_date),
  CONSTRAINT exchange_rates_positive CHECK (numerator > 0 AND denominator > 0)
);
