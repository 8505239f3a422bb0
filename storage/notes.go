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
	n.ToNFC()
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
		saved.Updated, saved.Device = s.stamp(old), s.device
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
			rowMeta{timeText(saved.Updated), s.device, tombstone(n.Deleted, old, saved.Updated), s.contextAfter(old, saved.Updated), s.deletesAfter(old, n.Deleted, saved.Updated)})
	})
	if err == nil {
		*n = saved
	}
	return err
}

// DeleteNote tombstones a note; deleting a deleted one changes nothing.
func (s *Store) DeleteNote(ctx context.Context, id string) error {
	return s.setOwnDeleted(ctx, "notes", "note", id, true)
}

// RestoreNote undoes DeleteNote. A note about a deleted play comes back
// only with its play (RestorePlay).
func (s *Store) RestoreNote(ctx context.Context, id string) error {
	return s.setOwnDeleted(ctx, "notes", "note", id, false)
}
