-- A ticket the seller or customer service marked as a return request later: until the seller's
-- next message to the buyer (which must carry a valid return option), when that message is due.
ALTER TABLE tickets ADD COLUMN return_option_due_at TIMESTAMP WITH TIME ZONE;
