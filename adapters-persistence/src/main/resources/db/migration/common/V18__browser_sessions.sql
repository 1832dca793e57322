-- Browser sessions of the seller workspace: the cookie's id is kept only as its SHA-256 hash, with
-- the hash of the token it was exchanged for (re-read on every request, so a session ends with its
-- token) and the CSRF secret the page sends with every write. A reference table under Citus, like
-- access_tokens: a session is looked up by its hash alone.
CREATE TABLE browser_sessions (
  session_hash VARCHAR(128)             NOT NULL,
  token_hash   VARCHAR(128)             NOT NULL,
  csrf_token   VARCHAR(128)             NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT browser_sessions_pk PRIMARY KEY (session_hash)
);

CREATE INDEX browser_sessions_expiry ON browser_sessions (expires_at);
