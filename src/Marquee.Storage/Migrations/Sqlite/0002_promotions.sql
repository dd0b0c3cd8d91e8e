-- Every promotion, in order. A rollback marks the newest standing promotion as rolled back and
-- serves the one before it again, so repeated rollbacks walk back through history.
CREATE TABLE promotions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    version         TEXT NOT NULL REFERENCES models(version),
    promoted_at_ms  INTEGER NOT NULL,
    reason          TEXT NOT NULL,
    rolled_back     INTEGER NOT NULL DEFAULT 0
);
