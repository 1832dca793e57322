-- A seller_address option may give the address to send the item to (instead of the seller's on
-- file); it is kept with the option as offered.
ALTER TABLE message_return_options ADD COLUMN address_name VARCHAR(200);
ALTER TABLE message_return_options ADD COLUMN address_street VARCHAR(200);
ALTER TABLE message_return_options ADD COLUMN address_postal_code VARCHAR(20);
ALTER TABLE message_return_options ADD COLUMN address_city VARCHAR(100);
ALTER TABLE message_return_options ADD COLUMN address_country CHAR(2);
