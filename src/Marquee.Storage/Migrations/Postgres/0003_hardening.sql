-- The standing action per movie of each user (the newest event not taken back), kept up to date with
-- every feedback write, so /recommend reads a bounded taste instead of the user's whole history.
CREATE INDEX ix_feedback_user_movie ON feedback (user_id, movie_id, id);

CREATE TABLE user_taste (
    user_id   TEXT NOT NULL,
    movie_id  INTEGER NOT NULL,
    action    TEXT NOT NULL,
    event_id  BIGINT NOT NULL,
    PRIMARY KEY (user_id, movie_id)
);
CREATE INDEX ix_user_taste_recent ON user_taste (user_id, event_id);

INSERT INTO user_taste (user_id, movie_id, action, event_id)
SELECT f.user_id, f.movie_id, f.action, f.id FROM feedback f
WHERE f.undone = 0
  AND f.id = (SELECT MAX(g.id) FROM feedback g WHERE g.user_id = f.user_id AND g.movie_id = f.movie_id AND g.undone = 0);

-- Session tokens expire (a year after they were issued, for the tokens issued before this column).
ALTER TABLE users ADD COLUMN token_expires_at_ms BIGINT NULL;
UPDATE users SET token_expires_at_ms = created_at_ms + 31536000000;
