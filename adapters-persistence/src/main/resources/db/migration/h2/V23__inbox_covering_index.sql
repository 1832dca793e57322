-- PostgreSQL's V23 makes its inbox index covering (INCLUDE, partial). H2 has neither, and reads
-- the inbox off V2's tickets_inbox_due_idx and the page's units in a second statement
-- (H2ListPlansTest); nothing changes here.
SELECT 1;
