-- Schema 1: decks and their cards.
-- Texts that vary by language live in card_texts, one row per card and
-- language, so search and per-language export are plain SQL. A deck's
-- vocabulary (card types, themes, levels, board, criteria) is edited as a
-- whole and stored as one JSON document.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE decks (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '{}',  -- JSON object: language -> text
    client          TEXT NOT NULL DEFAULT '',
    languages       TEXT NOT NULL,               -- JSON array of language codes
    default_lang    TEXT NOT NULL,
    edition         INTEGER NOT NULL DEFAULT 1 CHECK (edition >= 1),
    printed_edition INTEGER NOT NULL DEFAULT 0,  -- the edition last printed; 0: never
    parent_id       TEXT REFERENCES decks (id),
    vocabulary      TEXT NOT NULL,               -- JSON: card types, themes, levels, board, criteria
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    device_id       TEXT NOT NULL,
    deleted_at      TEXT
) STRICT;

CREATE UNIQUE INDEX decks_live_name ON decks (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE cards (
    id         TEXT PRIMARY KEY,
    deck_id    TEXT NOT NULL REFERENCES decks (id),
    code       TEXT NOT NULL,
    type       TEXT NOT NULL,
    theme      TEXT NOT NULL DEFAULT '',
    area       TEXT NOT NULL DEFAULT '',
    level      TEXT NOT NULL DEFAULT '',
    copies     INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0),
    tags       TEXT NOT NULL DEFAULT '[]',        -- JSON array
    position   INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE UNIQUE INDEX cards_live_code ON cards (deck_id, code COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX cards_by_deck ON cards (deck_id, position);

CREATE TABLE card_texts (
    card_id TEXT NOT NULL REFERENCES cards (id),
    lang    TEXT NOT NULL,
    title   TEXT NOT NULL,
    body    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (card_id, lang)
) STRICT;
