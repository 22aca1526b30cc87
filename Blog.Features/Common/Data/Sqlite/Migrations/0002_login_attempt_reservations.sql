-- Sign-in attempts are reserved in one write before the password hash runs, so that concurrent guesses cannot
-- all pass the lockout check; a row is forgotten once expires_at has passed (its lock ended, or five minutes
-- without an attempt) and the cleanup deletes it. Counts in progress are dropped: they are at most five minutes'.
DROP TABLE login_failures;

CREATE TABLE login_failures (
    identifier   TEXT    PRIMARY KEY,
    attempts     INTEGER NOT NULL,
    locked_until TEXT,
    expires_at   TEXT    NOT NULL
);

CREATE INDEX ix_login_failures_expires_at ON login_failures (expires_at);
