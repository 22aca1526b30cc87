-- What several instances must agree on: the Data Protection key ring that protects cookies, and the rate-limit
-- windows per client address.
CREATE TABLE data_protection_keys (
    name TEXT PRIMARY KEY,
    xml  TEXT NOT NULL
);

CREATE TABLE rate_limit_windows (
    partition_key TEXT        PRIMARY KEY,
    requests      INTEGER     NOT NULL,
    ends_at       TEXT        NOT NULL
);

CREATE INDEX ix_rate_limit_windows_ends_at ON rate_limit_windows (ends_at);
