-- What a user sees of their sessions: a public id (the cookie's key stays secret, also from the user's own list),
-- when it began and was last used (written at most once a minute), the browser's User-Agent (at most 200 characters)
-- and the client's address, masked (IPv4 /24, IPv6 /48). SQLite adds NOT NULL columns only with a constant default,
-- so the table is rebuilt; sessions already open get a public id and the migration's time, and no device or address.
CREATE TABLE sessions_with_details (
    id                  TEXT    PRIMARY KEY,
    public_id           TEXT    NOT NULL,
    user_id             INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ticket              BLOB    NOT NULL,
    expires_at          TEXT    NOT NULL,
    absolute_expires_at TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    last_seen_at        TEXT    NOT NULL,
    user_agent          TEXT,
    ip_address          TEXT
);

INSERT INTO sessions_with_details (id, public_id, user_id, ticket, expires_at, absolute_expires_at, created_at, last_seen_at)
SELECT id, lower(hex(randomblob(16))), user_id, ticket, expires_at, absolute_expires_at,
       strftime('%Y-%m-%dT%H:%M:%S.0000000Z', 'now'), strftime('%Y-%m-%dT%H:%M:%S.0000000Z', 'now')
FROM sessions;

DROP TABLE sessions;
ALTER TABLE sessions_with_details RENAME TO sessions;

CREATE UNIQUE INDEX ix_sessions_public_id ON sessions (public_id);
CREATE INDEX ix_sessions_user_id ON sessions (user_id);
CREATE INDEX ix_sessions_expires_at ON sessions (expires_at);
