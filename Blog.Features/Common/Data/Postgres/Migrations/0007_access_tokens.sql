-- The schema of SQLite's 0007 in PostgreSQL's types; the same indexes.
CREATE TABLE access_tokens (
    id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT        NOT NULL,
    scopes       TEXT        NOT NULL,
    secret_hash  BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ
);

CREATE UNIQUE INDEX ux_access_tokens_secret_hash ON access_tokens (secret_hash);

CREATE UNIQUE INDEX ux_access_tokens_user_id_name ON access_tokens (user_id, name);
