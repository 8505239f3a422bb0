-- Schema 7: every version of a workshop record carries its causal context,
-- the changes it had seen, so that a merge decides by what each change had
-- seen and not by whose wall clock ran ahead (see storage/causal.go).
--
-- context is a JSON object from device id to the stamp (Unix nanoseconds of
-- the hybrid logical clock) of that device's latest change the version had
-- seen, its own change included. A row stored before this schema gets the
-- empty context '': it is read as having seen only its own change (its
-- device and updated_at), which is all that is known of it.
--
-- A tombstone also keeps deleted_by, in the same form: the deletes of the
-- record that no restore had seen yet. The record is deleted while one is
-- left, so a delete made without seeing an edit wins over it, and only a
-- restore that had seen a delete undoes it. '' on a tombstone is its own
-- change (device, updated_at).
--
-- An erasure record gets the context of the laptop that made it (what it
-- had seen of the workshop when it erased) and the keyed hashes of the
-- values it erased (never the values), so that a version made without
-- seeing the erasure that still carries an erased value loses it too.
-- Erasures stored before this schema keep '' in both and are applied by
-- their stamp, as they always were. The row checksums cover the new columns
-- (refreshRowSums runs after this file).

ALTER TABLE workshops ADD COLUMN context TEXT NOT NULL DEFAULT '';
ALTER TABLE teams ADD COLUMN context TEXT NOT NULL DEFAULT '';
ALTER TABLE teams ADD COLUMN deleted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN context TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN deleted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE paths ADD COLUMN context TEXT NOT NULL DEFAULT '';
ALTER TABLE paths ADD COLUMN deleted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE plays ADD COLUMN context TEXT NOT NULL DEFAULT '';
ALTER TABLE plays ADD COLUMN deleted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE ratings ADD COLUMN context TEXT NOT NULL DEFAULT '';
ALTER TABLE ratings ADD COLUMN deleted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE notes ADD COLUMN context TEXT NOT NULL DEFAULT '';
ALTER TABLE notes ADD COLUMN deleted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE erasures ADD COLUMN context TEXT NOT NULL DEFAULT '';
ALTER TABLE erasures ADD COLUMN hashes TEXT NOT NULL DEFAULT '';
