-- As SQLite's 0002: attempts are reserved before the hash runs, and rows expire.
DROP TABLE login_failures;

CREATE TABLE login_failures (
    identifier   TEXT        PRIMARY KEY,
    attempts     INTEGER     NOT NULL,
    locked_until TIMESTAMPTZ,
    expires_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX ix_login_failures_expires_at ON login_failures (expires_at);
