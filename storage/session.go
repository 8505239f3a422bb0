package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"deckhand/game"
)

// Session loads a live workshop with everything recorded in it: teams,
// participants, paths, plays, ratings and notes, and its erasure records, each in a stable order
// (teams and paths by position, plays by team and position, ratings and
// notes by time, each then by id). Without includeDeleted only live records
// are read (a rating or note of a deleted play is not live); with it
// tombstones come too, and every record with its own state, marked
// Deleted, as an export needs.
// Real names are never read here (see RealNames). The lists are empty, not
// nil, when there is nothing. Format, Version and Device stay empty: see
// ExportWorkshop.
func (s *Store) Session(ctx context.Context, workshopID string, includeDeleted bool) (*game.File, error) {
	var f *game.File
	err := s.read(ctx, "load workshop", func(tx *sql.Tx) (err error) {
		f, err = s.session(ctx, tx, workshopID, includeDeleted)
		return err
	})
	if err != nil {
		return nil, err
	}
	f.Workshop.Deck = f.Workshop.Deck.Clone() // the cached snapshot is shared
	return f, nil
}

// RealNames returns the real names of the live workshop's live
// participants that have one, by participant id.
func (s *Store) RealNames(ctx context.Context, workshopID string) (map[string]string, error) {
	var names map[string]string
	err := s.read(ctx, "read real names", func(tx *sql.Tx) (err error) {
		if err := workshopLive(ctx, tx, workshopID); err != nil {
			return err
		}
		names, err = realNames(ctx, tx, workshopID)
		return err
	})
	return names, err
}

