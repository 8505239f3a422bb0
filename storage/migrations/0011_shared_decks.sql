-- Schema 11: a deck can be shared between laptops and merged as a workshop
-- is (storage/shareddeck.go, shareddeckmerge.go), so its cards and its own
-- row carry what a merge decides by.
--
-- A card's updated_at and device_id are the stamp of the hybrid logical
-- clock (clock.go) and the device of the last change to its fields; a
-- card's context and deleted_by are a workshop record's (schema 7: what
-- the version had seen, without its own change; the deletes no restore had
-- seen yet, '' on a tombstone for its own change). A card's place in the
-- deck is merged apart from its fields, so that moving cards never undoes
-- an edit made elsewhere: placed_at and placed_by are the stamp and device
-- of the last change of position. An old row has seen only its own change
-- and was placed when it was last changed.
--
-- A deck's updated_at and device_id are now the stamp of its own fields
-- (name, description, client, languages, vocabulary) and of its deletion;
-- changed_at is the stamp of its latest change of any kind here (a card, a
-- merge, being published), which the team folder's writer asks about.
-- published says that this laptop shares the deck to the team folder; it
-- is this laptop's choice and never travels. The row checksums cover the
-- new columns (refreshRowSums runs after this file).

ALTER TABLE cards ADD COLUMN context TEXT NOT NULL DEFAULT '';
ALTER TABLE cards ADD COLUMN deleted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE cards ADD COLUMN placed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE cards ADD COLUMN placed_by TEXT NOT NULL DEFAULT '';
UPDATE cards SET placed_at = updated_at, placed_by = device_id;

ALTER TABLE decks ADD COLUMN context TEXT NOT NULL DEFAULT '';
ALTER TABLE decks ADD COLUMN deleted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE decks ADD COLUMN published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1));
ALTER TABLE decks ADD COLUMN changed_at TEXT NOT NULL DEFAULT '';
UPDATE decks SET changed_at = updated_at;

-- What the team folder's writer asks: the published decks changed since.
CREATE INDEX decks_published_changes ON decks (changed_at) WHERE published = 1;
