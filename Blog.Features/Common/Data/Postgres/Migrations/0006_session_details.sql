-- As SQLite's 0006: a public id, when the session began and was last used, the User-Agent and the masked address.
-- Sessions already open get a public id and the migration's time, and no device or address.
ALTER TABLE sessions
    ADD COLUMN public_id    TEXT,
    ADD COLUMN created_at   TIMESTAMPTZ,
    ADD COLUMN last_seen_at TIMESTAMPTZ,
    ADD COLUMN user_agent   TEXT,
    ADD COLUMN ip_address   TEXT;

UPDATE sessions SET public_id = replace(gen_random_uuid()::text, '-', ''), created_at = now(), last_seen_at = now();

ALTER TABLE sessions
    ALTER COLUMN public_id SET NOT NULL,
    ALTER COLUMN created_at SET NOT NULL,
    ALTER COLUMN last_seen_at SET NOT NULL;

CREATE UNIQUE INDEX ix_sessions_public_id ON sessions (public_id);
