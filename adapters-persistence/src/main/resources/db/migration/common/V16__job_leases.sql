-- Leases on cluster-wide background work (port Leases, docs/operations.md "Several instances"):
-- one row per kind of work, taken by one node at a time until held_until; every acquisition
-- increments token, so a node that lost its lease can no longer extend it (fencing). progress is
-- what the holder has done so far (e.g. the calendar fingerprint and the last ticket recomputed),
-- from which the next holder continues. A reference table for Citus (no seller_id).
CREATE TABLE job_leases (
    lease_name VARCHAR(100) PRIMARY KEY,
    holder     VARCHAR(100) NOT NULL,
    token      BIGINT NOT NULL,
    held_until TIMESTAMP WITH TIME ZONE NOT NULL,
    progress   VARCHAR(2000) NOT NULL
);
