-- Idempotency keys for every write that creates something (refunds, cancellations, messages,
-- tickets). A key now belongs to one caller within one seller's data (seller:<id>, buyer:<id>,
-- customer_service, marketplace), so two callers using the same key never meet, and it remembers
-- what its write produced as text (a ledger entry id, a message id with its warnings, a ticket
-- number) instead of a ledger entry id.
ALTER TABLE idempotency_keys ADD COLUMN caller VARCHAR(64);
ALTER TABLE idempotency_keys ADD COLUMN result TEXT;

-- The keys so far were refunds and cancellations: the caller is the author of the ledger entry
-- (the seller of the entry's seller, or customer service), the result the entry's id.
UPDATE idempotency_keys k SET
  caller = (
    SELECT CASE WHEN e.author_role = 'seller'
                THEN 'seller:' || CAST(k.seller_id AS VARCHAR(20))
                ELSE e.author_role END
      FROM ledger_entries e
     WHERE e.seller_id = k.seller_id AND e.entry_id = k.entry_id),
  result = CAST(k.entry_id AS VARCHAR(20));

ALTER TABLE idempotency_keys ALTER COLUMN caller SET NOT NULL;
ALTER TABLE idempotency_keys ALTER COLUMN result SET NOT NULL;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_entry_fk;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pk;
ALTER TABLE idempotency_keys DROP COLUMN entry_id;
ALTER TABLE idempotency_keys
  ADD CONSTRAINT idempotency_keys_pk PRIMARY KEY (seller_id, caller, idem_key);
ALTER TABLE idempotency_keys
  ADD CONSTRAINT idempotency_keys_seller_fk FOREIGN KEY (seller_id) REFERENCES sellers (seller_id);
