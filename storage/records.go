package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"deckhand/cards"
	"deckhand/game"
)

// The Save functions store one record of a live workshop, each in its own
// short transaction. A record without an id gets one before the write
// (set on the struct even when the save fails), so a retried save finds
// the row it made: saving the same record twice stores it once. A record
// is saved as given, Deleted included: Deleted makes it a tombstone,
// saving it again without Deleted makes it live again. On success each
// sets the record's Updated (and what it normalised); on failure nothing
// else of the struct changes and nothing is stored. A rule of the game
// that refuses the record gives its own sentence (wrapping game.ErrRule);
// a workshop, team, path or play that is not there wraps ErrNotFound.

// SaveTeam saves a team (a table) of the workshop.
func (s *Store) SaveTeam(ctx context.Context, workshopID string, t *game.Team) error {
	if t.ID == "" {
		t.ID = cards.NewID()
	}
	t.ToNFC()
	if err := game.CheckName("team", t.Name); err != nil {
		return err
	}
	saved := *t
	err := s.write(ctx, "save team "+t.Name, func(tx *sql.Tx) error {
		if err := workshopLive(ctx, tx, workshopID); err != nil {
			return err
		}
		return s.saveTeam(ctx, tx, workshopID, &saved)
	})
	if err == nil {
		*t = saved
	}
	return err
}

func (s *Store) saveTeam(ctx context.Context, tx *sql.Tx, workshopID string, t *game.Team) error {
	old, err := priorIn(ctx, tx, "teams", "team", workshopID, t.ID)
	if err != nil {
		return err
	}
	at := s.stamp(old)
	if err := upsertTeam(ctx, tx, workshopID, *t, rowMeta{timeText(at), s.device, tombstone(t.Deleted, old, at), s.contextAfter(old, at), s.deletesAfter(old, t.Deleted, at)}); err != nil {
		return err
	}
	t.Updated, t.Device = at, s.device
	return nil
}

// SavePath saves a development path of one of the workshop's teams.
func (s *Store) SavePath(ctx context.Context, workshopID string, p *game.Path) error {
	if p.ID == "" {
		p.ID = cards.NewID()
	}
	p.ToNFC()
	if err := game.CheckName("path", p.Name); err != nil {
		return err
	}
	saved := *p
	err := s.write(ctx, "save path "+p.Name, func(tx *sql.Tx) error {
		if err := workshopLive(ctx, tx, workshopID); err != nil {
			return err
		}
		if _, err := liveRef(ctx, tx, "teams", "team", workshopID, p.TeamID, p.Deleted); err != nil {
			return err
		}
		old, err := priorIn(ctx, tx, "paths", "path", workshopID, p.ID)
		if err != nil {
			return err
		}
		saved.Updated, saved.Device = s.stamp(old), s.device
		return upsertPath(ctx, tx, workshopID, saved, rowMeta{timeText(saved.Updated), s.device, tombstone(p.Deleted, old, saved.Updated), s.contextAfter(old, saved.Updated), s.deletesAfter(old, p.Deleted, saved.Updated)})
	})
	if err == nil {
		*p = saved
	}
	return err
}

// SaveParticipant saves a participant of the workshop under a pseudonym.
// A real name is stored apart from the participant; an empty RealName
// forgets the stored one for real. Sessions never read real names: see
// RealNames.
func (s *Store) SaveParticipant(ctx context.Context, workshopID string, p *game.Participant) error {
	if p.ID == "" {
		p.ID = cards.NewID()
	}
	p.ToNFC()
	if err := game.CheckName("participant", p.Pseudonym); err != nil {
		return err
	}
	saved := *p
	saved.RealName = strings.TrimSpace(p.RealName)
	err := s.write(ctx, "save participant", func(tx *sql.Tx) error {
		if err := workshopLive(ctx, tx, workshopID); err != nil {
			return err
		}
		if p.TeamID != "" {
			if _, err := liveRef(ctx, tx, "teams", "team", workshopID, p.TeamID, p.Deleted); err != nil {
				return err
			}
		}
		old, err := priorIn(ctx, tx, "participants", "participant", workshopID, p.ID)
		if err != nil {
			return err
		}
		saved.Updated, saved.Device = s.stamp(old), s.device
		at := timeText(saved.Updated)
		if err := upsertParticipant(ctx, tx, workshopID, saved, rowMeta{at, s.device, tombstone(p.Deleted, old, saved.Updated), s.contextAfter(old, saved.Updated), s.deletesAfter(old, p.Deleted, saved.Updated)}); err != nil {
			return err
		}
		return setRealName(ctx, tx, p.ID, saved.RealName, at)
	})
	if err == nil {
		*p = saved
	}
	return err
}

