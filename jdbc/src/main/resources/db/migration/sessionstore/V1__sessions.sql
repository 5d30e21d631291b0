-- sessionstore relational layout, version 1. See docs/jdbc-schema.md.

-- One row per live (or not yet swept) session. The surrogate key pk stays fixed when rotation
-- replaces session_id, so child rows never move.
CREATE SEQUENCE ss_session_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE ss_session (
    pk                  bigint      PRIMARY KEY,
    session_id          varchar(24) NOT NULL,
    user_id             text,
    created_at          timestamptz NOT NULL,
    last_accessed_at    timestamptz NOT NULL,
    idle_timeout_ms     bigint      NOT NULL CHECK (idle_timeout_ms > 0),
    absolute_expires_at timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    version             bigint      NOT NULL CHECK (version >= 1),
    CONSTRAINT ss_session_id_unique UNIQUE (session_id),
    CONSTRAINT ss_session_expiry_exact
        CHECK (expires_at = LEAST(last_accessed_at + idle_timeout_ms * interval '1 millisecond', absolute_expires_at))
);

-- The sweep: DELETE ... WHERE expires_at <= now.
CREATE INDEX ss_session_expires_at ON ss_session (expires_at);

-- A user's sessions, oldest first; only sessions with a user.
CREATE INDEX ss_session_user ON ss_session (user_id, created_at, session_id) WHERE user_id IS NOT NULL;

-- Attributes: one row per attribute, the value its compact JSON text kept byte for byte.
CREATE TABLE ss_attribute (
    session_pk bigint NOT NULL REFERENCES ss_session (pk) ON DELETE CASCADE,
    name       text   NOT NULL,
    json       text   NOT NULL,
    PRIMARY KEY (session_pk, name)
);

-- Index values given at creation: one row per index name.
CREATE TABLE ss_index_value (
    session_pk bigint NOT NULL REFERENCES ss_session (pk) ON DELETE CASCADE,
    name       text   NOT NULL,
    value      text   NOT NULL,
    PRIMARY KEY (session_pk, name)
);

CREATE INDEX ss_index_value_lookup ON ss_index_value (name, value);
