-- Schema 5: every record keeps its own state, so that files from several
-- laptops merge to the same workshop in any order.
--
-- Ratings get the time of their last change (updated_at), as the other
-- records have: a rating is never changed, but it can be deleted and
-- restored, and the newer of two such changes must win a merge.
--
-- Until now, taking a card off the board also marked its ratings and notes
-- deleted, with the play's own deletion time. From now on they keep their
-- own state and are hidden while their play is deleted (see the session
-- queries), so those marks are taken back: a rating or note deleted at the
-- very time its play was is live by itself again, and still out of sight.

ALTER TABLE ratings ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';

UPDATE ratings SET updated_at = COALESCE(deleted_at, created_at);

UPDATE ratings SET deleted_at = NULL
WHERE deleted_at IS NOT NULL
  AND deleted_at = (SELECT p.deleted_at FROM plays p WHERE p.id = ratings.play_id);

UPDATE notes SET deleted_at = NULL
WHERE deleted_at IS NOT NULL AND play_id IS NOT NULL
  AND deleted_at = (SELECT p.deleted_at FROM plays p WHERE p.id = notes.play_id);