// SavePlay checks a play against the rules of the workshop's deck snapshot
// (game.Workshop.CheckPlay) and saves it. Its team, and its path when it
// has one, must be the workshop's and live, the path the same team's. It
// sets p.Code, Text, Role and Interactions to the checked values. Saving a
// play as deleted hides its ratings and notes, as DeletePlay does.
func (s *Store) SavePlay(ctx context.Context, workshopID string, p *game.Play) error {
	if p.ID == "" {
		p.ID = cards.NewID()
	}
	p.ToNFC()
	var saved game.Play
	err := s.write(ctx, "save play "+p.Code, func(tx *sql.Tx) error {
		w, err := s.rulesFor(ctx, tx, workshopID)
		if err != nil {
			return err
		}
		if saved, err = w.CheckPlay(*p); err != nil {
			return err
		}
		if _, err := liveRef(ctx, tx, "teams", "team", workshopID, p.TeamID, p.Deleted); err != nil {
			return err
		}
		if p.PathID != "" {
			path, err := liveRef(ctx, tx, "paths", "path", workshopID, p.PathID, p.Deleted)
			if err != nil {
				return err
			}
			if path.team != p.TeamID {
				return withKind(ErrNotFound, "the path %s is another team's; a play lies in a path of its own team", p.PathID)
			}
		}
		old, err := priorIn(ctx, tx, "plays", "play", workshopID, p.ID)
		if err != nil {
			return err
		}
		saved.Updated, saved.Device = s.stamp(old), s.device
		at := timeText(saved.Updated)
		return upsertPlay(ctx, tx, workshopID, saved, rowMeta{at, s.device, tombstone(p.Deleted, old, saved.Updated), s.contextAfter(old, saved.Updated), s.deletesAfter(old, p.Deleted, saved.Updated)})
	})
	if err == nil {
		*p = saved
	}
	return err
}

// DeletePlay takes a card off the board: the play becomes a tombstone,
// and its ratings and notes, which keep their own state, are out of sight
// with it (Session leaves them out). Deleting a deleted play changes
// nothing.
func (s *Store) DeletePlay(ctx context.Context, id string) error {
	return s.setPlayDeleted(ctx, id, true)
}

// RestorePlay undoes DeletePlay: the play is live again, and so are
// exactly the ratings and notes that were live when it was taken off.
// Restoring a live play changes nothing.
func (s *Store) RestorePlay(ctx context.Context, id string) error {
	return s.setPlayDeleted(ctx, id, false)
}

func (s *Store) setPlayDeleted(ctx context.Context, id string, deleted bool) error {
	return s.write(ctx, map[bool]string{true: "delete play", false: "restore play"}[deleted], func(tx *sql.Tx) error {
		old, err := prior(ctx, tx, "plays", id)
		switch {
		case err != nil:
			return err
		case !old.exists:
			return withKind(ErrNotFound, "there is no play %s", id)
		case (old.deletedAt != "") == deleted:
			return nil
		}
		return s.stampState(ctx, tx, "plays", id, old, deleted)
	})
}

// stampState makes a record of a table (a constant) a tombstone, or live
// again, as one stamped change of its own state: the fields stay, the
// change is stamped after the stored version old and has seen it, and a
// delete is added to the deletes no restore had seen (a restore leaves
// none).
func (s *Store) stampState(ctx context.Context, tx *sql.Tx, table, id string, old priorRow, deleted bool) error {
	at := s.stamp(old)
	_, err := tx.ExecContext(ctx, `UPDATE `+table+` SET deleted_at = ?, updated_at = ?, device_id = ?, context = ?, deleted_by = ? WHERE id = ?`,
		tombstone(deleted, old, at), timeText(at), s.device, s.contextAfter(old, at), s.deletesAfter(old, deleted, at), id)
	return err
}

// workshopLive checks that a workshop exists and is not deleted.
func workshopLive(ctx context.Context, q querier, id string) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM workshops WHERE id = ? AND deleted_at IS NULL`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return withKind(ErrNotFound, "there is no workshop with id %s; it may have been deleted", id)
	}
	return nil
}

// priorIn is prior for a save into a workshop: an id that another
// workshop's record has is refused.
func priorIn(ctx context.Context, tx *sql.Tx, table, what, workshopID, id string) (priorRow, error) {
	old, err := prior(ctx, tx, table, id)
	if err == nil && old.exists && old.workshop != workshopID {
		return priorRow{}, errOtherWorkshop(what, id)
	}
	if err == nil && !old.exists {
		old.erasures, err = erasurePoints(ctx, tx, workshopID)
	}
	if err != nil {
		return priorRow{}, fmt.Errorf("%s %s: %w", what, id, err)
	}
	return old, nil
}