// ExportWorkshop is the workshop as a file for another laptop: Session with
// tombstones (so deletions travel), marked with the file format, version
// and this database's device id. A deleted workshop is written as its
// tombstone alone (Workshop.Deleted, see workshopdeletion.go), without its
// records. Real names of live participants are in it only when
// includeNames is set. Like a write, it waits for the check of the
// file's content: nothing leaves a file that has not passed it.
func (s *Store) ExportWorkshop(ctx context.Context, id string, includeNames bool) (*game.File, error) {
	if err := s.check.wait(ctx); err != nil {
		return nil, err
	}
	var f *game.File
	err := s.read(ctx, "export workshop", func(tx *sql.Tx) error {
		w, err := s.loadWorkshop(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if w.Deleted {
			f, err = deletionOf(ctx, tx, w)
			return err
		}
		if f, err = recordsOf(ctx, tx, w, true); err != nil {
			return err
		}
		if !includeNames {
			return nil
		}
		names, err := realNames(ctx, tx, id)
		for i, p := range f.Participants {
			if !p.Deleted {
				f.Participants[i].RealName = names[p.ID]
			}
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	f.Workshop.Deck = f.Workshop.Deck.Clone()
	f.Format, f.Version, f.Device = game.FileFormat, game.FileVersion, s.device
	return f, nil
}

// read runs fn in one transaction, so that what it reads is one consistent
// state, and rolls it back.
func (s *Store) read(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		if errors.Is(err, ErrNotFound) {
			return err
		}
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

func realNames(ctx context.Context, q querier, workshopID string) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT n.participant_id, n.real_name FROM participant_names n JOIN participants p ON p.id = n.participant_id
		WHERE p.workshop_id = ? AND p.deleted_at IS NULL`, workshopID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names := map[string]string{}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		names[id] = name
	}
	return names, rows.Err()
}

// session reads a live workshop and its records (tombstones too
// withDeleted); the deck is the shared cached snapshot.
func (s *Store) session(ctx context.Context, q querier, workshopID string, withDeleted bool) (*game.File, error) {
	w, err := s.loadWorkshop(ctx, q, workshopID, false)
	if err != nil {
		return nil, err
	}
	return recordsOf(ctx, q, w, withDeleted)
}

// recordsOf is the file of a workshop read already: it with its records
// (tombstones too withDeleted) and its erasure records.
func recordsOf(ctx context.Context, q querier, w *game.Workshop, withDeleted bool) (*game.File, error) {
	f := &game.File{Workshop: *w, Teams: []game.Team{}, Participants: []game.Participant{}, Paths: []game.Path{},
		Plays: []game.Play{}, Ratings: []game.Rating{}, Notes: []game.Note{}}
	if err := loadRecords(ctx, q, w.ID, withDeleted, f); err != nil {
		return nil, fmt.Errorf("load workshop %s: %w", w.Title, err)
	}
	var err error
	if f.Erasures, err = loadErasures(ctx, q, w.ID); err != nil {
		return nil, fmt.Errorf("load workshop %s: %w", w.Title, err)
	}
	return f, nil
}

// recordQuery is one table's part of a session: the query (with the
// workshop id as ?1 and whether to include tombstones as ?2) and how to
// read one row into the file.
type recordQuery struct {
	query string
	scan  func(rows *sql.Rows, f *game.File) error
}

var recordQueries = []recordQuery{teamsQuery, participantsQuery, pathsQuery, playsQuery, ratingsQuery, notesQuery}

var teamsQuery = recordQuery{
	`SELECT id, name, note_taker, position, updated_at, device_id, deleted_at IS NOT NULL, context, deleted_by FROM teams
	  WHERE workshop_id = ?1 AND (?2 OR deleted_at IS NULL) ORDER BY position, id`,
	func(rows *sql.Rows, f *game.File) error {
		var t game.Team
		var updated, seenText, byText string
		if err := rows.Scan(&t.ID, &t.Name, &t.NoteTaker, &t.Position, &updated, &t.Device, &t.Deleted, &seenText, &byText); err != nil {
			return err
		}
		var err error
		if t.Context, err = parseContext(seenText); err != nil {
			return err
		}
		if t.DeletedBy, err = parseContext(byText); err != nil {
			return err
		}
		f.Teams = append(f.Teams, t)
		return setTime(&f.Teams[len(f.Teams)-1].Updated, updated)
	}}

var participantsQuery = recordQuery{
	`SELECT id, COALESCE(team_id, ''), pseudonym, role, updated_at, device_id, deleted_at IS NOT NULL, context, deleted_by FROM participants
	  WHERE workshop_id = ?1 AND (?2 OR deleted_at IS NULL) ORDER BY pseudonym, id`,
	func(rows *sql.Rows, f *game.File) error {
		var p game.Participant
		var updated, seenText, byText string
		if err := rows.Scan(&p.ID, &p.TeamID, &p.Pseudonym, &p.Role, &updated, &p.Device, &p.Deleted, &seenText, &byText); err != nil {
			return err
		}
		var err error
		if p.Context, err = parseContext(seenText); err != nil {
			return err
		}
		if p.DeletedBy, err = parseContext(byText); err != nil {
			return err
		}
		f.Participants = append(f.Participants, p)
		return setTime(&f.Participants[len(f.Participants)-1].Updated, updated)
	}}

var pathsQuery = recordQuery{
	`SELECT id, team_id, name, position, updated_at, device_id, deleted_at IS NOT NULL, context, deleted_by FROM paths
	  WHERE workshop_id = ?1 AND (?2 OR deleted_at IS NULL) ORDER BY team_id, position, id`,
	func(rows *sql.Rows, f *game.File) error {
		var p game.Path
		var updated, seenText, byText string
		if err := rows.Scan(&p.ID, &p.TeamID, &p.Name, &p.Position, &updated, &p.Device, &p.Deleted, &seenText, &byText); err != nil {
			return err
		}
		var err error
		if p.Context, err = parseContext(seenText); err != nil {
			return err
		}
		if p.DeletedBy, err = parseContext(byText); err != nil {
			return err
		}
		f.Paths = append(f.Paths, p)
		return setTime(&f.Paths[len(f.Paths)-1].Updated, updated)
	}}

var playsQuery = recordQuery{
	`SELECT ` + playColumns + ` FROM plays
	  WHERE workshop_id = ?1 AND (?2 OR deleted_at IS NULL) ORDER BY team_id, position, id`,
	scanPlay}

// playColumns are the columns of plays that scanPlay reads.
const playColumns = `id, team_id, code, text, area, COALESCE(path_id, ''), position, role, interactions, updated_at,
	         device_id, deleted_at IS NOT NULL, context, deleted_by`

// scanPlay reads a row of playColumns into the file's plays.
func scanPlay(rows *sql.Rows, f *game.File) error {
	var p game.Play
	var links, updated, seenText, byText string
	if err := rows.Scan(&p.ID, &p.TeamID, &p.Code, &p.Text, &p.Area, &p.PathID, intInto(&p.Position), &p.Role,
		&links, &updated, &p.Device, &p.Deleted, &seenText, &byText); err != nil {
		return err
	}
	if links != "[]" { // most plays have none, and need no JSON read for it
		if err := json.Unmarshal([]byte(links), &p.Interactions); err != nil {
			return fmt.Errorf("play %s: interactions: %w", p.ID, err)
		}
	}
	if len(p.Interactions) == 0 {
		p.Interactions = nil
	}
	var err error
	if p.Context, err = parseContext(seenText); err != nil {
		return err
	}
	if p.DeletedBy, err = parseContext(byText); err != nil {
		return err
	}
	f.Plays = append(f.Plays, p)
	return setTime(&f.Plays[len(f.Plays)-1].Updated, updated)
}

// A rating or note of a deleted play keeps its own state but is out of
// sight with its play: without tombstones, it is left out.
var ratingsQuery = recordQuery{
	`SELECT id, play_id, criterion, value, rater, created_at, updated_at, device_id, deleted_at IS NOT NULL, context, deleted_by FROM ratings r
	  WHERE workshop_id = ?1 AND (?2 OR (deleted_at IS NULL AND
	        NOT EXISTS (SELECT 1 FROM plays p WHERE p.id = r.play_id AND p.deleted_at IS NOT NULL)))
	  ORDER BY created_at, id`,
	func(rows *sql.Rows, f *game.File) error {
		var r game.Rating
		var at, updated, seenText, byText string
		if err := rows.Scan(&r.ID, &r.PlayID, &r.Criterion, &r.Value, &r.Rater, &at, &updated, &r.Device, &r.Deleted, &seenText, &byText); err != nil {
			return err
		}
		if err := setTime(&r.At, at); err != nil {
			return err
		}
		if err := setTime(&r.Updated, updated); err != nil {
			return err
		}
		var err error
		if r.Context, err = parseContext(seenText); err != nil {
			return err
		}
		if r.DeletedBy, err = parseContext(byText); err != nil {
			return err
		}
		f.Ratings = append(f.Ratings, r)
		return nil
	}}

var notesQuery = recordQuery{
	`SELECT id, COALESCE(team_id, ''), COALESCE(play_id, ''), kind, text, created_at, updated_at,
	         device_id, deleted_at IS NOT NULL, context, deleted_by FROM notes n
	  WHERE workshop_id = ?1 AND (?2 OR (deleted_at IS NULL AND
	        NOT EXISTS (SELECT 1 FROM plays p WHERE p.id = n.play_id AND p.deleted_at IS NOT NULL)))
	  ORDER BY created_at, id`,
	func(rows *sql.Rows, f *game.File) error {
		var n game.Note
		var at, updated, seenText, byText string
		if err := rows.Scan(&n.ID, &n.TeamID, &n.PlayID, &n.Kind, &n.Text, &at, &updated, &n.Device, &n.Deleted, &seenText, &byText); err != nil {
			return err
		}
		if err := setTime(&n.At, at); err != nil {
			return err
		}
		if err := setTime(&n.Updated, updated); err != nil {
			return err
		}
		var err error
		if n.Context, err = parseContext(seenText); err != nil {
			return err
		}
		if n.DeletedBy, err = parseContext(byText); err != nil {
			return err
		}
		f.Notes = append(f.Notes, n)
		return nil
	}}

func loadRecords(ctx context.Context, q querier, workshopID string, withDeleted bool, f *game.File) error {
	for _, rq := range recordQueries {
		if err := loadRows(ctx, q, rq, workshopID, withDeleted, f); err != nil {
			return err
		}
	}
	return nil
}

func loadRows(ctx context.Context, q querier, rq recordQuery, workshopID string, withDeleted bool, f *game.File) error {
	rows, err := q.QueryContext(ctx, rq.query, workshopID, withDeleted)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := rq.scan(rows, f); err != nil {
			return err
		}
	}
	return rows.Err()
}

// setTime reads a stored time into dst.
func setTime(dst *time.Time, text string) error {
	t, err := parseTime(text)
	if err != nil {
		return err
	}
	*dst = t
	return nil
}
