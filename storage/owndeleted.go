package storage

import (
	"context"
	"database/sql"

	"deckhand/game"
)

// playTakenOff refuses to restore a rating or note (the records of a play
// that keep their own deleted state, see Session) while its play is off the
// board. The table names are constants, never input.
func playTakenOff(table string) error {
	if table == "notes" {
		return withKind(ErrNotFound, "the card this note is about was taken off the board; restore the card first")
	}
	return withKind(ErrNotFound, "the card this rating is for was taken off the board; restore the card first")
}

// setOwnDeleted deletes (a tombstone) or restores a rating or note, as one
// stamped change of its own state. Deleting a deleted one, or restoring a
// live one, changes nothing; one of a deleted play comes back only after
// its play (RestorePlay), since it would stay out of sight.
func (s *Store) setOwnDeleted(ctx context.Context, table, what, id string, deleted bool) error {
	action := map[bool]string{true: "delete ", false: "restore "}[deleted] + what
	return s.write(ctx, action, func(tx *sql.Tx) error {
		old, err := prior(ctx, tx, table, id)
		switch {
		case err != nil:
			return err
		case !old.exists:
			return withKind(ErrNotFound, "there is no %s %s", game.RecordWord(what), id)
		case (old.deletedAt != "") == deleted:
			return nil
		}
		if !deleted {
			var playDeleted bool
			if err := tx.QueryRowContext(ctx, `
				SELECT COUNT(*) > 0 FROM `+table+` r JOIN plays p ON p.id = r.play_id
				WHERE r.id = ? AND p.deleted_at IS NOT NULL`, id).Scan(&playDeleted); err != nil {
				return err
			}
			if playDeleted {
				return playTakenOff(table)
			}
		}
		return s.stampState(ctx, tx, table, id, old, deleted)
	})
}
