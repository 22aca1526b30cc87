-- Access tokens for scripts: only the SHA-256 of the secret is stored. Revoking a token deletes its row.
CREATE TABLE access_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    scopes       TEXT    NOT NULL,
    secret_hash  BLOB    NOT NULL,
    created_at   TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL,
    last_used_at TEXT
);

-- Every bearer request looks its token up by the hash of the secret.
CREATE UNIQUE INDEX ux_access_tokens_secret_hash ON access_tokens (secret_hash);

-- A name is unique per user; the index also serves the user's list, by name.
CREATE UNIQUE INDEX ux_access_tokens_user_id_name ON access_tokens (user_id, name);
