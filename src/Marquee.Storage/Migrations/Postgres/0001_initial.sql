CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    token_sha256  TEXT NOT NULL UNIQUE,
    created_at_ms BIGINT NOT NULL
);

CREATE TABLE feedback (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         TEXT NOT NULL REFERENCES users(id),
    movie_id        INTEGER NOT NULL,
    action          TEXT NOT NULL,
    query           TEXT NULL,
    recommender     TEXT NULL,
    model_version   TEXT NULL,
    position        INTEGER NULL,
    idempotency_key TEXT NULL,
    undone          INTEGER NOT NULL DEFAULT 0,
    created_at_ms   BIGINT NOT NULL,
    UNIQUE (user_id, idempotency_key)
);
CREATE INDEX ix_feedback_user ON feedback (user_id, id);

CREATE TABLE watchlist (
    user_id       TEXT NOT NULL REFERENCES users(id),
    movie_id      INTEGER NOT NULL,
    added_at_ms   BIGINT NOT NULL,
    PRIMARY KEY (user_id, movie_id)
);

CREATE TABLE models (
    version         TEXT PRIMARY KEY,
    algorithm       TEXT NOT NULL,
    created_at_ms   BIGINT NOT NULL,
    manifest_json   TEXT NOT NULL,
    promoted_at_ms  BIGINT NULL,
    is_current      INTEGER NOT NULL DEFAULT 0
);
