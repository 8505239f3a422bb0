-- Schema 3: workshops and what is recorded in them.
-- Every id is a UUID the app makes before the write, so a retried save and
-- a second import of the same file find the row they made. Times are
-- timeText (UTC, fixed width: text order is time order). Deletes are
-- tombstones (deleted_at); a record's updated_at is the time of its last
-- edit or deletion, which decides which version wins when files from
-- several laptops are merged. device_id is the device that made the last
-- change. Real names of participants live apart in participant_names, so
-- nothing else ever reads them by accident and erasure is one DELETE.

CREATE TABLE workshops (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    client        TEXT NOT NULL DEFAULT '',
    sector        TEXT NOT NULL DEFAULT '',
    date          TEXT NOT NULL,                -- YYYY-MM-DD
    place         TEXT NOT NULL DEFAULT '',
    facilitator   TEXT NOT NULL DEFAULT '',
    purpose       TEXT NOT NULL DEFAULT '',
    retention     TEXT NOT NULL DEFAULT '',     -- YYYY-MM-DD, '' when none
    language      TEXT NOT NULL,
    notes         TEXT NOT NULL DEFAULT '',
    deck_id       TEXT NOT NULL,                -- no foreign key: the deck may be deleted later
    deck_edition  INTEGER NOT NULL,
    deck_snapshot TEXT NOT NULL,                -- JSON: the *cards.Deck as played; never changed
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    device_id     TEXT NOT NULL,
    deleted_at    TEXT
) STRICT;

CREATE INDEX workshops_by_date ON workshops (date DESC) WHERE deleted_at IS NULL;

CREATE TABLE teams (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (id),
    name        TEXT NOT NULL,
    note_taker  TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX teams_by_workshop ON teams (workshop_id, position);

CREATE TABLE participants (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (id),
    team_id     TEXT REFERENCES teams (id),     -- NULL: not at a table
    pseudonym   TEXT NOT NULL,
    role        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX participants_by_workshop ON participants (workshop_id);

-- Optional real names, one row per participant that has one. Erasing a
-- name deletes its row for real (no tombstone: the point is to forget it).
CREATE TABLE participant_names (
    participant_id TEXT PRIMARY KEY REFERENCES participants (id),
    real_name      TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE TABLE paths (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (id),
    team_id     TEXT NOT NULL REFERENCES teams (id),
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX paths_by_workshop ON paths (workshop_id);

CREATE TABLE plays (
    id           TEXT PRIMARY KEY,
    workshop_id  TEXT NOT NULL REFERENCES workshops (id),
    team_id      TEXT NOT NULL REFERENCES teams (id),
    code         TEXT NOT NULL,                 -- a card code of the workshop's deck snapshot
    text         TEXT NOT NULL DEFAULT '',      -- a blank card's own routine
    area         TEXT NOT NULL,
    path_id      TEXT REFERENCES paths (id),
    position     INTEGER NOT NULL DEFAULT 0,
    role         TEXT NOT NULL DEFAULT '',      -- code of a customer-role card
    interactions TEXT NOT NULL DEFAULT '[]',    -- JSON array of interaction card codes
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    device_id    TEXT NOT NULL,
    deleted_at   TEXT
) STRICT;

CREATE INDEX plays_by_workshop ON plays (workshop_id, team_id);

-- Ratings are immutable: a new rating replaces an older one by being newer
-- (see game.Current). Only deleted_at ever changes.
CREATE TABLE ratings (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (id),
    play_id     TEXT NOT NULL REFERENCES plays (id),
    criterion   TEXT NOT NULL,
    value       INTEGER NOT NULL,
    rater       TEXT NOT NULL,                  -- 'team' or a participant's id
    created_at  TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX ratings_by_workshop ON ratings (workshop_id);
CREATE INDEX ratings_by_play ON ratings (play_id);

CREATE TABLE notes (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (id),
    team_id     TEXT REFERENCES teams (id),
    play_id     TEXT REFERENCES plays (id),
    kind        TEXT NOT NULL,
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL,                  -- game.Note.At: when it was first saved
    updated_at  TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX notes_by_workshop ON notes (workshop_id);
CREATE INDEX notes_by_play ON notes (play_id) WHERE play_id IS NOT NULL;
