-- Schema 2: print history. One row per file written for printing: what was
-- printed (kind, and which cards), from which edition of which deck, with
-- which settings, to which file, and when. Rows are immutable records keyed
-- by an id the app makes, so a merge is a set union.

CREATE TABLE print_jobs (
    id         TEXT PRIMARY KEY,
    deck_id    TEXT NOT NULL REFERENCES decks (id),
    edition    INTEGER NOT NULL,               -- the deck's edition when printed
    kind       TEXT NOT NULL,                  -- cards, backs, board, sheets, guide, calibration, kit, ...
    settings   TEXT NOT NULL,                  -- JSON object: setting -> value
    file       TEXT NOT NULL,                  -- absolute path of the file written
    codes      TEXT NOT NULL DEFAULT '[]',     -- JSON array of the card codes printed; empty: all
    created_at TEXT NOT NULL,
    device_id  TEXT NOT NULL
) STRICT;

CREATE INDEX print_jobs_by_deck ON print_jobs (deck_id, created_at);
