-- The return option a text module attaches when it is sent: its type (never label_url: a label
-- URL belongs to one ticket) and, for prepaid_label, the carrier that makes the label (null on a
-- plugin default: the configured default carrier makes it). Both null: the module offers nothing.
ALTER TABLE text_modules ADD COLUMN return_option_type VARCHAR(32);
ALTER TABLE text_modules ADD COLUMN return_option_carrier VARCHAR(64);
ALTER TABLE text_modules ADD CONSTRAINT text_modules_return_option_ck
  CHECK (return_option_carrier IS NULL OR return_option_type = 'prepaid_label');
