package storage

import (
	"context"
	"database/sql"
	"errors"

	"deckhand/cards"
	"deckhand/game"
)

// AddRating checks a rating against the workshop's deck snapshot
// (game.Workshop.CheckRating) and adds it. Its play must be live and the
// workshop's; its rater the team or a participant of the workshop. r.At is
// set to now when zero. Ratings are never changed: adding an id that is
// stored already changes nothing and sets r.At to the stored time.
func (s *Store) AddRating(ctx context.Context, workshopID string, r *game.Rating) error {
	if r.ID == "" {
		r.ID = cards.NewID()
	}
	saved := *r
	err := s.write(ctx, "save rating", func(tx *sql.Tx) error {
		w, err := s.rulesFor(ctx, tx, workshopID)
		if err != nil {
			return err
		}
		if err := w.CheckRating(*r); err != nil {
			return err
		}
		var storedPlay, created string
		err = tx.QueryRowContext(ctx, `SELECT play_id, created_at FROM ratings WHERE id = ?`, r.ID).Scan(&storedPlay, &created)
		if err == nil { // added before: a retry
			if storedPlay != r.PlayID {
				return withKind(ErrNotFound, "the rating %s is stored for another play", r.ID)
			}
			saved.At, err = parseTime(created)
			return err
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := liveRef(ctx, tx, "plays", "play", workshopID, r.PlayID, false); err != nil {
			return err
		}
		if r.Rater != game.RaterTeam {
			if _, err := liveRef(ctx, tx, "participants", "participant", workshopID, r.Rater, false); err != nil {
				return err
			}
		}
		if saved.At.IsZero() {
			saved.At = s.Now().UTC().Round(0)
		}
		saved.At = saved.At.UTC().Round(0)
		_, err = insertRating(ctx, tx, workshopID, saved, s.device, nil)
		return err
	})
	if err == nil {
		*r = saved
	}
	return err
}

// DeleteRating tombstones a rating; deleting a deleted one changes nothing.
func (s *Store) DeleteRating(ctx context.Context, id string) error {
	return s.write(ctx, "delete rating", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE ratings SET deleted_at = ?, device_id = ? WHERE id = ? AND deleted_at IS NULL`,
			s.now(), s.device, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ratingExists(ctx, tx, id)
		}
		return nil
	})
}

// RestoreRating undoes DeleteRating. A rating of a deleted play comes back
// only with its play (RestorePlay).
func (s *Store) RestoreRating(ctx context.Context, id string) error {
	return s.write(ctx, "restore rating", func(tx *sql.Tx) error {
		var playDeleted bool
		err := tx.QueryRowContext(ctx, `
			SELECT p.deleted_at IS NOT NULL FROM ratings r JOIN plays p ON p.id = r.play_id WHERE r.id = ?`, id).Scan(&playDeleted)
		if errors.Is(err, sql.ErrNoRows) {
			return withKind(ErrNotFound, "there is no rating %s", id)
		}
		if err != nil {
			return err
		}
		if playDeleted {
			return withKind(ErrNotFound, "the card this rating is for was taken off the board; restore the card first")
		}
		_, err = tx.ExecContext(ctx, `UPDATE ratings SET deleted_at = NULL, device_id = ? WHERE id = ?`, s.device, id)
		return err
	})
}

func ratingExists(ctx context.Context, tx *sql.Tx, id string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM ratings WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return withKind(ErrNotFound, "there is no rating %s", id)
	}
	return nil
}
