-- Every promotion, in order. A rollback marks the newest standing promotion as rolled back and
-- serves the one before it again, so repeated rollbacks walk back through history.
CREATE TABLE promotions (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version         TEXT NOT NULL REFERENCES models(version),
    promoted_at_ms  BIGINT NOT NULL,
    reason          TEXT NOT NULL,
    rolled_back     INTEGER NOT NULL DEFAULT 0
);
