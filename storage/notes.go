package storage

import (
	"context"
	"database/sql"

	"deckhand/cards"
	"deckhand/game"
)

// SaveNote checks a note (game.CheckNote) and saves it: a new id adds it,
// a stored one changes it. Its team and play, when it has them, must be
// the workshop's and live. n.At is the time of its first save, n.Updated
// of this one.
func (s *Store) SaveNote(ctx context.Context, workshopID string, n *game.Note) error {
	if n.ID == "" {
		n.ID = cards.NewID()
	}
	if err := game.CheckNote(*n); err != nil {
		return err
	}
	saved := *n
	err := s.write(ctx, "save note", func(tx *sql.Tx) error {
		if err := workshopLive(ctx, tx, workshopID); err != nil {
			return err
		}
		if n.TeamID != "" {
			if _, err := liveRef(ctx, tx, "teams", "team", workshopID, n.TeamID, n.Deleted); err != nil {
				return err
			}
		}
		if n.PlayID != "" {
			if _, err := liveRef(ctx, tx, "plays", "play", workshopID, n.PlayID, n.Deleted); err != nil {
				return err
			}
		}
		old, err := priorIn(ctx, tx, "notes", "note", workshopID, n.ID)
		if err != nil {
			return err
		}
		saved.Updated = s.stamp(old)
		saved.At = saved.Updated
		if old.exists {
			var created string
			if err := tx.QueryRowContext(ctx, `SELECT created_at FROM notes WHERE id = ?`, n.ID).Scan(&created); err != nil {
				return err
			}
			if saved.At, err = parseTime(created); err != nil {
				return err
			}
		}
		return upsertNote(ctx, tx, workshopID, saved, timeText(saved.At),
			rowMeta{timeText(saved.Updated), s.device, tombstone(n.Deleted, old, saved.Updated)})
	})
	if err == nil {
		*n = saved
	}
	return err
}

// DeleteNote tombstones a note; deleting a deleted one changes nothing.
func (s *Store) DeleteNote(ctx context.Context, id string) error {
	return s.setNoteDeleted(ctx, id, true)
}

// RestoreNote undoes DeleteNote. A note about a deleted play comes back
// only with its play (RestorePlay).
func (s *Store) RestoreNote(ctx context.Context, id string) error {
	return s.setNoteDeleted(ctx, id, false)
}

func (s *Store) setNoteDeleted(ctx context.Context, id string, deleted bool) error {
	return s.write(ctx, map[bool]string{true: "delete note", false: "restore note"}[deleted], func(tx *sql.Tx) error {
		old, err := prior(ctx, tx, "notes", id)
		switch {
		case err != nil:
			return err
		case !old.exists:
			return withKind(ErrNotFound, "there is no note %s", id)
		case (old.deletedAt != "") == deleted:
			return nil
		}
		if !deleted {
			var playDeleted bool
			if err := tx.QueryRowContext(ctx, `
				SELECT COUNT(*) > 0 FROM notes n JOIN plays p ON p.id = n.play_id
				WHERE n.id = ? AND p.deleted_at IS NOT NULL`, id).Scan(&playDeleted); err != nil {
				return err
			}
			if playDeleted {
				return withKind(ErrNotFound, "the card this note is about was taken off the board; restore the card first")
			}
		}
		at := s.stamp(old)
		_, err = tx.ExecContext(ctx, `UPDATE notes SET deleted_at = ?, updated_at = ?, device_id = ? WHERE id = ?`,
			tombstone(deleted, old, at), timeText(at), s.device, id)
		return err
	})
}
