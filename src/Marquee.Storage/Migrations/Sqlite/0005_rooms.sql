-- Watch-together rooms (docs/rooms.md). A room is found by its unguessable code; members are sessions
-- with a display name; the deck is shared, in order; matches are written in the same transaction as
-- the vote that made them, so no vote and no match is ever lost to a race.
CREATE TABLE rooms (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    code             TEXT NOT NULL UNIQUE,
    host_user_id     TEXT NOT NULL REFERENCES users(id),
    query            TEXT NULL,
    settings_json    TEXT NOT NULL,
    match_rule       TEXT NOT NULL,
    status           TEXT NOT NULL,
    chosen_movie_id  INTEGER NULL,
    created_at_ms    INTEGER NOT NULL,
    closed_at_ms     INTEGER NULL
);

CREATE TABLE room_members (
    room_id       INTEGER NOT NULL REFERENCES rooms(id),
    member_no     INTEGER NOT NULL,
    user_id       TEXT NOT NULL REFERENCES users(id),
    display_name  TEXT NOT NULL,
    joined_at_ms  INTEGER NOT NULL,
    left_at_ms    INTEGER NULL,
    PRIMARY KEY (room_id, member_no),
    UNIQUE (room_id, user_id)
);

CREATE TABLE room_cards (
    room_id       INTEGER NOT NULL REFERENCES rooms(id),
    position      INTEGER NOT NULL,
    movie_id      INTEGER NOT NULL,
    reasons_json  TEXT NULL,
    added_at_ms   INTEGER NOT NULL,
    PRIMARY KEY (room_id, position),
    UNIQUE (room_id, movie_id)
);

CREATE TABLE room_votes (
    room_id       INTEGER NOT NULL REFERENCES rooms(id),
    member_no     INTEGER NOT NULL,
    movie_id      INTEGER NOT NULL,
    vote          TEXT NOT NULL,
    voted_at_ms   INTEGER NOT NULL,
    PRIMARY KEY (room_id, member_no, movie_id)
);
CREATE INDEX ix_room_votes_movie ON room_votes (room_id, movie_id);

CREATE TABLE room_matches (
    room_id       INTEGER NOT NULL REFERENCES rooms(id),
    movie_id      INTEGER NOT NULL,
    likes         INTEGER NOT NULL,
    matched_at_ms INTEGER NOT NULL,
    PRIMARY KEY (room_id, movie_id)
);
