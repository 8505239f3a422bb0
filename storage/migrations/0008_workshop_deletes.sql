-- Schema 8: a workshop's own deletion travels in its file, as every other
-- record's does, so a workshop keeps the deletes no restore had seen yet
-- (deleted_by, in the form of schema 7's: '' on a tombstone is its own
-- change). A merge then decides whether a workshop is deleted as it does
-- for its records: a delete stays until a restore that had seen it.

ALTER TABLE workshops ADD COLUMN deleted_by TEXT NOT NULL DEFAULT '';
