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
// set to now (the store's clock) when zero. Ratings are never changed: adding an id that is
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
		saved.Updated = s.stamp(priorRow{})
		if saved.At.IsZero() {
			saved.At = saved.Updated
		}
		saved.At, saved.Device, saved.Deleted = saved.At.UTC().Round(0), s.device, false
		_, err = insertRating(ctx, tx, workshopID, saved)
		return err
	})
	if err == nil {
		*r = saved
	}
	return err
}

// DeleteRating tombstones a rating; deleting a deleted one changes nothing.
func (s *Store) DeleteRating(ctx context.Context, id string) error {
	return s.setOwnDeleted(ctx, "ratings", "rating", id, true)
}

// RestoreRating undoes DeleteRating. A rating of a deleted play comes back
// only with its play (RestorePlay).
func (s *Store) RestoreRating(ctx context.Context, id string) error {
	return s.setOwnDeleted(ctx, "ratings", "rating", id, false)
}
