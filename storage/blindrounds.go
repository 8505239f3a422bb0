package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// BlindRound is a blind round not yet revealed: the participants of a
// table rate a card on their own, and until the facilitator reveals the
// round its ratings are shown only as counts. It is kept with its workshop
// until revealed, whatever happens to the screen or to its card meanwhile,
// so that nothing but revealing shows the values. It is this laptop's
// state and does not travel in the workshop file.
type BlindRound struct {
	WorkshopID string
	PlayID     string
	TeamID     string
	// Before are the ids of the play's ratings when the round began: a
	// rating counts as given in the round only when it is not one of them.
	Before []string
	// Raters are the ids of the table's participants in the order they
	// were numbered when the round began: the numbers typed in the round.
	Raters  []string
	Started time.Time // set by StartBlindRound
}

// StartBlindRound keeps a blind round on one of the workshop's plays. A
// round already on the same play is kept as it was (so a repeated call
// changes nothing); one on another play is refused with an error wrapping
// ErrInUse, since a workshop has one round at a time.
func (s *Store) StartBlindRound(ctx context.Context, r *BlindRound) error {
	before, err := json.Marshal(nonNil(r.Before))
	if err != nil {
		return fmt.Errorf("start blind round: %w", err)
	}
	raters, err := json.Marshal(nonNil(r.Raters))
	if err != nil {
		return fmt.Errorf("start blind round: %w", err)
	}
	return s.write(ctx, "start blind round", func(tx *sql.Tx) error {
		var teamOfPlay string
		err := tx.QueryRowContext(ctx, `
			SELECT p.team_id FROM plays p JOIN workshops w ON w.id = p.workshop_id
			WHERE p.id = ? AND p.workshop_id = ? AND w.deleted_at IS NULL`, r.PlayID, r.WorkshopID).Scan(&teamOfPlay)
		if errors.Is(err, sql.ErrNoRows) {
			return withKind(ErrNotFound, "there is no card %s in this workshop", r.PlayID)
		}
		if err != nil {
			return err
		}
		if teamOfPlay != r.TeamID {
			return fmt.Errorf("the card %s is played by table %s, not %s", r.PlayID, teamOfPlay, r.TeamID)
		}
		on, found, err := blindRoundIn(ctx, tx, r.WorkshopID)
		switch {
		case err != nil:
			return err
		case found && on.PlayID == r.PlayID:
			*r = on
			return nil
		case found:
			return withKind(ErrInUse, "a blind round on another card is not revealed yet; reveal it first (Ctrl+Shift+R)")
		}
		r.Started = s.Now().UTC()
		_, err = tx.ExecContext(ctx, `
			INSERT INTO blind_rounds (workshop_id, play_id, team_id, before, raters, started_at) VALUES (?, ?, ?, ?, ?, ?)`,
			r.WorkshopID, r.PlayID, r.TeamID, string(before), string(raters), timeText(r.Started))
		return err
	})
}

// BlindRoundOf is the workshop's blind round not yet revealed; found is
// false when none is on.
func (s *Store) BlindRoundOf(ctx context.Context, workshopID string) (r BlindRound, found bool, err error) {
	err = s.read(ctx, "read blind round", func(tx *sql.Tx) error {
		r, found, err = blindRoundIn(ctx, tx, workshopID)
		return err
	})
	return r, found, err
}

// BlindRounds are the blind rounds not yet revealed, by workshop id.
func (s *Store) BlindRounds(ctx context.Context) (map[string]BlindRound, error) {
	rounds := map[string]BlindRound{}
	err := s.read(ctx, "read blind rounds", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT workshop_id FROM blind_rounds`)
		if err != nil {
			return err
		}
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range ids {
			r, _, err := blindRoundIn(ctx, tx, id)
			if err != nil {
				return err
			}
			rounds[id] = r
		}
		return nil
	})
	return rounds, err
}

// EndBlindRound ends the workshop's blind round: its ratings show from
// now on. Ending when none is on changes nothing.
func (s *Store) EndBlindRound(ctx context.Context, workshopID string) error {
	return s.write(ctx, "reveal blind round", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM blind_rounds WHERE workshop_id = ?`, workshopID)
		return err
	})
}

func blindRoundIn(ctx context.Context, tx *sql.Tx, workshopID string) (BlindRound, bool, error) {
	r := BlindRound{WorkshopID: workshopID}
	var before, raters, started string
	err := tx.QueryRowContext(ctx, `SELECT play_id, team_id, before, raters, started_at FROM blind_rounds WHERE workshop_id = ?`,
		workshopID).Scan(&r.PlayID, &r.TeamID, &before, &raters, &started)
	if errors.Is(err, sql.ErrNoRows) {
		return BlindRound{}, false, nil
	}
	if err != nil {
		return BlindRound{}, false, err
	}
	if err := json.Unmarshal([]byte(before), &r.Before); err != nil {
		return BlindRound{}, false, fmt.Errorf("the blind round of workshop %s is damaged: %w", workshopID, err)
	}
	if err := json.Unmarshal([]byte(raters), &r.Raters); err != nil {
		return BlindRound{}, false, fmt.Errorf("the blind round of workshop %s is damaged: %w", workshopID, err)
	}
	if r.Started, err = parseTime(started); err != nil {
		return BlindRound{}, false, fmt.Errorf("the blind round of workshop %s is damaged: %w", workshopID, err)
	}
	return r, true, nil
}

// nonNil is a slice that encodes as [] when empty.
func nonNil(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}
