-- Schema 10: a deck snapshot is stored once, however many workshops were
-- played with it. Most workshops share a handful of deck editions, and a
-- copy of the whole deck in every workshop row was most of the file. A
-- snapshot is named by the SHA-256 of its exact bytes, in hex
-- (deckhand_snapshot_hash, snapshotHash in Go): identical copies are one
-- row, different ones never share one. The text moves byte for byte, so a
-- workshop reads and exports the same snapshot as before.
--
-- The column is added, not the table rebuilt: rebuilding workshops would
-- need foreign keys off, which a migration's transaction cannot turn off,
-- and SQLite adds a column with a foreign key only with a NULL default.
-- The store writes a hash in every row it makes, and the foreign key
-- check (Check) names a workshop whose snapshot is missing.

-- The checksum triggers name every column, so the column cannot go while
-- they stand; refreshRowSums makes them again, of the table as it is now.
DROP TRIGGER IF EXISTS workshops_row_sum_insert;
DROP TRIGGER IF EXISTS workshops_row_sum_update;

CREATE TABLE deck_snapshots (
    hash     TEXT PRIMARY KEY,                  -- SHA-256 of snapshot, lower-case hex
    snapshot TEXT NOT NULL                      -- JSON: the *cards.Deck as played; never changed
) STRICT;

INSERT INTO deck_snapshots (hash, snapshot)
    SELECT deckhand_snapshot_hash(deck_snapshot), deck_snapshot FROM workshops WHERE true
    ON CONFLICT (hash) DO NOTHING;

ALTER TABLE workshops ADD COLUMN deck_hash TEXT REFERENCES deck_snapshots (hash);

UPDATE workshops SET deck_hash = deckhand_snapshot_hash(deck_snapshot);

ALTER TABLE workshops DROP COLUMN deck_snapshot;
