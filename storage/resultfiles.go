package storage

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"deckhand/cards"
	"deckhand/game"
)

// EachResultsFile reads the live workshops with the ids given, one after
// another in that order, and hands each to fn as a file holding what
// results are computed from (game.Results, game.CountedRatings,
// game.WriteResultsCSV, game.CardsOf): the workshop; its live teams and
// paths with their ids, names and places; its live participants with
// their ids, teams, pseudonyms and roles; its live plays whole; and the
// live ratings of its live plays with their play, criterion, value, rater,
// time and id (no sync fields). The records come in no particular order.
// It holds no notes and no erasure records. A workshop deleted since its
// id was listed is left out.
//
// Each workshop is read in a transaction of its own, so that a save made
// meanwhile waits for one workshop, not for all of them. The workshops
// after it are read while fn handles one (resultsReadAhead of them, on a
// goroutine of their own that holds no transaction while it waits), so
// that a pass takes about as long as reading the workshops; fn is called
// on the caller's goroutine, one file after another, and each file is let
// go when fn returns, so that a pass over thousands of workshops holds a
// few at a time. When fn fails or ctx ends, the reading stops and fn is
// not called again. Deck snapshots are read and parsed once per pass
// whatever the number of workshops played with the same deck, not cached
// beyond it, and shared between the files of the pass: fn must not change
// them.
func (s *Store) EachResultsFile(ctx context.Context, ids []string, fn func(f *game.File) error) error {
	if err := s.check.wait(ctx); err != nil { // what fn writes leaves the app
		return err
	}
	files := make(chan *game.File, resultsReadAhead)
	// The reader is stopped by a channel of its own rather than by
	// cancelling ctx: database/sql and SQLite watch a context that can be
	// cancelled at every query and every row.
	stop := make(chan struct{})
	var readErr error
	go func() {
		defer close(files)
		readErr = s.readResultsFiles(ctx, ids, func(f *game.File) error {
			select {
			case files <- f:
				return nil
			case <-stop:
				return errPassStopped
			}
		})
	}()
	for f := range files {
		err := ctx.Err() // a file read before ctx ended is not handed on either
		if err == nil {
			err = fn(f)
		}
		if err != nil {
			close(stop)
			for range files { // until the reader has stopped
			}
			return err
		}
	}
	return readErr
}

// errPassStopped stops EachResultsFile's reader once fn has failed.
var errPassStopped = errors.New("the pass over the workshops was stopped")

// resultsReadAhead is how many files EachResultsFile reads before fn has
// taken them: enough for reading and handling them to overlap.
const resultsReadAhead = 2

// readResultsFiles reads EachResultsFile's files and hands each to fn, on
// the goroutine that calls it. It holds no transaction while fn runs.
func (s *Store) readResultsFiles(ctx context.Context, ids []string, fn func(f *game.File) error) error {
	decks := map[string]*cards.Deck{} // by snapshot hash, for this pass
	snapshot := func(ctx context.Context, q querier, workshopID, hash string) (*cards.Deck, error) {
		if d, ok := decks[hash]; ok {
			return d, nil
		}
		text, err := snapshotText(ctx, q, workshopID, hash)
		if err != nil {
			return nil, err
		}
		d, err := parseSnapshot(workshopID, text)
		decks[hash] = d
		return d, err
	}
	var last fileSize
	for _, id := range ids {
		var f *game.File
		err := s.read(ctx, "load workshop", func(tx *sql.Tx) error {
			w, err := loadWorkshopWith(ctx, tx, id, false, snapshot)
			if errors.Is(err, ErrNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			f, err = resultsFileOf(ctx, tx, w, last)
			return err
		})
		if err != nil {
			return err
		}
		if f == nil {
			continue
		}
		last = fileSize{len(f.Plays), len(f.Ratings)}
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}

// resultsFileOf is the file EachResultsFile hands on of a workshop read
// already. like is how many plays and ratings the workshop read before
// had: room for as many is made at once instead of growing the slices
// row by row.
func resultsFileOf(ctx context.Context, q querier, w *game.Workshop, like fileSize) (*game.File, error) {
	f := &game.File{Workshop: *w, Teams: []game.Team{}, Participants: []game.Participant{}, Paths: []game.Path{},
		Plays: make([]game.Play, 0, like.plays), Ratings: make([]game.Rating, 0, like.ratings+like.ratings/8), Notes: []game.Note{}}
	for _, rq := range resultQueries {
		if err := loadRows(ctx, q, rq, w.ID, false, f); err != nil {
			return nil, err
		}
	}
	live := make(map[string]bool, len(f.Plays))
	for _, p := range f.Plays {
		live[p.ID] = true
	}
	f.Ratings = slices.DeleteFunc(f.Ratings, func(r game.Rating) bool { return !live[r.PlayID] })
	return f, nil
}

// fileSize is how many plays and ratings a file holds.
type fileSize struct{ plays, ratings int }

// resultQueries read a workshop's live records with what results are
// computed and written from, in no order (the results give theirs): of
// teams and paths their names and places, of participants their
// pseudonyms and roles, plays whole, ratings without their sync fields.
// Each query takes ?2 (withDeleted) to be false. Ratings of deleted plays
// are dropped after the plays are read, which costs less than asking
// SQLite for each rating's play.
var resultQueries = []recordQuery{{
	`SELECT id, name, position FROM teams WHERE workshop_id = ?1 AND NOT ?2 AND deleted_at IS NULL`,
	func(rows *sql.Rows, f *game.File) error {
		var t game.Team
		if err := rows.Scan(&t.ID, &t.Name, intInto(&t.Position)); err != nil {
			return err
		}
		f.Teams = append(f.Teams, t)
		return nil
	}}, {
	`SELECT id, COALESCE(team_id, ''), pseudonym, role FROM participants WHERE workshop_id = ?1 AND NOT ?2 AND deleted_at IS NULL`,
	func(rows *sql.Rows, f *game.File) error {
		var p game.Participant
		if err := rows.Scan(&p.ID, &p.TeamID, &p.Pseudonym, &p.Role); err != nil {
			return err
		}
		f.Participants = append(f.Participants, p)
		return nil
	}}, {
	`SELECT id, team_id, name, position FROM paths WHERE workshop_id = ?1 AND NOT ?2 AND deleted_at IS NULL`,
	func(rows *sql.Rows, f *game.File) error {
		var p game.Path
		if err := rows.Scan(&p.ID, &p.TeamID, &p.Name, intInto(&p.Position)); err != nil {
			return err
		}
		f.Paths = append(f.Paths, p)
		return nil
	}}, {
	`SELECT ` + playColumns + ` FROM plays WHERE workshop_id = ?1 AND NOT ?2 AND deleted_at IS NULL`,
	scanPlay}, {
	`SELECT id, play_id, criterion, value, rater, created_at FROM ratings WHERE workshop_id = ?1 AND NOT ?2 AND deleted_at IS NULL`,
	func(rows *sql.Rows, f *game.File) error {
		// Read in place: a rating is large beside its six columns.
		f.Ratings = append(f.Ratings, game.Rating{})
		r := &f.Ratings[len(f.Ratings)-1]
		var at string
		if err := rows.Scan(&r.ID, &r.PlayID, &r.Criterion, intInto(&r.Value), &r.Rater, &at); err != nil {
			return err
		}
		return setTime(&r.At, at)
	}},
}
