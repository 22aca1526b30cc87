-- Portable to PostgreSQL apart from INTEGER PRIMARY KEY (there: BIGINT GENERATED ALWAYS AS IDENTITY)
-- and BLOB (there: BYTEA). Timestamps are UTC.

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    username            TEXT    NOT NULL,
    username_normalized TEXT    NOT NULL UNIQUE,
    email               TEXT    NOT NULL,
    email_normalized    TEXT    NOT NULL UNIQUE,
    password_hash       TEXT    NOT NULL,
    active              BOOLEAN NOT NULL DEFAULT TRUE,
    created_at          TEXT    NOT NULL
);

CREATE TABLE roles (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

INSERT INTO roles (name) VALUES ('author');

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id INTEGER NOT NULL REFERENCES roles (id),
    PRIMARY KEY (user_id, role_id)
);

CREATE TABLE articles (
    id         INTEGER PRIMARY KEY,
    author_id  INTEGER NOT NULL REFERENCES users (id),
    title      TEXT    NOT NULL,
    content    TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);

-- The article list: WHERE author_id = ? AND id < ? ORDER BY id DESC.
CREATE INDEX ix_articles_author_id_id ON articles (author_id, id DESC);

-- Server-side authentication tickets; the session cookie holds only the id.
CREATE TABLE sessions (
    id                  TEXT    PRIMARY KEY,
    user_id             INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ticket              BLOB    NOT NULL,
    expires_at          TEXT    NOT NULL,
    absolute_expires_at TEXT    NOT NULL
);

CREATE INDEX ix_sessions_user_id ON sessions (user_id);
CREATE INDEX ix_sessions_expires_at ON sessions (expires_at);

-- Consecutive failed sign-ins per submitted identifier (normalized), whether or not such a user exists.
CREATE TABLE login_failures (
    identifier   TEXT    PRIMARY KEY,
    failures     INTEGER NOT NULL,
    locked_until TEXT
);
