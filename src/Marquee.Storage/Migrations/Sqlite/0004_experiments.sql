-- Which model served each card and which experiment arm the session was in, so online metrics can be
-- told apart per model version; the page (one /recommend answer) a card came from, for "pages with a like".
ALTER TABLE feedback ADD COLUMN experiment TEXT NULL;
ALTER TABLE feedback ADD COLUMN arm TEXT NULL;
ALTER TABLE feedback ADD COLUMN page_id TEXT NULL;
CREATE INDEX ix_feedback_model ON feedback (model_version, created_at_ms);
CREATE INDEX ix_feedback_experiment ON feedback (experiment, arm);

-- Sessions split between two model versions by a stable hash of the user id. At most one experiment
-- runs (stopped_at_ms IS NULL); stopped ones stay for the record.
CREATE TABLE experiments (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    name               TEXT NOT NULL UNIQUE,
    control_version    TEXT NOT NULL REFERENCES models(version),
    candidate_version  TEXT NOT NULL REFERENCES models(version),
    candidate_share    REAL NOT NULL,
    started_at_ms      INTEGER NOT NULL,
    stopped_at_ms      INTEGER NULL
);
